"""Pseudonymisation from the command line: detect (to review), then apply a mapping."""

from __future__ import annotations

import argparse

from qualcode.cli.output import add_project_argument, open_project, print_json, print_table
from qualcode.errors import QualcodeError


def parse_additions(items: list[str] | None) -> list[tuple[str, str]]:
    from qualcode.pseudonymise import KINDS

    additions = []
    for item in items or []:
        text, _, kind = item.rpartition("=") if "=" in item else (item, "", "person")
        text, kind = text.strip(), kind.strip() or "person"
        if not text:
            raise QualcodeError(f"--add {item!r}: write TEXT or TEXT=KIND")
        if kind not in KINDS:
            raise QualcodeError(f"--add {item!r}: kind must be one of {', '.join(KINDS)}")
        additions.append((text, kind))
    return additions


def run_pseudonymise(args: argparse.Namespace) -> int:
    from qualcode.pseudonymise import detect, read_mapping, write_key

    if args.apply:
        pairs = read_mapping(args.apply)
        with open_project(args) as project:
            report = project.pseudonymise(pairs)
        if args.key_out:
            write_key(args.key_out, pairs)
        if args.json:
            print_json({
                "items": report.items,
                "replacements": report.replacements,
                "documents": report.documents,
                "codings_changed": [
                    {"id": c.id, "document": c.document, "text": c.text}
                    for c in report.codings_changed
                ],
            })
            return 0
        from qualcode.analysis.saturation_text import plural

        print(f"replaced {plural(report.items, 'item')} "
              f"({plural(report.replacements, 'occurrence')}) in "
              f"{plural(report.documents, 'document')}; the project keeps no original")
        if report.codings_changed:
            changed = len(report.codings_changed)
            verb = "reads" if changed == 1 else "read"
            print(f"{plural(changed, 'coding')} now {verb} differently:")
            for coding in report.codings_changed:
                print(f"  {coding.id}  {coding.document}: {' '.join(coding.text.split())[:80]}")
        if args.key_out:
            print(f"key written to {args.key_out} (keep it apart from the project)")
        return 0
    with open_project(args) as project:
        findings = detect(project, parse_additions(args.add))
    if args.out:
        write_key(args.out, [(f.text, f.pseudonym) for f in findings])
    if args.json:
        print_json([f.to_json() for f in findings])
        return 0
    print_table(["text", "kind", "count", "pseudonym"],
                [[f.text, f.kind, f.count, f.pseudonym] for f in findings])
    if args.out:
        print(f"wrote {args.out}: edit it, then run with --apply {args.out}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "pseudonymise", help="find identifying details (--detect), then replace them (--apply)"
    )
    add_project_argument(p)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--detect", action="store_true",
                      help="list identifying details with proposed pseudonyms")
    what.add_argument("--apply", metavar="MAPPING.csv",
                      help="replace every text in the CSV (columns text, pseudonym); one way")
    p.add_argument("--add", action="append", metavar="TEXT[=KIND]",
                   help="with --detect: a detail the detector missed (default kind person)")
    p.add_argument("--out", metavar="MAPPING.csv",
                   help="with --detect: write the findings as a mapping to edit (owner-only)")
    p.add_argument("--key-out", metavar="KEY.csv",
                   help="with --apply: also write the key original -> pseudonym (owner-only)")
    p.add_argument("--coder", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_pseudonymise)
