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
from qualcode.errors import QualcodeError, one_line


def build_parser() -> argparse.ArgumentParser:
    from qualcode.cli import (
        analysis_cmds,
        change_cmds,
        codebooks_cmds,
        consensus_cmds,
        export_cmds,
        housekeeping_cmds,
        merge_cmds,
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
    parser.add_argument(
        "--debug", action="store_true",
        help="show the full Python traceback of an unexpected error (may print project "
        "text; also accepted after the command)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        change_cmds, codebooks_cmds, housekeeping_cmds, query_cmds, analysis_cmds,
        consensus_cmds, search_cmds, export_cmds, merge_cmds, refi_cmds, pseudonymise_cmds,
        tui_cmds,
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


def _take_debug(argv: Sequence[str]) -> tuple[list[str], bool]:
    """Accept ``--debug`` anywhere before ``--`` (people add it after the command)."""
    items = list(argv)
    end = items.index("--") if "--" in items else len(items)
    debug = "--debug" in items[:end]
    return [a for i, a in enumerate(items) if i >= end or a != "--debug"], debug


def _refusal(exc: BaseException, args: argparse.Namespace) -> str:
    """The one ``error:`` line for an exception that is not a QualcodeError.

    Database and OS errors are described by :func:`qualcode.store_errors.describe_failure`
    (the project and the problem, never a statement's values); anything else
    names only its type, since its message could quote interview text.
    """
    from qualcode.store_errors import describe_failure

    location = getattr(args, "project", None)
    described = describe_failure(exc, location)
    if described is not None:
        return described
    where = f"{location}: " if location else ""
    return (f"{where}unexpected {type(exc).__name__}; nothing more is shown because it could "
            "contain project text (run again with --debug to see the traceback)")


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # qualcode is the process, not a library call
        from qualcode.cli import startup

        startup.begin()
    parser = build_parser()
    items, debug = _take_debug(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(_join_dash_values(items))
    try:
        return int(args.run(args) or 0)
    except QualcodeError as exc:
        print(f"error: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 1
    except RecursionError:
        if debug:
            raise
        print("error: input nested too deeply to read", file=sys.stderr)
        return 1
    except MemoryError:
        if debug:
            raise
        print("error: not enough memory for this input", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return _broken_pipe()
    except Exception as exc:
        if debug:
            raise
        print(f"error: {one_line(_refusal(exc, args))}", file=sys.stderr)
        return 1


def _broken_pipe() -> int:
    """The reader (e.g. ``| head``) went away; that is not an error of ours."""
    import contextlib
    import os

    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
