"""Everyday housekeeping: rename and delete documents, participants, memos, colours, language."""

from __future__ import annotations

import argparse
import sys

from qualcode.cli.output import add_project_argument, open_project, print_json, print_table


def run_rename_document(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        old = project.resolve_document(args.old)
        new = project.rename_document(old, args.new)
    print(f"renamed document {old} to {new}")
    return 0


def run_delete_document(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        name = project.resolve_document(args.name)
        removed = project.delete_document(name)
    print(f"deleted document {name} and its {removed} codings (`qualcode undo` restores them)")
    return 0


def run_assign_document(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        name = project.resolve_document(args.name)
        case = project.assign_document(name, args.participant)
    print(f"document {name} now belongs to {case or 'no participant'}")
    return 0


def run_rename_case(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        outcome = project.rename_case(args.old, args.new)
    verb = "merged participant" if outcome == "merged" else "renamed participant"
    print(f"{verb} {args.old} {'into' if outcome == 'merged' else 'to'} {args.new}")
    return 0


def run_memo(args: argparse.Namespace) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    if args.project_memo:
        on, target = "project", None
    elif args.doc is not None:
        on, target = "document", args.doc
    elif args.code is not None:
        on, target = "code", args.code
    else:
        on, target = "coding", args.id
    with open_project(args) as project:
        label = project.set_memo(on, target, text)
    print(f"{'memo removed from' if not text.strip() else 'memo written on'} {label}")
    return 0


def run_memos(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        memos = project.memo_entries()
    if args.json:
        print_json([memo.to_json() for memo in memos])
        return 0
    print_table(
        ["on", "target", "coder", "at", "memo"],
        [[m.on, "" if m.target is None else m.target, m.coder, m.at,
          " ".join(m.text.split())[:70]] for m in memos],
    )
    return 0


def run_colours(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        count = project.assign_code_colours()
    print(f"{count} codes got a colour" if count else "every code has a colour already")
    return 0


def run_language(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        old = project.language
        count = project.set_language(args.code)
    print(f"language {old} -> {args.code}: sentences of {count} documents split again "
          "(codings keep their offsets)")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("rename-document", help="rename a document (codings follow)")
    add_project_argument(p)
    p.add_argument("old", metavar="OLD", help="the name, or a unique prefix of it")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_rename_document)

    p = subparsers.add_parser("delete-document",
                              help="delete a document with its codings (undo restores it)")
    add_project_argument(p)
    p.add_argument("name", metavar="NAME", help="the name, or a unique prefix of it")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_delete_document)

    p = subparsers.add_parser("assign-document",
                              help="make a participant the one a document belongs to")
    add_project_argument(p)
    p.add_argument("name", metavar="DOC", help="the document, or a unique prefix of its name")
    p.add_argument("participant", metavar="PARTICIPANT",
                   help="a participant's name (created if new; '' detaches the document)")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_assign_document)

    p = subparsers.add_parser("rename-case",
                              help="rename a participant (an existing name merges the two)")
    add_project_argument(p)
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_rename_case)

    p = subparsers.add_parser("memo", help="write the memo on the project, a document, a code "
                                           "or a coding (an empty text removes it)")
    add_project_argument(p)
    on = p.add_mutually_exclusive_group(required=True)
    on.add_argument("--project", dest="project_memo", action="store_true",
                    help="the project's memo")
    on.add_argument("--doc", metavar="NAME", help="a document (or a unique prefix of its name)")
    on.add_argument("--code", metavar="PATH", help="a code: 'Parent > Child' or a unique name")
    on.add_argument("--id", type=int, metavar="CODING", help="a coding's id")
    p.add_argument("--text", required=True, metavar="TEXT", help="the memo; '-' reads stdin")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_memo)

    p = subparsers.add_parser("memos", help="list every memo")
    add_project_argument(p)
    p.add_argument("--json", action="store_true",
                   help="[{on, target, text, coder, at}]")
    p.set_defaults(run=run_memos)

    p = subparsers.add_parser("colours", aliases=["colors"],
                              help="give every code without a colour one")
    add_project_argument(p)
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_colours)

    p = subparsers.add_parser("language",
                              help="change the transcript language and split sentences again")
    add_project_argument(p)
    p.add_argument("code", metavar="CODE", help="a language code such as nl, en, de, fr")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_language)


__all__ = ["register"]
