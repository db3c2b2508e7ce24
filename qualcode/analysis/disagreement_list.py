"""The disagreements two coders walk through, in the contract's shape.

The contract (docs/cli.md, ``agreement --json``) describes a disagreement as
``{document, start, end, text, code_path, coders}``: a passage, the code, and
the coders who applied that code there. The agreement report computes that
list; this module is the adapter the consensus walk reads it through, so the
walk does not depend on how the report is built. Until the report carries a
``disagreements`` list, :func:`segment_disagreements` gives the same shape by
the contract's default rule (unit ``segment``, overlap 0.9).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from qualcode.analysis.snapshot import CodingRef, StudySnapshot

DEFAULT_OVERLAP = 0.9


@dataclass(frozen=True)
class Disagreement:
    """A passage where the two coders did not apply ``code_path`` alike."""

    document: str
    start: int
    end: int
    text: str
    code_path: tuple[str, ...]
    coders: tuple[str, ...]

    @property
    def key(self) -> tuple[str, tuple[str, ...], int, int]:
        return (self.document, self.code_path, self.start, self.end)


def _field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, Mapping) else getattr(item, name)


def from_report_item(item: Any) -> Disagreement:
    """One item of the agreement report's list (an object or a JSON dict) in this shape."""
    return Disagreement(
        document=str(_field(item, "document")),
        start=int(_field(item, "start")),
        end=int(_field(item, "end")),
        text=str(_field(item, "text")),
        code_path=tuple(_field(item, "code_path")),
        coders=tuple(_field(item, "coders")),
    )


def disagreements(study: StudySnapshot, coder_a: str, coder_b: str) -> list[Disagreement]:
    """Every disagreement of ``coder_a`` and ``coder_b``, in document order."""
    from qualcode.analysis.agreement import agreement

    report = agreement(study, coder_a, coder_b)
    listed = getattr(report, "disagreements", None)
    if listed is not None:
        return [from_report_item(item) for item in listed]
    return segment_disagreements(study, coder_a, coder_b)


def _overlap(a: CodingRef, b: CodingRef) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def segment_disagreements(
    study: StudySnapshot, coder_a: str, coder_b: str, overlap: float = DEFAULT_OVERLAP
) -> list[Disagreement]:
    """Codings of one coder without a match by the other (same code, overlap ≥ ``overlap``
    of the longer); a near miss is one disagreement over both spans, naming both coders.
    Only documents both coders coded are compared (as the agreement figures do)."""
    result: list[Disagreement] = []
    for document in study.documents:
        codings = study.codings_by_document[document.id]
        by_code: dict[int, tuple[list[CodingRef], list[CodingRef]]] = {}
        for coding in codings:
            if coding.coder in (coder_a, coder_b):
                pair = by_code.setdefault(coding.code_id, ([], []))
                pair[coding.coder == coder_b].append(coding)
        coders_here = {c.coder for c in codings}
        if not {coder_a, coder_b} <= coders_here:
            continue
        texts = {c.id: c for c in codings}
        found: list[tuple[int, int, int, tuple[str, ...]]] = []
        for code_id, (mine, theirs) in by_code.items():
            used: set[int] = set()
            for a in mine:
                near = [b for b in theirs if b.id not in used and _overlap(a, b)]
                match = next((b for b in near if _overlap(a, b) >= overlap * max(
                    a.end - a.start, b.end - b.start)), None)
                if match is not None:
                    used.add(match.id)
                    continue
                used.update(b.id for b in near)
                start = min([a.start, *(b.start for b in near)])
                end = max([a.end, *(b.end for b in near)])
                found.append((start, end, code_id, (coder_a, coder_b) if near else (coder_a,)))
            for b in theirs:
                if b.id not in used:
                    found.append((b.start, b.end, code_id, (coder_b,)))
        text_of = _text_of(texts.values())
        for start, end, code_id, coders in sorted(
            found, key=lambda f: (f[0], f[1], study.code_rank[f[2]])
        ):
            result.append(Disagreement(document.name, start, end, text_of(start, end),
                                       study.code(code_id).path, coders))
    return result


def _text_of(codings: Any) -> Any:
    """The passage text from the codings' own texts (the snapshot has no full transcript)."""
    pieces = sorted(((c.start, c.text) for c in codings), key=lambda p: p[0])

    def text(start: int, end: int) -> str:
        chars: dict[int, str] = {}
        for offset, piece in pieces:
            for i, char in enumerate(piece):
                if start <= offset + i < end:
                    chars[offset + i] = char
        return "".join(chars.get(i, " ") for i in range(start, end))

    return text
