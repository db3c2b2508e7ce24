"""The quote report as a Word document, for pasting into the thesis.

Same content as the Markdown report (:func:`qualcode.export.report.build_report`):
headings per category and code, the frequency line, and each quote as an
indented italic paragraph followed by its attribution.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from qualcode.export.gather import gather
from qualcode.export.options import ExportOptions
from qualcode.export.report import Report, build_report, sentence
from qualcode.export.safety import atomic_output

if TYPE_CHECKING:
    from qualcode.project import Project


def write_docx(report: Report, path: str | os.PathLike[str]) -> None:
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    document.core_properties.title = report.title
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.intro)
    for section in report.sections:
        document.add_heading(section.title, level=min(9, section.level))
        if section.description:
            document.add_paragraph().add_run(section.description).italic = True
        document.add_paragraph(sentence(section.frequency))
        for quote in section.quotes:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Cm(1)
            paragraph.add_run(f"“{quote.text}”").italic = True
            paragraph.add_run(f" {quote.attribution}")
            if quote.memo:
                memo = document.add_paragraph()
                memo.paragraph_format.left_indent = Cm(1)
                run = memo.add_run(f"memo: {quote.memo}")
                run.font.size = Pt(8)
        if section.omitted:
            document.add_paragraph(f"({section.omitted} more quotes not shown)")
    document.save(str(path))


def export_docx(project: Project, out: str | os.PathLike[str],
                options: ExportOptions | None = None) -> None:
    options = options or ExportOptions()
    report = build_report(gather(project, coders=options.coders), options)
    with atomic_output(out) as temporary:
        write_docx(report, temporary)
