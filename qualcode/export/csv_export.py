"""One row per coding, the same columns as the category sheets, for any tool.

UTF-8 with a byte-order mark so Excel opens accents correctly; values that a
spreadsheet could take for a formula get a leading apostrophe
(:func:`qualcode.export.safety.csv_value`). Written atomically.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.export.gather import Progress, gather
from qualcode.export.options import ExportOptions, quote_attributes
from qualcode.export.safety import atomic_output, csv_value

if TYPE_CHECKING:
    from qualcode.project import Project


def export_csv(project: Project, out: str | os.PathLike[str],
               options: ExportOptions | None = None, progress: Progress | None = None) -> None:
    options = options or ExportOptions()
    data = gather(project, progress, share=0.8, coders=options.coders)
    attributes = quote_attributes(options, data.attributes)
    codes = {code.id: code for code in data.codes}
    participants = {p.name: p for p in data.participants}
    rank = {code.id: i for i, code in enumerate(data.codes)}
    order = {d.name: i for i, d in enumerate(data.documents)}
    quotes = sorted(data.quotes, key=lambda q: (rank[q.code_id], order[q.document], q.start))
    with atomic_output(out) as temporary, open(
        temporary, "w", encoding="utf-8-sig", newline=""
    ) as handle:
        writer = csv.writer(handle)
        writer.writerow(["category", "code", "code_path", "participant", "document",
                         *attributes, "speaker", "coder", "quote", "memo", "start", "end",
                         "turn", "time", "position"])
        for quote in quotes:
            code = codes[quote.code_id]
            person = participants.get(quote.participant)
            values = [person.attributes.get(a) if person else None for a in attributes]
            writer.writerow([
                csv_value(code.path[0]), csv_value(code.name), csv_value(code.path_text),
                csv_value(quote.participant), csv_value(quote.document),
                *(csv_value(v) if isinstance(v, str) else ("" if v is None else v)
                  for v in values),
                csv_value(quote.speaker), csv_value(quote.coder), csv_value(quote.text),
                csv_value(quote.memo), quote.start, quote.end,
                "" if quote.turn is None else quote.turn,
                "" if quote.time is None else quote.time,
                quote.position,
            ])
    if progress is not None:
        progress(1.0, f"wrote {Path(out).name}")
