"""Reading a ``.qdpx`` archive into plain values, refusing what cannot be trusted.

Refused (one :class:`~qualcode.errors.IngestError` naming the file and the
problem): a file that is not a ZIP archive, an archive without a ``.qde``
project document, XML that is not well-formed, and XML that still breaks the
project schema after the known repairs (:mod:`qualcode.refi.repair`).
Tolerated and reported: the entry named ``project.qde``, ``Project.qde`` or
any other ``*.qde``; sources in ``sources/`` or ``Sources/``; plain-text
paths with ``internal://``, ``relative://`` or no prefix (and, only when
allowed, ``absolute://`` and ``basePath``: see :mod:`qualcode.refi.sources`);
sources that are not plain text.

Limits (:mod:`qualcode.ingest.limits`): the ``.qde`` is parsed as it is
unpacked, with a cap on its size and number of elements; each source text is
at most the transcript limit; everything read from one archive together at
most the archive limit. A source over its limit is skipped and reported; an
archive over the total is refused.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from qualcode.errors import IngestError, quoted
from qualcode.ingest.limits import megabytes
from qualcode.refi.codebook import CodebookRead, child_text, children, codes_from_xml
from qualcode.refi.sources import Budget, ReadOptions, outside_file

__all__ = ["ProjectIn", "ReadOptions", "read_qdpx"]

#: How many more XML elements a .qde may have than a transcript body
#: (a project with 50,000 codings has about 200,000).
QDE_ELEMENTS_FACTOR = 4
OTHER_SOURCES = {
    "PictureSource": "picture",
    "PDFSource": "PDF",
    "AudioSource": "audio",
    "VideoSource": "video",
}


@dataclass
class CodingIn:
    guid: str
    code: str
    user: str | None
    notes: list[str] = field(default_factory=list)


@dataclass
class SelectionIn:
    guid: str
    name: str
    start: int
    end: int
    user: str | None
    codings: list[CodingIn] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class SourceIn:
    guid: str
    name: str
    kind: str
    raw: str | None = None
    skip: str | None = None
    selections: list[SelectionIn] = field(default_factory=list)
    codings: list[CodingIn] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unread_selections: int = 0


@dataclass
class NoteIn:
    guid: str
    name: str
    text: str
    user: str | None


@dataclass
class CaseIn:
    guid: str
    name: str
    description: str
    values: list[tuple[str, str | None]]
    sources: list[str]


@dataclass
class ProjectIn:
    """Everything read from a ``.qdpx``, before anything touches a project."""

    path: str
    entry: str
    name: str
    origin: str
    users: dict[str, str] = field(default_factory=dict)
    codebook: CodebookRead | None = None
    code_notes: dict[str, list[str]] = field(default_factory=dict)
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)
    cases: list[CaseIn] = field(default_factory=list)
    sources: list[SourceIn] = field(default_factory=list)
    notes: dict[str, NoteIn] = field(default_factory=dict)
    project_notes: list[str] = field(default_factory=list)
    sets: int = 0
    repairs: list[str] = field(default_factory=list)
    #: Notes whose text file was not read: GUID -> (note name, why); not imported.
    unread_notes: dict[str, tuple[str, str]] = field(default_factory=dict)


def _local(node: Any) -> str:
    tag = node.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _refs(node: Any, name: str) -> list[str]:
    from qualcode.refi.xml import guid_key

    return [guid_key(ref.get("targetGUID")) or "" for ref in children(node, name)]


class Archive:
    """The opened ZIP with case-insensitive member lookup and a budget for what is read."""

    def __init__(self, path: Path, options: ReadOptions) -> None:
        self.path = path
        self.options = options
        self.budget = Budget(options.limits)
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise IngestError(path, "no such file") from None
        except (zipfile.BadZipFile, OSError, ValueError):
            raise IngestError(
                path, "not a REFI-QDA project: a .qdpx file is a ZIP archive and this is not one"
            ) from None
        self.members = {
            info.filename.lower(): info
            for info in self.zip.infolist()
            if not info.is_dir() and not info.filename.startswith("__MACOSX/")
        }

    def _spend(self, info: zipfile.ZipInfo) -> None:
        limits = self.options.limits
        self.budget.used += info.file_size
        if self.budget.used > limits.max_archive_bytes:
            raise IngestError(
                self.path, f"unpacks to more than {megabytes(limits.max_archive_bytes)} of "
                f"project and text files (a ZIP bomb, or a very large project); "
                f"{limits.raise_hint()}"
            )

    def find(self, name: str) -> zipfile.ZipInfo | None:
        return self.members.get(name.lower().lstrip("/"))

    def read(self, name: str) -> bytes | None:
        """A source text member's bytes; None if absent. Too large: IngestError."""
        info = self.find(name)
        if info is None:
            return None
        limits = self.options.limits
        if info.file_size > limits.max_text_bytes:
            raise TooLarge(
                f"{quoted(info.filename)} is larger than {limits.max_text_mb} MB; not read "
                f"({limits.raise_hint()})"
            )
        self._spend(info)
        try:
            return self.zip.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as error:
            raise IngestError(
                self.path, f"{quoted(info.filename)}: cannot be unpacked ({error})"
            ) from None

    def parse(self, name: str) -> Any:
        """Parse an XML member while unpacking it, within the size and element limits."""
        from lxml import etree

        info = self.members[name.lower()]
        self._spend(info)
        limits = self.options.limits
        cap = QDE_ELEMENTS_FACTOR * limits.max_elements
        count = 0
        try:
            with self.zip.open(info) as stream:
                events = etree.iterparse(
                    stream, events=("start",), resolve_entities=False, no_network=True,
                    load_dtd=False, huge_tree=True, remove_blank_text=False,
                )
                for _event, _element in events:
                    count += 1
                    if count > cap:
                        raise IngestError(
                            self.path, f"{quoted(name)} has more than {cap:,} XML elements; "
                            f"{limits.raise_hint()}"
                        )
                return events.root
        except etree.XMLSyntaxError as error:
            raise IngestError(
                self.path, f"{quoted(name)} line {error.lineno}: not well-formed XML ({error.msg})"
            ) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as error:
            raise IngestError(
                self.path, f"{quoted(info.filename)}: cannot be unpacked ({error})"
            ) from None

    def project_entry(self) -> str:
        entries = sorted(
            (name for name in self.members if name.endswith(".qde")),
            key=lambda name: (name.count("/"), name != "project.qde", name),
        )
        if not entries:
            raise IngestError(self.path, "no .qde project document inside the archive")
        return self.members[entries[0]].filename


class TooLarge(Exception):
    """One source text over the size limit: skipped and reported, not a refusal."""


def _source_text(archive: Archive, base_path: str | None, text_path: str) -> tuple[str | None, str]:
    """The raw text a plainTextPath names, or (None, why not)."""
    from qualcode.refi.positions import decode_source

    data: bytes | None = None
    try:
        if text_path.startswith("internal://"):
            name = unquote(text_path[len("internal://"):])
            data = archive.read(f"sources/{name}") or archive.read(name)
        elif text_path.startswith(("relative://", "absolute://")):
            data, why = outside_file(archive.path, base_path, text_path, archive.options)
            if data is None:
                return None, why
        else:
            name = unquote(text_path)
            data = (
                archive.read(f"sources/{name}")
                or archive.read(name)
                or archive.read(f"sources/{PurePosixPath(name).name}")
            )
            if data is None:
                data, why = outside_file(archive.path, base_path, text_path, archive.options)
                if data is None:
                    return None, why
    except TooLarge as too_large:
        return None, str(too_large)
    if data is None:
        return None, f"text file {quoted(text_path)} not found in the archive"
    try:
        return decode_source(data), ""
    except UnicodeDecodeError:
        return None, f"text file {quoted(text_path)} is not UTF-8 text"


# Full tags in the project namespace: after repair every element is in it,
# so comparing a child's tag with these is all the matching needed.
_NS = "{urn:QDA-XML:project:1.0}"
_CODING = _NS + "Coding"
_CODE_REF = _NS + "CodeRef"
_NOTE_REF = _NS + "NoteRef"
_SELECTION = _NS + "PlainTextSelection"
_CONTENT = _NS + "PlainTextContent"


class _Keys(dict[str | None, str]):
    """GUID keys of references (users, codes, notes), each worked out once."""

    def __missing__(self, raw: str | None) -> str:
        from qualcode.refi.xml import guid_key

        key = self[raw] = guid_key(raw) or ""
        return key


def _coding(node: Any, user_of: str | None, keys: _Keys) -> CodingIn:
    from qualcode.refi.xml import guid_key

    code = None
    notes = []
    for child in node:
        tag = child.tag
        if tag == _CODE_REF:
            if code is None:
                code = keys[child.get("targetGUID")]
        elif tag == _NOTE_REF:
            notes.append(keys[child.get("targetGUID")])
    return CodingIn(
        guid_key(node.get("guid")) or "", code or "", keys[node.get("creatingUser")] or user_of,
        notes,
    )


def _selection(node: Any, user_of: str | None, keys: _Keys) -> SelectionIn:
    from qualcode.refi.xml import guid_key

    user = keys[node.get("creatingUser")] or user_of
    codings = []
    notes = []
    for child in node:
        tag = child.tag
        if tag == _CODING:
            codings.append(_coding(child, user, keys))
        elif tag == _NOTE_REF:
            notes.append(keys[child.get("targetGUID")])
    return SelectionIn(
        guid_key(node.get("guid")) or "", node.get("name") or "",
        int(node.get("startPosition")), int(node.get("endPosition")), user, codings, notes,
    )


def _text_source(archive: Archive, base_path: str | None, node: Any) -> SourceIn:
    """One TextSource in a single pass over its children (50,000 selections are usual)."""
    from qualcode.refi.xml import guid_key

    source = SourceIn(
        guid=guid_key(node.get("guid")) or "",
        name=(node.get("name") or "").strip(),
        kind="text",
    )
    user = guid_key(node.get("creatingUser"))
    content = None
    keys = _Keys()
    for child in node:
        tag = child.tag
        if tag == _SELECTION:
            source.selections.append(_selection(child, user, keys))
        elif tag == _CODING:
            source.codings.append(_coding(child, user, keys))
        elif tag == _NOTE_REF:
            source.notes.append(guid_key(child.get("targetGUID")) or "")
        elif tag == _CONTENT and content is None:
            content = child
    if node.get("plainTextPath"):
        source.raw, why = _source_text(archive, base_path, node.get("plainTextPath"))
        if source.raw is None:
            source.skip = why
    elif content is not None:
        source.raw = content.text or ""
    else:
        source.skip = "no plain text (only a rich-text file)" if node.get("richTextPath") \
            else "no text"
    return source


def read_qdpx(path: Path, options: ReadOptions | None = None) -> ProjectIn:
    """Open, repair, validate and read a ``.qdpx``; refusals are IngestErrors."""
    from qualcode.refi.repair import repair_project
    from qualcode.refi.xml import PROJECT_NS, guid_key, schema_problem

    path = Path(path)
    archive = Archive(path, options or ReadOptions())
    entry = archive.project_entry()
    root = archive.parse(entry)
    repairs = repair_project(root)
    if root.tag != f"{{{PROJECT_NS}}}Project":
        raise IngestError(path, f"{entry}: root element is <{_local(root)}>, not <Project>")
    problem = schema_problem("Project", root)
    if problem is not None:
        raise IngestError(path, f"{entry} does not follow the REFI-QDA project schema: {problem}")
    project = ProjectIn(
        path=str(path), entry=entry, name=root.get("name") or path.stem,
        origin=root.get("origin") or "", repairs=repairs,
    )
    base_path = root.get("basePath")
    for section in root:
        kind = _local(section)
        if kind == "Users":
            for user in children(section, "User"):
                guid = guid_key(user.get("guid")) or ""
                project.users[guid] = (user.get("name") or user.get("id") or "").strip()
        elif kind == "CodeBook":
            codes = children(section, "Codes")
            project.codebook = codes_from_xml(codes[0] if codes else None, f"{path}:{entry}")
            for code in section.iter(f"{{{PROJECT_NS}}}Code"):
                refs = _refs(code, "NoteRef")
                if refs:
                    project.code_notes[guid_key(code.get("guid")) or ""] = refs
        elif kind == "Variables":
            for variable in children(section, "Variable"):
                project.variables[guid_key(variable.get("guid")) or ""] = (
                    (variable.get("name") or "").strip(), variable.get("typeOfVariable") or "Text"
                )
        elif kind == "Cases":
            for case in children(section, "Case"):
                values: list[tuple[str, str | None]] = []
                for value in children(case, "VariableValue"):
                    ref = _refs(value, "VariableRef")[0]
                    written = [v for v in value if _local(v).endswith("Value")]
                    text = (written[0].text or "").strip() if written else None
                    values.append((ref, text))
                project.cases.append(
                    CaseIn(
                        guid=guid_key(case.get("guid")) or "",
                        name=(case.get("name") or "").strip(),
                        description=child_text(case, "Description"),
                        values=values,
                        sources=_refs(case, "SourceRef"),
                    )
                )
        elif kind == "Sources":
            for node in section:
                local = _local(node)
                if local == "TextSource":
                    project.sources.append(_text_source(archive, base_path, node))
                elif local in OTHER_SOURCES:
                    project.sources.append(
                        SourceIn(
                            guid=guid_key(node.get("guid")) or "",
                            name=(node.get("name") or "").strip(),
                            kind=OTHER_SOURCES[local],
                            skip=f"{OTHER_SOURCES[local]} source, not plain text",
                            unread_selections=sum(
                                1 for child in node if _local(child).endswith("Selection")
                            ),
                        )
                    )
        elif kind == "Notes":
            for note in children(section, "Note"):
                content = children(note, "PlainTextContent")
                text = (content[0].text or "") if content else ""
                if not content and note.get("plainTextPath"):
                    read, why = _source_text(archive, base_path, note.get("plainTextPath"))
                    text = read or ""
                    if read is None:
                        project.unread_notes[guid_key(note.get("guid")) or ""] = (
                            (note.get("name") or "").strip(), why
                        )
                guid = guid_key(note.get("guid")) or ""
                project.notes[guid] = NoteIn(
                    guid, (note.get("name") or "").strip(), text,
                    guid_key(note.get("creatingUser")),
                )
        elif kind == "Sets":
            project.sets = len(children(section, "Set"))
        elif kind == "NoteRef":
            project.project_notes.append(guid_key(node_target(section)) or "")
    return project


def node_target(node: Any) -> str:
    return node.get("targetGUID") or ""
