"""Commands that analyse a project: stats, saturation, matrix, cooccurrence, agreement.

All of them count from one :class:`~qualcode.analysis.snapshot.StudySnapshot`
(``Project.snapshot``), so the figures match the TUI and the Excel export.
"""

from __future__ import annotations

import argparse
import csv
import sys

from qualcode.cli.output import (
    add_coder_filter,
    add_project_argument,
    chosen_coders,
    open_project,
    print_json,
    print_table,
    shorten,
)
from qualcode.errors import QualcodeError


def _category(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    from qualcode.project.codetree import split_path

    return split_path(text)


def run_stats(args: argparse.Namespace) -> int:
    from qualcode.analysis.frequencies import frequencies

    with open_project(args) as project:
        study = project.snapshot(coder=chosen_coders(project, args.coder))
        table = frequencies(study, with_children=args.with_children)
    if args.json:
        print_json([row.to_json() for row in table.rows])
        return 0
    print_table(
        ["code", "segments", "documents", "participants", "share", "words"],
        [
            ["  " * (len(r.code_path) - 1) + r.code_path[-1], r.segments, r.documents,
             r.participants, r.share, r.words]
            for r in table.rows
        ],
    )
    return 0


def run_saturation(args: argparse.Namespace) -> int:
    from qualcode.analysis.saturation import saturation

    with open_project(args) as project:
        study = project.snapshot()
        if args.category is not None:
            project.code(args.category)  # refuses an unknown category by name
        result = saturation(
            study,
            args.method,
            base=args.base,
            run=args.run_length,
            threshold=args.threshold,
            denominator=args.denominator,
            initial=args.initial,
            stop=args.stop,
            category=_category(args.category),
            respondent_only=args.respondent_only,
            coder=args.coder,
        )
    if args.json:
        print_json(result.to_json())
        return 0
    data = result.to_json()
    print_table(
        ["#", "document", "new", "cumulative", "new codes"],
        [
            [i, name, new, cumulative, shorten(", ".join(p[-1] for p in paths), 70)]
            for i, (name, new, cumulative, paths) in enumerate(
                zip(data["order"], data["new_codes"], data["cumulative"],
                    data["new_code_paths"], strict=True),
                start=1,
            )
        ],
    )
    print()
    print(result.verdict)
    return 0


def run_matrix(args: argparse.Namespace) -> int:
    from qualcode.analysis import matrices

    with open_project(args) as project:
        study = project.snapshot(coder=chosen_coders(project, args.coder))
    if args.by == "document":
        matrix = matrices.code_by_document(study)
    elif args.by == "participant":
        matrix = matrices.code_by_participant(study)
    else:
        if not args.attribute:
            raise QualcodeError("matrix --by attribute: name the attribute with --attribute")
        known = {name for case in study.cases for name in case.attributes}
        if args.attribute not in known:
            raise QualcodeError(f"attribute {args.attribute!r}: no participant has it")
        matrix = matrices.code_by_attribute(
            study, args.attribute, measure=args.measure, band_width=args.band
        )
    if args.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerows(matrix.to_csv_rows())
    elif args.json:
        print_json(matrix.to_json())
    else:
        print_table(*_table(matrix.to_csv_rows()))
    return 0


def run_cooccurrence(args: argparse.Namespace) -> int:
    from qualcode.analysis.cooccurrence import cooccurrence

    with open_project(args) as project:
        study = project.snapshot(coder=chosen_coders(project, args.coder))
        matrix = cooccurrence(study, same_turn=args.same_turn)
    if args.json:
        print_json(matrix.to_json())
    elif args.csv:
        csv.writer(sys.stdout, lineterminator="\n").writerows(matrix.to_csv_rows())
    else:
        print_table(*_table(matrix.to_csv_rows()))
    return 0


def run_agreement(args: argparse.Namespace) -> int:
    from qualcode.analysis.agreement import agreement

    coders = [name.strip() for name in args.coders.split(",")]
    if len(coders) != 2 or not all(coders) or coders[0] == coders[1]:
        raise QualcodeError(f"--coders {args.coders!r}: name two different coders, as A,B")
    with open_project(args) as project:
        report = agreement(project.snapshot(), coders[0], coders[1], unit=args.unit,
                           overlap=args.overlap)
    if args.json:
        print_json(report.to_json())
        return 0

    def number(value: float | None, digits: int = 2) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    a, b = report.coders
    counts = ["matched"] if report.unit == "segment" else ["both"]
    print_table(
        ["code", "document", *counts, f"only {a}", f"only {b}", "agree %", "kappa"],
        [
            [" > ".join(c.code_path), c.document, c.figures.counts.both, c.figures.counts.only_a,
             c.figures.counts.only_b, number(c.figures.percent, 1), number(c.figures.kappa)]
            for c in report.cells
        ],
    )
    print(f"\n{a} vs {b}, {len(report.documents)} documents coded by both, unit "
          f"{report.summary()}")
    if report.disagreements:
        print(f"\n{len(report.disagreements)} disagreements:")
        print_table(
            ["document", "where", "code", "applied by", "text"],
            [[d.document, d.where, " > ".join(d.code_path),
              " + ".join(d.coders), shorten(d.text, 60)] for d in report.disagreements],
        )
    return 0


def _table(rows: list[list]) -> tuple[list[str], list[list]]:
    return [str(h) for h in rows[0]], rows[1:]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("stats", help="per code: segments, documents, participants")
    add_project_argument(p)
    p.add_argument("--json", action="store_true")
    add_coder_filter(p)
    p.add_argument("--with-children", action="store_true",
                   help="count each code together with its sub-codes")
    p.set_defaults(run=run_stats)

    p = subparsers.add_parser("saturation", help="new codes per interview and a verdict")
    add_project_argument(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--method", choices=["guest2020", "francis"], default="guest2020")
    p.add_argument("--base", type=int, default=4, help="guest2020: base size (4)")
    p.add_argument("--run", dest="run_length", type=int, default=2,
                   help="guest2020: run length (2)")
    p.add_argument("--threshold", type=float, default=0.05, help="guest2020: threshold (0.05)")
    p.add_argument("--denominator", choices=["base", "cumulative"], default="base")
    p.add_argument("--initial", type=int, default=10, help="francis: initial sample (10)")
    p.add_argument("--stop", type=int, default=3, help="francis: stopping criterion (3)")
    p.add_argument("--category", metavar="PATH", help="only codes under this category")
    p.add_argument("--respondent-only", action="store_true",
                   help="only codings in the respondent's turns")
    p.add_argument("--coder", metavar="NAME")
    p.set_defaults(run=run_saturation)

    p = subparsers.add_parser("matrix", help="code x document, participant or attribute")
    add_project_argument(p)
    p.add_argument("--by", choices=["document", "participant", "attribute"], default="participant")
    p.add_argument("--attribute", metavar="NAME", help="with --by attribute")
    p.add_argument("--measure", choices=["participants", "segments"], default="participants",
                   help="with --by attribute: count participants or segments")
    p.add_argument("--band", type=float, metavar="WIDTH", help="numeric bands, e.g. 10 for age")
    add_coder_filter(p)
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")
    p.set_defaults(run=run_matrix)

    p = subparsers.add_parser("agreement", help="intercoder agreement of two coders")
    add_project_argument(p)
    p.add_argument("--coders", required=True, metavar="A,B")
    p.add_argument("--unit", choices=["segment", "sentence", "character"], default="segment",
                   help="segment (default), sentence or character; see docs/analysis.md")
    p.add_argument("--overlap", type=float, default=0.9, metavar="F",
                   help="segment: share of the longer segment the overlap must cover (0.9)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_agreement)

    p = subparsers.add_parser("cooccurrence", help="codes applied to overlapping passages")
    add_project_argument(p)
    p.add_argument("--same-turn", action="store_true",
                   help="also count codes within the same speaker turn")
    add_coder_filter(p)
    output = p.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")
    p.set_defaults(run=run_cooccurrence)
