"""``qualcode export FORMAT P OUT``: the workbook, CSV, and the quote report.

Formats come from :data:`qualcode.export.EXPORTERS`, so formats added there
appear here without changes to this module.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from qualcode.cli.output import add_coder_filter, add_project_argument, open_project
from qualcode.errors import QualcodeError, one_line
from qualcode.export import CODER_FORMATS


def _formats() -> list[str]:
    from qualcode.export import EXPORTERS

    return sorted(EXPORTERS)


def terminal_progress() -> Callable[[float, str], None] | None:
    """A progress line on stderr when it is a terminal (never in a pipe or a log)."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(fraction: float, message: str) -> None:
        percent = int(100 * min(1.0, max(0.0, fraction)))
        if percent != last[0]:
            last[0] = percent
            sys.stderr.write(f"\r\x1b[K{percent:3d}% {one_line(message)[:70]}")
            if percent >= 100:
                sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()

    return show


def run_export(args: argparse.Namespace) -> int:
    from qualcode.export import ExportOptions, export

    if args.coder and args.format not in CODER_FORMATS:
        raise QualcodeError(f"--coder: export {args.format} writes every coder's work "
                            f"(--coder works with {', '.join(CODER_FORMATS)})")
    options = ExportOptions(
        coders=tuple(dict.fromkeys(args.coder)) if args.coder else None,
        attributes=tuple(args.attribute) if args.attribute else None,
        attribution=tuple(args.attribution) if args.attribution else None,
        quotes_per_code=args.quotes_per_code,
        participants_called=args.participants_called,
        progress=terminal_progress(),
    )
    try:
        with open_project(args) as project:
            export(args.format, project, args.out, options)
    finally:
        if options.progress is not None:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
    print(f"wrote {args.out}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "export", help="export quotes: xlsx workbook, csv, md or docx quote report",
        description="Write the project to OUT (replaced only when the export succeeds).",
    )
    p.add_argument("format", metavar="FORMAT", choices=_formats(),
                   help="one of: " + ", ".join(_formats()))
    add_project_argument(p)
    p.add_argument("out", metavar="OUT", help="the file to write")
    p.add_argument("--attribute", action="append", metavar="NAME",
                   help="participant attribute shown beside quotes (xlsx, csv); repeatable "
                        "(default: every attribute loaded)")
    p.add_argument("--attribution", action="append", metavar="ITEM",
                   help="md/docx: attribute name or template like '{age} j.' after the "
                        "participant in a quote's attribution; repeatable")
    p.add_argument("--quotes-per-code", type=int, metavar="N",
                   help="md/docx: at most N quotes per code")
    p.add_argument("--participants-called", default=None, metavar="WORD",
                   help="md/docx: what participants are called, e.g. GPs "
                        "(default: participants, in the project's language)")
    add_coder_filter(p, "export")
    p.set_defaults(run=run_export)
