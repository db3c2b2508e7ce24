"""Writing REFI-QDA files: a ``.qdc`` codebook and a ``.qdpx`` project.

Why it is written this way:

* GUIDs come from the project's rows (codes, cases, documents, codings,
  coders, attributes, memos), so exporting twice gives the same GUIDs and a
  renamed code keeps its GUID. What qualcode has no row for (the selection
  around a coding, the note holding a coding's memo) gets a GUID derived
  from the row's GUID, equally stable.
* Output is deterministic: no time of export anywhere; the times written are
  those stored with the data (when a coding or memo was made), and ZIP
  entries carry a fixed date.
* Positions are Unicode code points into the stored text, end exclusive, and
  the text is written as UTF-8 ``sources/<guid>.txt``, exactly as stored.
* Files are written to a temporary file beside the target and renamed, so a
  failed export never leaves half a file.
"""

from __future__ import annotations

import os
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.refi.snapshot import RefiSnapshot, read_refi_snapshot

if TYPE_CHECKING:
    from qualcode.project import Project

ORIGIN = "qualcode"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SECTIONS = ("Inclusion", "Exclusion", "Example")


def code_description(description: str, inclusion: str, exclusion: str, example: str) -> str:
    """One REFI ``Description`` holding all four texts of a code.

    REFI-QDA has one description per code; the other three texts follow as
    paragraphs starting ``Inclusion:``, ``Exclusion:``, ``Example:``, which
    the reader splits again (:func:`qualcode.refi.codebook.split_description`).
    """
    parts = [description.strip()] if description.strip() else []
    for label, text in zip(SECTIONS, (inclusion, exclusion, example), strict=True):
        if text.strip():
            parts.append(f"{label}: {text.strip()}")
    return "\n\n".join(parts)


def _codes_xml(parent: Any, data: RefiSnapshot, *, notes: bool) -> None:
    from qualcode.refi.xml import sub

    codes = sub(parent, "Codes")
    nodes: dict[int | None, Any] = {None: codes}
    for code in data.codes:
        node = sub(
            nodes[code.parent_id],
            "Code",
            {
                "guid": code.guid,
                "name": code.name,
                "isCodable": "false" if code.id in data.folder_codes else "true",
                "color": code.color,
            },
        )
        text = code_description(code.description, code.inclusion, code.exclusion, code.example)
        if text:
            sub(node, "Description", text=text)
        if notes:
            for memo in data.code_memos.get(code.id, []):
                sub(node, "NoteRef", {"targetGUID": memo.guid})
        nodes[code.id] = node


def qdc_bytes(data: RefiSnapshot) -> bytes:
    from qualcode.refi.xml import CODEBOOK_NS, element, to_bytes

    root = element("CodeBook", CODEBOOK_NS, {"origin": ORIGIN})
    if data.codes:
        _codes_xml(root, data, notes=False)
    return to_bytes(root)


def _text_source(parent: Any, data: RefiSnapshot, document: Any) -> None:
    from qualcode.refi.xml import derived_guid, sub, xml_datetime

    source = sub(
        parent,
        "TextSource",
        {
            "guid": document.guid,
            "name": document.name,
            "plainTextPath": f"internal://{document.guid}.txt",
            "creationDateTime": xml_datetime(document.imported_at),
        },
    )
    items: list[tuple[int, int, int, Any, Any]] = []
    for coding in data.codings.get(document.id, []):
        items.append((coding.start, coding.end, 0, coding, None))
    for memo in data.span_memos.get(document.id, []):
        assert memo.start is not None and memo.end is not None  # span memos have both
        items.append((memo.start, memo.end, 1, None, memo))
    items.sort(key=lambda item: item[:3])
    text = document.text
    for start, end, _, coding, memo in items:
        excerpt = text[start:end][:100]
        if coding is not None:
            selection = sub(
                source,
                "PlainTextSelection",
                {
                    "guid": derived_guid("selection", coding.guid),
                    "name": excerpt,
                    "startPosition": start,
                    "endPosition": end,
                    "creatingUser": data.coder_guids.get(coding.coder_id),
                    "creationDateTime": xml_datetime(coding.created_at),
                },
            )
            node = sub(
                selection,
                "Coding",
                {
                    "guid": coding.guid,
                    "creatingUser": data.coder_guids.get(coding.coder_id),
                    "creationDateTime": xml_datetime(coding.created_at),
                },
            )
            sub(node, "CodeRef", {"targetGUID": data.code_guids[coding.code_id]})
            if coding.memo:
                sub(node, "NoteRef", {"targetGUID": derived_guid("coding-memo", coding.guid)})
        else:
            selection = sub(
                source,
                "PlainTextSelection",
                {
                    "guid": derived_guid("memo-selection", memo.guid),
                    "name": excerpt,
                    "startPosition": start,
                    "endPosition": end,
                    "creatingUser": data.author_guids.get(memo.author),
                    "creationDateTime": xml_datetime(memo.created_at),
                },
            )
            sub(selection, "NoteRef", {"targetGUID": memo.guid})
    for memo in data.document_memos.get(document.id, []):
        sub(source, "NoteRef", {"targetGUID": memo.guid})


def _note(parent: Any, guid: str, name: str, text: str, author: str | None, at: Any) -> None:
    from qualcode.refi.xml import sub, xml_datetime

    note = sub(
        parent,
        "Note",
        {"guid": guid, "name": name, "creatingUser": author, "creationDateTime": xml_datetime(at)},
    )
    sub(note, "PlainTextContent", text=text)


def qde_bytes(data: RefiSnapshot) -> bytes:
    """The ``project.qde`` document of a ``.qdpx``."""
    from qualcode.refi.xml import PROJECT_NS, derived_guid, element, sub, to_bytes, xml_datetime

    root = element(
        "Project",
        PROJECT_NS,
        {
            "name": data.name,
            "origin": ORIGIN,
            "creationDateTime": xml_datetime(data.created),
        },
    )
    if data.users:
        users = sub(root, "Users")
        for guid, name in data.users:
            sub(users, "User", {"guid": guid, "name": name})
    if data.codes:
        _codes_xml(sub(root, "CodeBook"), data, notes=True)
    if data.attributes:
        variables = sub(root, "Variables")
        for attribute in data.attributes:
            sub(
                variables,
                "Variable",
                {"guid": attribute.guid, "name": attribute.name, "typeOfVariable": attribute.kind},
            )
    if data.cases:
        cases = sub(root, "Cases")
        for case in data.cases:
            node = sub(cases, "Case", {"guid": case.guid, "name": case.name})
            if case.description:
                sub(node, "Description", text=case.description)
            for attribute in data.attributes:
                if attribute.id not in case.values:
                    continue
                value = sub(node, "VariableValue")
                sub(value, "VariableRef", {"targetGUID": attribute.guid})
                written = case.values[attribute.id]
                if written is not None:
                    sub(value, attribute.value_tag, text=written)
            for document_guid in case.document_guids:
                sub(node, "SourceRef", {"targetGUID": document_guid})
    if data.documents:
        sources = sub(root, "Sources")
        for document in data.documents:
            _text_source(sources, data, document)
    notes_needed = data.memos or data.coding_memos
    if notes_needed:
        notes = sub(root, "Notes")
        for memo in data.memos:
            _note(
                notes,
                memo.guid,
                memo.title or (f"Memo by {memo.author}" if memo.author else "Memo"),
                memo.text,
                data.author_guids.get(memo.author),
                memo.created_at,
            )
        for coding in data.coding_memos:
            _note(
                notes,
                derived_guid("coding-memo", coding.guid),
                "Memo on coding",
                coding.memo,
                data.coder_guids.get(coding.coder_id),
                coding.created_at,
            )
    for memo in data.project_memos:
        sub(root, "NoteRef", {"targetGUID": memo.guid})
    return to_bytes(root)


def atomic_write(target: Path, write: Callable[[Any], None]) -> None:
    """Write ``target`` through a temporary file beside it, then rename it into place."""
    from qualcode.export.safety import atomic_output

    with atomic_output(target) as temporary, open(temporary, "wb") as handle:
        write(handle)
        handle.flush()
        os.fsync(handle.fileno())


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    archive.writestr(info, data, compresslevel=6)


def write_qdc(project: Project, out: str | os.PathLike[str], options: object = None) -> None:
    """Export the codebook of ``project`` as a REFI-QDA ``.qdc`` file at ``out``."""
    data = read_refi_snapshot(project, codebook_only=True)
    payload = qdc_bytes(data)
    atomic_write(Path(out), lambda handle: handle.write(payload))


def write_qdpx(project: Project, out: str | os.PathLike[str], options: object = None) -> None:
    """Export ``project`` as a REFI-QDA ``.qdpx`` project archive at ``out``.

    The archive holds ``project.qde`` and one ``sources/<guid>.txt`` per
    document (UTF-8, the stored text).
    """
    data = read_refi_snapshot(project)
    qde = qde_bytes(data)

    def write(handle: Any) -> None:
        with zipfile.ZipFile(handle, "w") as archive:
            _zip_entry(archive, "project.qde", qde)
            for document in data.documents:
                _zip_entry(
                    archive, f"sources/{document.guid}.txt", document.text.encode("utf-8")
                )

    atomic_write(Path(out), write)


def group_by(items: Any, key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = defaultdict(list)
    for item in items:
        grouped[key(item)].append(item)
    return grouped
