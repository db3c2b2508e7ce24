"""``qualcode export FORMAT P OUT``: the workbook, CSV, and the quote report.

Formats come from :data:`qualcode.export.EXPORTERS`, so formats added there
appear here without changes to this module.
"""

from __future__ import annotations

import argparse

from qualcode.cli.output import add_project_argument, open_project


def _formats() -> list[str]:
    from qualcode.export import EXPORTERS

    return sorted(EXPORTERS)


def run_export(args: argparse.Namespace) -> int:
    from qualcode.export import ExportOptions, export

    options = ExportOptions(
        attributes=tuple(args.attribute) if args.attribute else None,
        attribution=tuple(args.attribution) if args.attribution else None,
        quotes_per_code=args.quotes_per_code,
        participants_called=args.participants_called,
    )
    with open_project(args) as project:
        export(args.format, project, args.out, options)
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
                   help="participant attribute shown beside quotes (xlsx, csv); repeatable")
    p.add_argument("--attribution", action="append", metavar="ITEM",
                   help="md/docx: attribute name or template like '{age} j.' after the "
                        "participant in a quote's attribution; repeatable")
    p.add_argument("--quotes-per-code", type=int, metavar="N",
                   help="md/docx: at most N quotes per code")
    p.add_argument("--participants-called", default="participants", metavar="WORD",
                   help="md/docx: what participants are called, e.g. GPs")
    p.set_defaults(run=run_export)
