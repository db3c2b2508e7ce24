"""The quote report as a Word document, for pasting into the thesis.

Same content as the Markdown report (:func:`qualcode.export.report.build_report`):
headings per category and code, the frequency line, and each quote as an
indented italic paragraph followed by its attribution.

Why the body is written as XML text rather than through python-docx's
``add_paragraph``: python-docx inserts every paragraph before the section
properties by searching the body, which makes a long report quadratic
(50,000 quotes took 206 s). The paragraphs here are the ones python-docx
would write (same styles: ``Title``, ``Heading N``; 1 cm indent; italic
quote; 8 pt memo), built as text, parsed once and appended in one go; the
package (styles, fonts, settings) still comes from python-docx's template.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from qualcode.export.gather import gather
from qualcode.export.options import ExportOptions
from qualcode.export.report import Report, build_report, more_not_shown, sentence
from qualcode.export.safety import atomic_output

if TYPE_CHECKING:
    from qualcode.project import Project

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Left indent of a quote: 1 cm in twentieths of a point (what python-docx's Cm(1) gives).
_INDENT = '<w:pPr><w:ind w:left="567"/></w:pPr>'
_BATCH = 2000


def _run(text: str, properties: str = "") -> str:
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>"


def _styled(text: str, style: str) -> str:
    return _paragraph(_run(text), f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>')


def _paragraphs(report: Report, progress: Callable[[int], None]) -> Iterator[str]:
    """The body's paragraphs as XML text, in reading order."""
    yield _styled(report.title, "Title")
    yield _paragraph(_run(report.intro))
    done = 0
    for section in report.sections:
        yield _styled(section.title, f"Heading{min(9, section.level)}")
        if section.description:
            yield _paragraph(_run(section.description, "<w:i/>"))
        yield _paragraph(_run(sentence(section.frequency)))
        for quote in section.quotes:
            yield _paragraph(
                _run(f"“{quote.text}”", "<w:i/>") + _run(f" {quote.attribution}"), _INDENT
            )
            if quote.memo:
                memo = f"{report.words.memo_prefix}: {quote.memo}"
                yield _paragraph(_run(memo, '<w:sz w:val="16"/>'), _INDENT)
            done += 1
            if done % _BATCH == 0:
                progress(done)
        if section.omitted:
            yield _paragraph(_run(more_not_shown(report, section.omitted)))


def _proofing(report: Report) -> str:
    """The language Word checks the report's spelling in (the project's: the quotes are
    in it): a Dutch report marked as American English is underlined red throughout."""
    parts = report.language.replace("_", "-").split("-")
    if len(parts) > 1 and parts[1]:
        return f"{parts[0].lower()}-{parts[1].upper()}"
    base = parts[0].lower()
    default = report.words.proofing_language
    return default if not base or default.startswith(base + "-") else base


def write_docx(report: Report, path: str | os.PathLike[str],
               progress: Callable[[float, str], None] | None = None) -> None:
    """Write ``report`` as a .docx; ``progress(fraction, message)`` as quotes are laid out."""
    from docx import Document
    from lxml import etree

    total = max(1, sum(len(section.quotes) for section in report.sections))
    tell = progress or (lambda _fraction, _message: None)

    def laid_out(count: int) -> None:
        tell(0.3 + 0.5 * count / total, f"laid out {count:,} of {total:,} quotes")

    document = Document()
    document.core_properties.title = report.title
    document.core_properties.language = _proofing(report)
    for lang in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        lang.set(f"{{{_W}}}val", _proofing(report))
    body = document.element.body
    section_properties = body[-1] if len(body) and body[-1].tag == f"{{{_W}}}sectPr" else None
    if section_properties is not None:
        body.remove(section_properties)
    xml = "".join(_paragraphs(report, laid_out))
    parsed = etree.fromstring(f'<w:body xmlns:w="{_W}">{xml}</w:body>'.encode())
    body.extend(list(parsed))
    if section_properties is not None:
        body.append(section_properties)
    if report.memos:
        document.add_heading(report.words.memos, level=1)
        for heading, memo_text in report.memos:
            document.add_heading(heading, level=2)
            for part in memo_text.split("\n\n"):
                document.add_paragraph(part)
    document.save(str(path))


def export_docx(project: Project, out: str | os.PathLike[str],
                options: ExportOptions | None = None,
                progress: Callable[[float, str], None] | None = None) -> None:
    tell = progress or (lambda _fraction, _message: None)
    options = options or ExportOptions()
    data = gather(project, tell, share=0.3, coders=options.coders)
    report = build_report(data, options)
    with atomic_output(out) as temporary:
        write_docx(report, temporary, tell)
    tell(1.0, "done")
