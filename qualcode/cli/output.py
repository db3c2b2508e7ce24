"""Printing for the command line: JSON for scripts, aligned tables for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualcode.project import Project


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def shorten(text: str, width: int = 60) -> str:
    """One line of at most ``width`` characters, with an ellipsis where it was cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[("" if v is None else str(v)) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line.rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())


def open_project(args: Any) -> Project:
    """Open the project named on the command line (imports SQLAlchemy: not at start-up)."""
    from qualcode.cli.startup import imports_done
    from qualcode.project import Project

    imports_done()
    coder = getattr(args, "coder", None)
    # a read command's --coder is a filter (a list), not who is working
    return Project.open(args.project, coder=coder if isinstance(coder, str) else None)


def chosen_coders(project: Project, names: Sequence[str] | None) -> tuple[str, ...] | None:
    """The coders named by a repeatable ``--coder`` filter, each checked; None for all."""
    if not names:
        return None
    from qualcode.errors import NotFoundError

    known = project.coders()
    for name in names:
        if name not in known:
            raise NotFoundError(f"coder {name!r}: no codings by this coder "
                                f"(coders: {', '.join(known) or 'none yet'})")
    return tuple(dict.fromkeys(names))


def add_project_argument(parser: Any) -> None:
    parser.add_argument("project", metavar="P",
                        help="the project: a NAME.qualcode file or a postgresql:// URL")


def positive_megabytes(value: str) -> int:
    import argparse

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of MB") from None
    if number < 1:
        raise argparse.ArgumentTypeError("give at least 1 (MB)")
    return number


def add_max_size_argument(parser: Any) -> None:
    parser.add_argument(
        "--max-size", type=positive_megabytes, default=50, metavar="MB",
        help="largest transcript to read, in MB of text (default 50); a .docx, .odt or "
        ".qdpx may unpack to four times this",
    )


def add_coder_argument(parser: Any) -> None:
    """``--coder NAME`` on a command that changes the project: whose change it is."""
    parser.add_argument(
        "--coder", metavar="NAME",
        help="who makes this change (default: QUALCODE_CODER, else the name you chose, "
             "else your account name)",
    )


def add_coder_filter(parser: Any, what: str = "count") -> None:
    """``--coder NAME`` (repeatable) on a command that reads: limit it to those coders."""
    parser.add_argument(
        "--coder", action="append", metavar="NAME",
        help=f"{what} only this coder's codings; repeat for several (default: all coders)",
    )
