"""``qualcode import-refi P FILE``: bring in a REFI-QDA codebook (.qdc) or project (.qdpx).

Exports are ``qualcode export qdc|qdpx P OUT`` (the export registry).
"""

from __future__ import annotations

import argparse

from qualcode.cli.output import add_coder_argument, add_max_size_argument, print_json


def run_import_refi(args: argparse.Namespace) -> int:
    from qualcode.cli.startup import imports_done
    from qualcode.ingest.limits import Limits
    from qualcode.refi import import_refi

    imports_done()
    report = import_refi(
        args.project, args.file, coder=args.coder, language=args.language,
        limits=Limits(args.max_size), allow_outside_sources=args.allow_outside_sources,
    )
    if args.json:
        print_json(report.to_json())
    else:
        print("\n".join(report.lines()))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-refi",
        help="import a REFI-QDA codebook (.qdc) or project (.qdpx) from NVivo, ATLAS.ti, ...",
        description="Import a REFI-QDA .qdc codebook (merged by GUID, then by path) or a "
        ".qdpx project (codebook, users as coders, cases and variables, text sources, "
        "codings, notes as memos). P is created if it does not exist. Nothing is "
        "imported if the file is refused.",
    )
    parser.add_argument("project", metavar="P", help="the project file (NAME.qualcode)")
    parser.add_argument("file", metavar="FILE", help="the .qdc or .qdpx file")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    add_coder_argument(parser)
    parser.add_argument(
        "--language", default="nl", help="language of a project created by the import"
    )
    parser.add_argument(
        "--allow-outside-sources", action="store_true",
        help="also read source texts a .qdpx names by absolute path or through its basePath "
        "(off by default: a shared .qdpx could name any file on this computer; /proc, /sys "
        "and /dev are never read)",
    )
    add_max_size_argument(parser)
    parser.set_defaults(run=run_import_refi)
