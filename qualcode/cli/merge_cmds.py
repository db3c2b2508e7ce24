"""``qualcode merge P OTHER``: bring a second coder's copy of the study back in."""

from __future__ import annotations

import argparse

from qualcode.cli.output import add_coder_argument, add_project_argument, open_project, print_json


def run_merge(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        report = project.merge(args.other)
    if args.json:
        print_json(report.to_json())
    else:
        print("\n".join(report.lines()))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "merge", help="merge another copy of the project (.qualcode, URL or .qdpx) into P",
        description="Documents are matched by text, then name; codes by GUID, then path; "
        "cases by name. Codings already in P (same document, code, span and coder) are "
        "not added again, so merging the same copy twice adds nothing. Refused, with "
        "nothing merged, when a document of the same name has a different text. "
        "One change: `qualcode undo P` takes it back.",
    )
    add_project_argument(p)
    p.add_argument("other", metavar="OTHER",
                   help="the other copy: a .qualcode file, a postgresql:// URL or a .qdpx")
    p.add_argument("--json", action="store_true", help="the summary as JSON")
    add_coder_argument(p)
    p.set_defaults(run=run_merge)
