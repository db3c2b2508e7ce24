"""Search across the study (and auto-code the hits), and coding queries."""

from __future__ import annotations

import argparse

from qualcode.cli.output import add_project_argument, open_project, print_json, shorten
from qualcode.errors import QualcodeError


def parse_attributes(items: list[str] | None) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QualcodeError(f"--attribute {item!r}: write NAME=VALUE")
        attributes[name.strip()] = value.strip()
    return attributes


def keyword_in_context(context: str, start: int, end: int, width: int = 90) -> str:
    """The sentence around a hit on one line, the hit in [brackets], cut to ``width``."""
    flat = [" ".join(part.split()) + (" " if part[-1:].isspace() else "")
            for part in (context[:start], context[start:end])]
    before, hit = flat[0], flat[1].strip()
    if context[end:end + 1].isspace():
        after = " " + " ".join(context[end:].split())
    else:
        after = " ".join(context[end:].split())
    room = max(width - len(hit) - 2, 10)
    left = room // 2
    if len(before) > left:
        before = "…" + before[-(left - 1):]
    right = room - len(before)
    if len(after) > right:
        after = after[: max(right - 1, 0)] + "…"
    return f"{before}[{hit}]{after}".strip()


def run_search(args: argparse.Namespace) -> int:
    from qualcode.analysis.saturation_text import plural
    from qualcode.export.passages import position_text
    from qualcode.search import auto_code, find

    mode = "regex" if args.regex else "exact" if args.exact else "stem"
    with open_project(args) as project:
        hits = find(
            project,
            args.query,
            mode=mode,
            roles=args.role or (),
            documents=args.doc or (),
            attributes=parse_attributes(args.attribute),
            in_code=args.in_code,
        )
        result = (
            auto_code(project, hits, args.code, args.scope, query=args.query)
            if args.code
            else None
        )
    if args.json:
        if result is None:
            print_json([hit.to_json() for hit in hits])
        else:
            print_json({
                "code_path": list(result.code_path),
                "scope": result.scope,
                "hits": result.hits,
                "coded": result.coded,
                "already_coded": result.already_coded,
                "coding_ids": list(result.coding_ids),
            })
        return 0
    for hit in hits:
        where = ", ".join(p for p in (hit.document, position_text(hit.turn, hit.time)) if p)
        start = hit.start - hit.context_start
        print(f"{where}: {keyword_in_context(hit.context, start, start + len(hit.text))}")
    documents = len({hit.document for hit in hits})
    print(f"{plural(len(hits), 'hit')} in {plural(documents, 'document')}")
    if result is not None:
        print(
            f"coded {plural(result.coded, 'passage')} "
            f"({result.scope}) as {' > '.join(result.code_path)}"
            + (f"; {result.already_coded} already coded" if result.already_coded else "")
        )
    return 0


def run_query(args: argparse.Namespace) -> int:
    from qualcode.analysis.saturation_text import plural
    from qualcode.export.passages import position_text, write_passages
    from qualcode.search.coding_query import CodingQuery, run_query

    query = CodingQuery(
        code=args.code,
        and_code=args.and_code,
        not_code=args.not_code,
        near=args.near,
        attributes=parse_attributes(args.attribute),
        coders=tuple(args.coder or ()),
    )
    with open_project(args) as project:
        passages = run_query(project, query)
        language = project.language
    if args.out:
        write_passages(passages, args.out, query, language)
    if args.json:
        print_json([passage.to_json() for passage in passages])
        return 0
    for passage in passages:
        where = ", ".join(
            part for part in (passage.document, position_text(passage.turn, passage.time)) if part
        )
        met = "; ".join(" > ".join(path) for path in passage.met)
        print(f"{where} [{' > '.join(passage.code_path)}{' + ' + met if met else ''}] "
              f"{shorten(passage.text, 70)}")
    print(f"{plural(len(passages), 'passage')}: {query.describe()}")
    if args.out:
        print(f"wrote {args.out}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "search",
        help="find a word or phrase in every document (and auto-code the hits with --code)",
    )
    add_project_argument(p)
    p.add_argument("query", metavar="QUERY", help="a word or phrase (or a regular expression)")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--exact", action="store_true", help="whole words as typed (no stemming)")
    how.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    p.add_argument("--role", action="append", choices=["interviewer", "respondent", "unknown"],
                   help="only in turns of speakers with this role (repeatable)")
    p.add_argument("--doc", action="append", metavar="NAME",
                   help="only in this document (a unique prefix will do; repeatable)")
    p.add_argument("--attribute", action="append", metavar="NAME=VALUE",
                   help="only in documents of participants with this attribute value")
    p.add_argument("--in-code", metavar="PATH", help="only inside passages coded with PATH")
    p.add_argument("--code", metavar="PATH", help="code every hit with PATH (one undoable change)")
    p.add_argument("--scope", choices=["match", "sentence", "turn"], default="match",
                   help="with --code: code the matched words, their sentence or their turn")
    p.add_argument("--coder", metavar="NAME", help="with --code: the coder of the new codings")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_search)

    p = subparsers.add_parser(
        "query", help="coding query: passages coded A and B, A but not B, A among participants"
    )
    add_project_argument(p)
    p.add_argument("--code", metavar="PATH", required=True, help="A: the passages listed")
    other = p.add_mutually_exclusive_group()
    other.add_argument("--and", dest="and_code", metavar="PATH",
                       help="keep passages of A that meet a coding of PATH")
    other.add_argument("--not", dest="not_code", metavar="PATH",
                       help="keep passages of A that meet no coding of PATH")
    p.add_argument("--near", choices=["overlap", "turn"], default="overlap",
                   help="meeting means overlapping (default) or in the same speaker turn")
    p.add_argument("--attribute", action="append", metavar="NAME=VALUE",
                   help="only participants with this attribute value (repeatable)")
    p.add_argument("--coder", action="append", metavar="NAME",
                   help="only codings by this coder (repeatable)")
    p.add_argument("--out", metavar="FILE", help="also write the passages to FILE (.xlsx or .csv)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_query)
