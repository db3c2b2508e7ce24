"""The command line: a contract that scripts and outside checks rely on.

Exit status: 0 done; 1 refused (one ``error:`` line on stderr naming the file
or item; the project is left as it was); 2 wrong usage (argparse). Each
command group lives in its own module with a ``register(subparsers)``
function; commands are plain functions ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from qualcode import __version__
from qualcode.errors import QualcodeError


def build_parser() -> argparse.ArgumentParser:
    from qualcode.cli import (
        analysis_cmds,
        change_cmds,
        codebooks_cmds,
        export_cmds,
        pseudonymise_cmds,
        query_cmds,
        refi_cmds,
        search_cmds,
        tui_cmds,
    )

    parser = argparse.ArgumentParser(
        prog="qualcode",
        description="Code qualitative interview transcripts. "
        "The project file (NAME.qualcode) is always the first argument.",
    )
    parser.add_argument("--version", action="version", version=f"qualcode {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        change_cmds, codebooks_cmds, query_cmds, analysis_cmds, search_cmds, export_cmds,
        refi_cmds, pseudonymise_cmds, tui_cmds,
    ):
        module.register(subparsers)
    return parser


def _join_dash_values(argv: Sequence[str]) -> list[str]:
    """Let ``--span -3:5`` reach our own check (exit 1), not argparse's (exit 2).

    argparse takes a value starting with ``-`` for an option unless it looks
    like a plain number; a negative span is bad input to refuse, not bad usage.
    """
    joined: list[str] = []
    items = list(argv)
    for i, item in enumerate(items):
        if i and items[i - 1] in ("--span", "--match") and item.startswith("-") and joined:
            joined[-1] = f"{joined[-1]}={item}"
        else:
            joined.append(item)
    return joined


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # qualcode is the process, not a library call
        from qualcode.cli import startup

        startup.begin()
    parser = build_parser()
    args = parser.parse_args(_join_dash_values(sys.argv[1:] if argv is None else argv))
    try:
        return int(args.run(args) or 0)
    except QualcodeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
