"""``qualcode codebooks``: the codebooks that ship with qualcode, usable by name."""

from __future__ import annotations

import argparse

from qualcode.cli.output import print_json, print_table


def run_codebooks(args: argparse.Namespace) -> int:
    from qualcode.codebook_files import read_codebook
    from qualcode.shipped import shipped_codebooks

    rows = []
    for shipped in shipped_codebooks():
        spec = read_codebook(shipped.path)
        rows.append(
            {"name": shipped.name, "title": spec.name, "codes": sum(1 for _ in spec.walk()),
             "description": spec.description, "file": str(shipped.path)}
        )
    if args.json:
        print_json(rows)
        return 0
    print_table(["name", "codes", "title"], [[r["name"], r["codes"], r["title"]] for r in rows])
    print("\nStart a project with one: qualcode init P --codebook NAME")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "codebooks", help="list the codebooks shipped with qualcode (usable by name)",
        description="List the codebooks that come with qualcode. Name one in "
        "'qualcode init P --codebook NAME' or 'qualcode codebook P NAME'.",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_codebooks)
