"""``qualcode consensus P``: the disagreement walk on the command line.

The terminal app's walk (analysis screen, Agreement tab, ``w``) has this twin
so that a consensus can be scripted and checked: list the disagreements of
two coders, numbered, with what the consensus coder decided so far; decide
some of them by number. Decisions are the walk's own (see
:mod:`qualcode.project.consensus`): each is one undoable change that writes
the consensus coder's codings and a memo with the reason.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from qualcode.cli.output import (
    add_coder_argument,
    add_project_argument,
    open_project,
    print_json,
    print_table,
    shorten,
)
from qualcode.errors import QualcodeError

if TYPE_CHECKING:
    from qualcode.analysis.comparison import Disagreement
    from qualcode.project import Project
    from qualcode.project.consensus import Decision


def _coders(text: str) -> tuple[str, str]:
    names = [name.strip() for name in text.split(",")]
    if len(names) != 2 or not all(names) or names[0] == names[1]:
        raise QualcodeError(f"--coders {text!r}: name two different coders, as A,B")
    return names[0], names[1]


def _decisions(wanted: list[str], count: int) -> list[tuple[int, str]]:
    """``N=a|b|both|drop`` items, each checked before anything is written."""
    from qualcode.project.consensus import DECISIONS

    chosen: list[tuple[int, str]] = []
    for item in wanted:
        number, sep, decision = item.partition("=")
        if not sep or not number.strip().isdigit():
            raise QualcodeError(f"--decide {item!r}: write NUMBER=DECISION, as 3=a")
        if not 1 <= int(number) <= count:
            raise QualcodeError(f"--decide {item!r}: there are {count} disagreements "
                                f"(numbered 1 to {count})")
        if decision.strip() not in DECISIONS:
            raise QualcodeError(f"--decide {item!r}: the decision is one of "
                                f"{', '.join(DECISIONS)}")
        chosen.append((int(number), decision.strip()))
    return chosen


def _rows(project: Project, items: list[Disagreement],
          consensus: str) -> list[dict[str, Any]]:
    from qualcode.project.consensus import key_of

    made: dict[tuple, Decision] = project.consensus_decisions(consensus)
    rows = []
    for number, item in enumerate(items, start=1):
        decided = made.get(key_of(item))
        rows.append({
            "number": number, **item.to_json(),
            "decision": decided.decision if decided else None,
            "reason": decided.reason if decided else None,
        })
    return rows


def run_consensus(args: argparse.Namespace) -> int:
    from qualcode.analysis.saturation_text import plural

    coders = _coders(args.coders)
    consensus = args.as_coder.strip()
    if not consensus or consensus in coders:
        raise QualcodeError(f"--as {args.as_coder!r}: the consensus coder needs a name other "
                            f"than {coders[0]!r} and {coders[1]!r}")
    with open_project(args) as project:
        known = project.coders()
        for name in coders:
            if name not in known:
                raise QualcodeError(f"coder {name!r}: no codings by this coder "
                                    f"(coders: {', '.join(known) or 'none yet'})")
        items = project.disagreements(*coders, args.unit, args.overlap)
        for number, decision in _decisions(args.decide or [], len(items)):
            project.resolve_disagreement(items[number - 1], decision, consensus=consensus,
                                         coders=coders, reason=args.reason or "")
        rows = _rows(project, items, consensus)
    if args.json:
        print_json(rows)
        return 0
    open_items = sum(1 for row in rows if row["decision"] is None)
    print(f"{coders[0]} vs {coders[1]}, consensus coder {consensus}: "
          f"{plural(len(rows), 'disagreement')}, {open_items} open")
    if rows:
        print_table(
            ["#", "document", "where", "code", "applied by", "decision", "text"],
            [[row["number"], item.document, item.where, " > ".join(item.code_path),
              " + ".join(item.coders), row["decision"] or "open", shorten(item.text, 50)]
             for row, item in zip(rows, items, strict=True)],
        )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "consensus", help="list two coders' disagreements and decide them as a consensus coder",
        description="Without --decide: the disagreements of coders A and B (as the agreement "
        "report lists them, numbered from 1) with what the consensus coder decided so far. "
        "--decide N=a|b|both|drop (repeatable): keep A's codings, B's, both, or drop the code "
        "there, written as the consensus coder's codings with a memo holding --reason; each "
        "decision is one undoable change, and deciding again replaces the earlier decision.",
    )
    add_project_argument(p)
    p.add_argument("--coders", required=True, metavar="A,B")
    p.add_argument("--as", dest="as_coder", required=True, metavar="NAME",
                   help="the consensus coder the decisions are written as (e.g. Consensus)")
    p.add_argument("--decide", action="append", metavar="N=DECISION",
                   help="decide disagreement N: a, b, both or drop; repeat for several")
    p.add_argument("--reason", metavar="TEXT", help="why (kept as the decision's memo)")
    p.add_argument("--unit", choices=["segment", "sentence", "character"], default="segment")
    p.add_argument("--overlap", type=float, default=0.9, metavar="F",
                   help="segment: share of the longer segment the overlap must cover (0.9)")
    p.add_argument("--json", action="store_true",
                   help="[{number, document, start, end, ..., decision, reason}]")
    add_coder_argument(p)
    p.set_defaults(run=run_consensus)
