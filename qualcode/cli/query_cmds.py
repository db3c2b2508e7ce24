"""Commands that read a project: documents, codes, cases, codings, history."""

from __future__ import annotations

import argparse

from qualcode.cli.output import (
    add_coder_filter,
    add_project_argument,
    chosen_coders,
    open_project,
    print_json,
    print_table,
    shorten,
)


def run_documents(args: argparse.Namespace) -> int:
    from qualcode.sqlite_reads import documents_json

    rows = documents_json(args.project)  # no SQLAlchemy: scripts call this often
    if rows is None:
        with open_project(args) as project:
            rows = [d.to_json() for d in project.documents()]
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["#", "document", "participant", "words", "turns", "sentences", "codings", "coded"],
        [
            [d["order"], d["name"], d["case"], d["words"], d["turns"], d["sentences"],
             d["codings"], f"{d['coded_share']:.0%}"]
            for d in rows
        ],
    )
    return 0


def run_codes(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        codes = project.codes()
    if args.json:
        print_json([c.to_json() for c in codes])
        return 0
    print_table(
        ["code", "key", "colour"],
        [["  " * c.depth + c.name, c.key, c.color] for c in codes],
    )
    return 0


def run_cases(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        cases = project.cases()
    if args.json:
        print_json([c.to_json() for c in cases])
        return 0
    names: list[str] = []
    for case in cases:
        names += [n for n in case.attributes if n not in names]
    print_table(
        ["participant", *names, "documents"],
        [[c.name, *(c.attributes.get(n) for n in names), ", ".join(c.documents)] for c in cases],
    )
    return 0


def run_codings(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        coders = chosen_coders(project, args.coder)
        codings = project.codings(document=args.doc, code=args.code)
    if coders is not None:
        codings = [c for c in codings if c.coder in coders]
    if args.json:
        print_json([c.to_json() for c in codings])
        return 0
    print_table(
        ["id", "document", "where", "span", "code", "coder", "text"],
        [
            [c.id, c.document, str(c.position), f"{c.start}:{c.end}", " > ".join(c.code_path),
             c.coder, shorten(c.text)]
            for c in codings
        ],
    )
    return 0


def run_speakers(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        if args.doc is not None:
            project.document(args.doc)
        speakers = project.speakers(args.doc)
    if args.json:
        print_json([s.to_json() for s in speakers])
        return 0
    print_table(
        ["document", "label", "legend", "role", "participant", "turns"],
        [[s.document, s.label, s.name, s.role, s.participant, s.turns] for s in speakers],
    )
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        events = project.history(args.limit)
    if args.json:
        print_json([e.__dict__ for e in events])
        return 0
    print_table(
        ["#", "when", "who", "what", "state"],
        [[e.id, e.at, e.coder, e.summary, e.state if e.undoable else ""] for e in events],
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    for name, run, text in (
        ("documents", run_documents, "list documents in interview order"),
        ("codes", run_codes, "list the codebook in codebook order"),
        ("cases", run_cases, "list participants with their attributes"),
    ):
        p = subparsers.add_parser(name, help=text)
        add_project_argument(p)
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.set_defaults(run=run)

    p = subparsers.add_parser("codings", help="list codings")
    add_project_argument(p)
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--code", metavar="PATH")
    add_coder_filter(p, "list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_codings)

    p = subparsers.add_parser(
        "speakers", help="speaker labels per document: legend name, role, participant"
    )
    add_project_argument(p)
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_speakers)

    p = subparsers.add_parser("history", help="the change log (audit trail)")
    add_project_argument(p)
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_history)
