"""Commands that change a project: init, import, participants, codebook, code, undo, redo."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qualcode.cli.output import (
    add_coder_argument,
    add_max_size_argument,
    add_project_argument,
    open_project,
)
from qualcode.errors import QualcodeError, one_line


def run_init(args: argparse.Namespace) -> int:
    spec = None
    if args.codebook:
        from qualcode.codebook_files import read_codebook
        from qualcode.shipped import codebook_path

        spec = read_codebook(codebook_path(args.codebook))  # refuse it before creating
    from qualcode.cli.startup import imports_done
    from qualcode.project import Project
    from qualcode.store import shown

    imports_done()
    with Project.creating(args.project, language=args.language, coder=args.coder) as project:
        if args.name:
            project.set_setting("name", args.name)
        added = project.merge_codebook(spec)[0] if spec is not None else 0
    source = f" with {added} codes from {args.codebook}" if spec is not None else ""
    print(f"created {shown(args.project)}{source}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    if args.name and len(args.files) > 1:
        raise QualcodeError("--name works with a single file only")
    from qualcode.ingest.limits import Limits

    limits = Limits(args.max_size)
    failed = 0
    with open_project(args) as project:
        for file in args.files:
            try:
                report = project.import_document(
                    Path(file), case=args.case, name=args.name, limits=limits
                )
            except QualcodeError as exc:
                print(f"error: {one_line(str(exc))}", file=sys.stderr)
                failed += 1
            else:
                print(report.line())
                for warning in report.warnings:
                    print(f"warning: {warning}", file=sys.stderr)
    return 1 if failed else 0


def run_participants(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        report = project.import_participants(Path(args.file), key=args.key)
    print(report.line())
    warning = report.warning()
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def run_codebook(args: argparse.Namespace) -> int:
    from qualcode.codebook_files import read_codebook
    from qualcode.shipped import codebook_path

    spec = read_codebook(codebook_path(args.file))
    with open_project(args) as project:
        added, updated = project.merge_codebook(spec)
    print(f"{args.file}: {added} codes added, {updated} updated")
    return 0


def _span(text: str) -> tuple[int, int]:
    try:
        start, end = (int(part) for part in text.split(":"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"span {text!r}: use START:END") from None
    return start, end


def run_code(args: argparse.Namespace) -> int:
    from qualcode.project.codings import find_match

    with open_project(args) as project:
        if args.from_file:
            ids = project.add_codings_from_csv(Path(args.from_file))
            print(f"added {len(ids)} codings from {args.from_file}")
            return 0
        if not args.doc or not args.code:
            raise QualcodeError("code: --doc and --code are required (or --from FILE.csv)")
        if args.match is not None:
            text = project.document_text(args.doc).text
            start, end = find_match(args.doc, text, args.match, args.nth)
        elif args.span is not None:
            start, end = args.span
        else:
            raise QualcodeError("code: give --match TEXT or --span START:END")
        coding = project.add_coding(
            args.doc, args.code, start, end, coder=args.coder, memo=args.memo or ""
        )
    print(f"coding {coding.id}: {coding.document} {start}:{end} {' > '.join(coding.code_path)}")
    return 0


def run_uncode(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        project.remove_coding(args.id)
    print(f"removed coding {args.id}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        event = project.undo() if args.command == "undo" else project.redo()
    if event is None:
        raise QualcodeError(
            f"{project.location}: nothing of {project.coder!r} to {args.command}")
    print(f"{args.command}: {event.summary}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        counts = project.backup(args.out)
        print(f"backed up {project.location} to {args.out} "
              f"({counts['document']} documents, {counts['coding']} codings)")
    return 0


def run_order(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        names = [d.name for d in project.documents()]
        if args.doc:
            if args.to is None or len(args.names) > 0:
                raise QualcodeError("order: use --doc NAME --to N, or list every document")
            args.doc = project.resolve_document(args.doc)
            if not 1 <= args.to <= len(names):
                raise QualcodeError(f"--to {args.to}: must be between 1 and {len(names)}")
            names.remove(args.doc)
            names.insert(args.to - 1, args.doc)
        elif args.names:
            names = [project.resolve_document(name) for name in args.names]
        else:
            raise QualcodeError("order: use --doc NAME --to N, or list every document")
        project.set_interview_order(names)
        print("interview order: " + ", ".join(d.name for d in project.documents()))
    return 0


def run_role(args: argparse.Namespace) -> int:
    from qualcode.analysis.saturation_text import plural

    if args.role is None and args.participant is None:
        raise QualcodeError("role: give --role, --participant or both")
    with open_project(args) as project:
        args.doc = project.resolve_document(args.doc)
        if args.participant is None:
            count = project.set_turn_role(args.doc, args.speaker, args.role)
        else:
            project.correct_speaker(
                args.doc, args.speaker, role=args.role, participant=args.participant or None
            )
            count = next(
                s.turns for s in project.speakers(args.doc) if s.label == args.speaker
            )
    if args.role is not None:
        print(f"{args.doc}: {count} turns of {args.speaker!r} are now {args.role}")
    if args.participant is not None:
        print(f"{args.doc}: {args.speaker!r} speaks for "
              f"{args.participant or 'the document participant'} ({plural(count, 'turn')})")
    return 0


def run_status(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        changed = project.set_status(args.names, args.set)
        documents = project.documents()
    coded = sum(1 for d in documents if d.status == "coded")
    unchanged = len(set(args.names)) - len(changed)
    line = f"{', '.join(changed) or 'nothing'} marked {args.set}"
    if unchanged:
        line += f" ({unchanged} already {args.set})"
    print(f"{line}; {coded} of {len(documents)} documents are coded")
    return 0


def _shipped_names() -> str:
    from qualcode.shipped import shipped_codebooks

    return ", ".join(c.name for c in shipped_codebooks()) or "none in this installation"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("init", help="create a new project")
    add_project_argument(p)
    p.add_argument("--codebook", metavar="FILE|NAME",
                   help="a codebook to start with (.yaml, .qdc, .csv or .xlsx), or the name of "
                        f"a codebook shipped with qualcode ({_shipped_names()}; "
                        "see 'qualcode codebooks')")
    p.add_argument("--language", default="nl",
                   help="transcript language, a spaCy code such as nl, en, de (default: nl)")
    p.add_argument("--name", help="a display name for the project")
    add_coder_argument(p)
    p.set_defaults(run=run_init)

    p = subparsers.add_parser("import", help="import transcripts (each file its own transaction)")
    add_project_argument(p)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--case", help="the participant these transcripts belong to")
    p.add_argument("--name", help="document name (single file only; default: file name)")
    add_max_size_argument(p)
    add_coder_argument(p)
    p.set_defaults(run=run_import)

    p = subparsers.add_parser("participants", help="load participants and attributes (.csv/.xlsx)")
    add_project_argument(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--key", metavar="COLUMN", help="column holding the case name (default: first)")
    add_coder_argument(p)
    p.set_defaults(run=run_participants)

    p = subparsers.add_parser(
        "codebook", help="add or merge codes from a .yaml, .qdc, .csv or .xlsx codebook")
    add_project_argument(p)
    p.add_argument("file", metavar="FILE|NAME",
                   help="a codebook file, or the name of a shipped codebook")
    add_coder_argument(p)
    p.set_defaults(run=run_codebook)

    p = subparsers.add_parser("code", help="apply a code to a passage")
    add_project_argument(p)
    p.add_argument("--doc", metavar="NAME")
    p.add_argument("--code", metavar="PATH", help="'Parent > Child', or a unique name")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--match", metavar="TEXT", help="the exact text to code")
    where.add_argument("--span", type=_span, metavar="START:END", help="code-point offsets")
    p.add_argument("--nth", type=int, metavar="K", help="which match, counting from 1")
    add_coder_argument(p)
    p.add_argument("--memo", metavar="TEXT")
    p.add_argument("--from", dest="from_file", metavar="FILE.csv",
                   help="many codings: columns document, code, start, end[, coder, memo]")
    p.set_defaults(run=run_code)

    p = subparsers.add_parser("order", help="set the interview order (used by saturation)")
    add_project_argument(p)
    p.add_argument("names", nargs="*", metavar="DOC", help="every document, in interview order")
    p.add_argument("--doc", metavar="NAME", help="move one document ...")
    p.add_argument("--to", type=int, metavar="N", help="... to position N (1-based)")
    add_coder_argument(p)
    p.set_defaults(run=run_order)

    p = subparsers.add_parser("role", help="correct a speaker's inferred role in a document")
    add_project_argument(p)
    p.add_argument("--doc", required=True, metavar="NAME")
    p.add_argument("--speaker", required=True, metavar="LABEL")
    p.add_argument("--role", choices=["interviewer", "respondent", "unknown"],
                   help="the label's role in every turn (needed unless --participant is given)")
    p.add_argument("--participant", metavar="NAME",
                   help="the participant who speaks under this label ('' = the document's)")
    add_coder_argument(p)
    p.set_defaults(run=run_role)

    p = subparsers.add_parser("status", help="mark documents not-started, in-progress, "
                              "coded or excluded (saturation counts coded ones)")
    add_project_argument(p)
    p.add_argument("names", nargs="+", metavar="DOC")
    p.add_argument("--set", required=True,
                   choices=["not-started", "in-progress", "coded", "excluded"])
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_status)

    p = subparsers.add_parser("uncode", help="remove a coding")
    add_project_argument(p)
    p.add_argument("--id", type=int, required=True)
    add_coder_argument(p)
    p.set_defaults(run=run_uncode)

    p = subparsers.add_parser(
        "backup", help="a complete, consistent copy of a project (safe while it is open)")
    add_project_argument(p)
    p.add_argument("out", metavar="OUT", help="the copy to write (a .qualcode file)")
    p.set_defaults(run=run_backup)

    for name, text in (("undo", "undo this coder's last change (never another coder's)"),
                       ("redo", "redo this coder's last undone change")):
        p = subparsers.add_parser(name, help=text)
        add_project_argument(p)
        add_coder_argument(p)
        p.set_defaults(run=run_undo)
