"""The quote report: the shape of a thesis' results chapter, as Markdown (and .docx).

A heading per category and per sub-code, its frequency ("mentioned by 10 of
11 GPs") and its quotes in interview order, each attributed to its
participant and its place in the transcript ("(HA3, WGC, 41 j., turn 47 ·
19:21)"). A quote that starts or ends inside a sentence gets "…" on that side,
as quotes in a thesis do. The model (:func:`build_report`) is shared by the
Markdown and Word writers.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.export.gather import ExportData, Quote, gather
from qualcode.export.options import ExportOptions, attribution_items
from qualcode.export.safety import UNSTORABLE, atomic_output
from qualcode.export.wording import Wording, wording

if TYPE_CHECKING:
    from qualcode.project import Project

FIELD = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class ReportQuote:
    text: str
    attribution: str
    memo: str


@dataclass(frozen=True)
class ReportSection:
    """A category (level 1) or code below it (level 2+), with its quotes."""

    level: int
    title: str
    description: str
    frequency: str
    quotes: tuple[ReportQuote, ...]
    omitted: int


@dataclass(frozen=True)
class Report:
    title: str
    intro: str
    sections: tuple[ReportSection, ...]
    #: (heading, memo text) for the project's, documents' and codes' memos; memos
    #: on codings are printed under their quote.
    memos: tuple[tuple[str, str], ...] = ()
    #: The fixed words in the project's language (the writers' "Memos", "memo:", "more").
    words: Wording = field(default_factory=lambda: wording("en"))
    #: The project's language tag ("nl", "en-GB"): Word checks the spelling in it.
    language: str = "en"


def _attribution(quote: Quote, data: ExportData, items: list[str], words: Wording) -> str:
    person = data.participant(quote.participant)
    values = dict(person.attributes) if person else {}
    parts = [quote.participant]
    for item in items:
        if "{" in item:
            names = FIELD.findall(item)
            if names and all(values.get(n) not in (None, "") for n in names):
                parts.append(FIELD.sub(lambda m: _plain(values[m.group(1)]), item))
        elif values.get(item) not in (None, ""):
            parts.append(_plain(values[item]))
    if quote.turn is not None:
        parts.append(words.place(quote.turn, quote.time))
    return f"({', '.join(parts)})"


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Cleaner:
    """Removes control and bidirectional characters from report texts, counting the texts."""

    def __init__(self) -> None:
        self.texts = 0

    def __call__(self, text: str) -> str:
        cleaned, count = UNSTORABLE.subn("", text)
        if count:
            self.texts += 1
        return cleaned


def _quote_text(quote: Quote, clean: _Cleaner) -> str:
    text = " ".join(clean(quote.text).split())
    if not quote.whole_sentence_start:
        text = "…" + text
    if not quote.whole_sentence_end:
        text = text + "…"
    return text


def build_report(data: ExportData, options: ExportOptions) -> Report:
    items = attribution_items(options, data.attributes, data.language)
    by_code = data.quotes_by_code()
    words = wording(data.language)
    noun = options.participants_called or words.participants_noun.many
    total = data.participants_total
    sections: list[ReportSection] = []
    clean = _Cleaner()
    for _category, codes in data.categories():
        for code in codes:
            figures = data.figures[code.id]
            quotes = list({(q.document, q.start, q.end): q for q in by_code[code.id]}.values())
            limit = options.quotes_per_code
            shown = quotes if limit is None else quotes[: max(0, limit)]
            has_children = any(
                other.path[: len(code.path)] == code.path and other is not code
                for other in codes
            )
            if has_children:
                frequency = (words.mentioned_by.format(count=figures.pooled_participants,
                                                       total=total, noun=noun)
                             + f" ({words.sub_codes_included})")
                if quotes:
                    frequency += "; " + words.coded_on_itself.format(
                        quotes=words.quotes(figures.segments), name=code.name)
            elif figures.segments:
                frequency = (words.mentioned_by.format(count=figures.participants,
                                                       total=total, noun=noun)
                             + f" ({words.segments(figures.segments)})")
            else:
                frequency = words.not_mentioned
            sections.append(ReportSection(
                level=code.depth + 1,
                title=clean(code.name),
                description=clean(code.description.strip()),
                frequency=clean(frequency),
                quotes=tuple(ReportQuote(_quote_text(q, clean),
                                         clean(_attribution(q, data, items, words)),
                                         clean(q.memo.strip())) for q in shown),
                omitted=len(quotes) - len(shown),
            ))
    intro = words.report_intro.format(
        quotes=words.quotes(len(data.quotes)),
        interviews=words.interviews_noun(len(data.documents)),
        total=total, noun=clean(options.participants_called or (
            words.participants_noun.one if total == 1 else words.participants_noun.many)),
        date=f"{data.exported_at:%Y-%m-%d}",
    ) + f" {clean(data.whose_work(words))}"
    if data.pseudonymised_at:
        intro += " " + words.report_pseudonymised.format(date=data.pseudonymised_at[:10])
    title = clean(words.report_title.format(project=data.project_name))
    memos = tuple(
        (clean(words.project if on == "project"
               else f"{words.memo_on.get(on, on).capitalize()} {target}"), clean(text))
        for on, target, text, _coder, _at in data.memo_rows(words) if on != "coding"
    )
    if clean.texts:
        intro += " " + words.report_cleaned(clean.texts)
    return Report(title, intro, tuple(sections), memos, words, data.language)


def _escape(text: str) -> str:
    """Markdown-safe text: whatever Markdown or HTML would interpret is backslash-escaped.

    ``&`` too, so a literal ``&lt;b&gt;`` in a transcript stays literal instead
    of becoming ``<b>``; ``~`` (strike-through) and ``!`` (image) as well.
    A backslash before any ASCII punctuation is an escape in CommonMark.
    Line breaks become spaces: every text here sits on one line, and a code
    name with a line break must not start a heading of its own.
    """
    text = " ".join(text.split())
    text = re.sub(r"([\\`*_\[\]<>|#&~!{}])", r"\\\1", text)
    return re.sub(r"^([-+=@>]|\d+[.)])", r"\\\1", text)


def _more(report: Report, omitted: int) -> str:
    return report.words.more_not_shown.format(more=report.words.more_quotes(omitted))


more_not_shown = _more


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def render_markdown(report: Report) -> str:
    lines = [f"# {_escape(report.title)}", "", _escape(report.intro), ""]
    for section in report.sections:
        lines += [f"{'#' * min(6, section.level + 1)} {_escape(section.title)}", ""]
        if section.description:
            lines += [f"*{_escape(section.description)}*", ""]
        lines += [f"{_escape(sentence(section.frequency))}", ""]
        for quote in section.quotes:
            lines.append(f"> “{_escape(quote.text)}” {_escape(quote.attribution)}")
            if quote.memo:
                lines.append(f"> — {report.words.memo_prefix}: {_escape(quote.memo)}")
            lines.append("")
        if section.omitted:
            lines += [_escape(_more(report, section.omitted)), ""]
    if report.memos:
        lines += [f"## {_escape(report.words.memos)}", ""]
        for heading, text in report.memos:
            lines += [f"### {_escape(heading)}", ""]
            lines += [_escape(line) if line.strip() else "" for line in text.split("\n")]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export_markdown(project: Project, out: str | os.PathLike[str],
                    options: ExportOptions | None = None) -> None:
    options = options or ExportOptions()
    report = build_report(gather(project, coders=options.coders), options)
    with atomic_output(out) as temporary:
        Path(temporary).write_text(render_markdown(report), encoding="utf-8")
