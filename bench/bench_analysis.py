"""Time the analysis layer on a synthetic study (target: all of it in ≤ 1 s).

    PYTHONPATH=. python bench/bench_analysis.py [--interviews 200] [--codings 500]

Builds a seeded random study (a 3-level codebook of 120 codes, codings of
5–200 characters, some overlapping, speaker turns every 400 characters, cases
with gender and age) and prints the time of each computation.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from qualcode.analysis import (
    CaseRef,
    CodeRef,
    CodingRef,
    DocumentRef,
    StudySnapshot,
    code_by_attribute,
    code_by_document,
    code_by_participant,
    cooccurrence,
    frequencies,
    prevalence,
    saturation,
)


def synthetic_study(interviews: int, codings_per_interview: int, seed: int = 6) -> StudySnapshot:
    rng = random.Random(seed)
    codes = []
    for a in range(6):
        codes.append(CodeRef(len(codes) + 1, (f"Cat {a}",), f"g{len(codes)}"))
        for b in range(4):
            codes.append(CodeRef(len(codes) + 1, (f"Cat {a}", f"Sub {b}"), f"g{len(codes)}"))
            for c in range(4):
                path = (f"Cat {a}", f"Sub {b}", f"Code {c}")
                codes.append(CodeRef(len(codes) + 1, path, f"g{len(codes)}"))
    weights = [1 / (i + 1) ** 0.8 for i in range(len(codes))]
    text = ("Ik vind het soms zwaar, maar ook mooi werk. " * 2000)[:60_000]
    documents, codings, cases = [], [], []
    for d in range(1, interviews + 1):
        case = f"GP{(d - 1) % (interviews - 10) + 1:03d}" if interviews > 10 else f"GP{d:03d}"
        documents.append(DocumentRef(d, f"Interview {d:03d}", case, d, len(text)))
        for _ in range(codings_per_interview):
            start = rng.randrange(0, len(text) - 200)
            end = start + rng.randrange(5, 200)
            code = rng.choices(codes, weights)[0]
            turn = start // 400
            role = "interviewer" if turn % 2 == 0 else "respondent"
            codings.append(
                CodingRef(
                    len(codings) + 1, d, code.id, start, end, "student", text[start:end], role, turn
                )
            )
    for name in dict.fromkeys(doc.case for doc in documents):
        cases.append(CaseRef(str(name), {"gender": rng.choice("mv"), "age": rng.randrange(28, 66)}))
    return StudySnapshot(tuple(documents), tuple(codes), tuple(codings), tuple(cases))


def timed(label: str, work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    elapsed = time.perf_counter() - start
    print(f"{label:<34} {elapsed * 1000:8.1f} ms")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=200)
    parser.add_argument("--codings", type=int, default=500, help="codings per interview")
    args = parser.parse_args()
    start = time.perf_counter()
    study = synthetic_study(args.interviews, args.codings)
    print(
        f"synthetic study: {args.interviews} interviews × {args.codings} codings, "
        f"{len(study.codes)} codes ({(time.perf_counter() - start) * 1000:.0f} ms to build)"
    )
    core = [
        ("segments (once per snapshot)", lambda: study.segments),
        ("saturation guest2020", lambda: saturation(study)),
        ("saturation francis", lambda: saturation(study, "francis")),
        ("saturation respondent-only", lambda: saturation(study, respondent_only=True)),
        ("frequencies without words", lambda: frequencies(study, words=False)),
        ("code × document", lambda: code_by_document(study)),
        ("code × participant", lambda: code_by_participant(study)),
        ("code × age (bands of 10)", lambda: code_by_attribute(study, "age", band_width=10)),
        ("co-occurrence (overlap)", lambda: cooccurrence(study)),
    ]
    total = sum(timed(label, work) for label, work in core)
    print(f"{'= saturation + all matrices':<34} {total * 1000:8.1f} ms")
    more = [
        ("frequencies with words", lambda: frequencies(study)),
        ("frequencies with children", lambda: frequencies(study, with_children=True)),
        ("prevalence", lambda: prevalence(study)),
        ("co-occurrence (same turn)", lambda: cooccurrence(study, same_turn=True)),
    ]
    for label, work in more:
        timed(label, work)


if __name__ == "__main__":
    main()
