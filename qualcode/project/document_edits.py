"""Changing documents and participants: import, order, status, speakers, renames, deletes,
the language, and pseudonymisation.

Reading and sentence splitting run before a transaction opens, so a bad file
or a slow split never holds the project; the stores are done by
:mod:`.importing`, :mod:`.documents`, :mod:`.participants` and :mod:`.speakers`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.errors import IngestError, QualcodeError
from qualcode.project import (
    documents,
    importing,
    participants,
)
from qualcode.project import speakers as speaker_ops
from qualcode.project import status as status_ops
from qualcode.project.reads import ProjectReads
from qualcode.project.values import (
    ImportReport,
    ParticipantsReport,
    SpeakerInfo,
)

if TYPE_CHECKING:
    from qualcode.ingest import AnchoredComment, TurnSpan
    from qualcode.ingest.limits import Limits
    from qualcode.pseudonymise.apply import PseudonymReport


class DocumentEdits(ProjectReads):
    """The document operations of :class:`~qualcode.project.service.Project`."""

    # -- documents and participants ----------------------------------------

    def import_document(
        self, path: str | Path, *, case: str | None = None, name: str | None = None,
        limits: Limits | None = None,
    ) -> ImportReport:
        """Import one transcript.

        The participant defaults to the respondent's speaker label when there
        is exactly one that looks like a participant code (``BSR01``), else
        to the document name. The report warns about a text identical to a
        document already in the project, and about text that looks like
        another language than the project's.

        Reading and sentence splitting happen before the transaction opens, so
        a bad file never touches the project. ``limits`` (default:
        :data:`qualcode.ingest.limits.DEFAULT`) caps the size of what is read;
        a bigger file is refused before it is read.
        """
        from qualcode.ingest import read_transcript
        from qualcode.ingest.limits import DEFAULT

        path = Path(path)
        name = importing.check_source(path, name)
        with self.read() as session:
            if importing.name_taken(session, name):
                raise IngestError(path, f"a document named {name!r} already exists")
        ingested = read_transcript(path, limits or DEFAULT)
        if not ingested.text.strip():
            raise IngestError(path, "no text in this file")
        from qualcode.language import language_warning

        warning = language_warning(ingested.text, self.language, str(path))
        report = self.add_document(
            name,
            ingested.text,
            case=case,
            source_name=path.name,
            format=ingested.format,
            encoding=ingested.encoding,
            removed_controls=ingested.removed_controls,
            turns=ingested.turns,
            comments=ingested.comments,
            source=str(path),
            legend=ingested.legend,
        )
        if warning:
            report = dataclasses.replace(report, warnings=(*report.warnings, warning))
        return report

    def add_document(
        self,
        name: str,
        text: str,
        *,
        case: str | None = None,
        source_name: str = "",
        format: str = "txt",
        encoding: str | None = None,
        removed_controls: int = 0,
        turns: Sequence[TurnSpan] = (),
        comments: Sequence[AnchoredComment] = (),
        sentences: Sequence[tuple[int, int]] | None = None,
        source: str | None = None,
        legend: Mapping[str, str] | None = None,
    ) -> ImportReport:
        """Store an already-normalised text as a new document (one transaction).

        Used by :meth:`import_document` and by importers of other formats
        (REFI-QDA). Sentences are split with spaCy unless given. ``text`` must
        already be normalised (:func:`qualcode.ingest.normalise`): it is stored
        as is and never changes afterwards. Refused if the name is taken.
        Imports are logged but not undoable (a wrong import is deleted).
        ``legend`` (label -> description) names the speakers as the
        transcript's legend does; every label gets a speaker row.
        """
        label = source or name
        if sentences is None:
            from qualcode.nlp import split_sentences

            sentences = split_sentences(text, list(turns), self.language)
        with self.change("import", f"import {label} as {name}", undoable=False) as changes:
            return importing.store_document(
                changes,
                name,
                text,
                case=(case or importing.participant_label(turns) or name).strip(),
                source_name=source_name,
                format=format,
                encoding=encoding,
                removed_controls=removed_controls,
                turns=turns,
                comments=comments,
                sentences=sentences,
                label=label,
                legend=legend or {},
            )

    def set_interview_order(self, names: list[str]) -> None:
        """Put documents in the given interview order; ``names`` lists each document once."""
        with self.change("order", "set interview order") as changes:
            importing.set_interview_order(changes, names)

    def set_status(self, documents: Sequence[str], status: str) -> list[str]:
        """Mark documents not-started, in-progress, coded or excluded; the names changed."""
        names = status_ops.requested(documents, status)
        with self.change("status", status_ops.summary_of(names, status)) as changes:
            return status_ops.set_status(changes, names, status)

    def set_turn_role(self, document: str, speaker: str, role: str) -> int:
        """Correct the inferred role of every turn of ``speaker`` in ``document``."""
        importing.check_role(role)
        with self.change("role", f"{document}: {speaker} is {role}") as changes:
            return importing.set_turn_role(changes, document, speaker, role)

    def speakers(self, document: str | None = None) -> list[SpeakerInfo]:
        """Speaker labels per document: legend name, role, participant (see project.speakers)."""
        with self.read() as session:
            return speaker_ops.speaker_infos(session, document)

    def correct_speaker(
        self,
        document: str,
        label: str,
        *,
        role: str | None = None,
        participant: str | object | None = speaker_ops.KEEP,
    ) -> None:
        """Correct a label's role (all its turns) and/or who speaks under it: one change."""
        if role is not None:
            importing.check_role(role)
        summary = speaker_ops.summary(document, label, role, participant)
        with self.change("speaker", summary) as changes:
            speaker_ops.correct_speaker(changes, document, label, role, participant)

    def set_speaker_participant(self, document: str, label: str, participant: str | None) -> None:
        """Who speaks under ``label`` in ``document`` (None: the document's own participant)."""
        self.correct_speaker(document, label, participant=participant)

    def import_participants(
        self, path: str | Path, *, key: str | None = None
    ) -> ParticipantsReport:
        """Store a participants table (cases and attribute values) as one undoable change."""
        from qualcode.participants import read_participants
        from qualcode.project.participants import store_participants

        table = read_participants(Path(path), key)
        with self.change("participants", f"participants from {Path(path).name}") as changes:
            stored = store_participants(changes, table)
        return ParticipantsReport(str(path), stored.added, stored.updated, table.attributes,
                                  stored.by_label, stored.unmatched)

    def rename_case(self, old: str, new: str) -> str:
        """Rename a participant; onto an existing name, merge the two (documents move,
        attributes combine; two different values of one attribute refuse it).

        Returns ``"renamed"`` or ``"merged"``.
        """
        new = participants.check_case_name(new)
        with self.change("rename-case", f"rename participant {old} to {new}") as changes:
            return participants.rename_case(changes, old, new)

    def rename_document(self, old: str, new: str) -> str:
        """Rename a document (or a unique prefix of its name); codings and memos follow."""
        with self.change("rename-document", f"rename document {old} to {new}") as changes:
            new = documents.rename_document(changes, old, new)
        self._document_extents.clear()
        return new

    def delete_document(self, name: str) -> int:
        """Delete a document with its turns, sentences, codings and memos, as one undoable
        change; returns the codings deleted with it."""
        with self.change("delete-document", f"delete document {name}") as changes:
            removed = documents.delete_document(changes, name)
        self._document_extents.clear()
        return removed

    def assign_document(self, name: str, case: str | None) -> str | None:
        """Give a document another participant (created if new); None or '' detaches it."""
        with self.change("assign-document", f"assign {name} to {case}") as changes:
            return documents.assign_document(changes, name, case)

    def set_language(self, code: str) -> int:
        """Make ``code`` the language and split every document's sentences again.

        Splitting runs before the transaction; codings keep their offsets. Logged,
        not undoable (``set_language(old)`` splits back). Returns documents split.
        """
        from qualcode.language import check_language
        from qualcode.nlp import split_many
        from qualcode.project.language_ops import read_turns, store_language

        code = check_language(code)
        old = self.language
        if code == old:
            raise QualcodeError(f"language {code!r}: the project's language already")
        with self.read() as session:
            texts = read_turns(session)
        spans = split_many([(text, turns) for _, text, turns in texts], code) if texts else []
        summary = f"language {old} -> {code}: sentences of {len(texts)} documents split again"
        with self.change("language", summary, undoable=False) as changes:
            store_language(changes.session, code, {
                document_id: sentences
                for (document_id, _, _), sentences in zip(texts, spans, strict=True)})
        return len(texts)

    # -- pseudonymisation --------------------------------------------------

    def pseudonymise(self, pairs: Sequence[tuple[str, str]]) -> PseudonymReport:
        """Replace every ``text`` by its pseudonym everywhere; one way, no undo.

        Refused (nothing changed) while another process has the project open,
        because the old text could then not be wiped from the ``-wal`` file.
        """
        from qualcode.pseudonymise import occurrence_pattern
        from qualcode.pseudonymise.apply import apply_pairs
        from qualcode.store import others_connected, scrub

        pattern = occurrence_pattern(text for text, _ in pairs)
        if pattern is None:
            raise QualcodeError("pseudonymise: nothing to replace")
        if others_connected(self._store):
            raise QualcodeError(
                f"{self.location}: the project is open in another window or process; "
                "close it first (its -wal file could not be wiped)"
            )
        with self.change("pseudonymise", "pseudonymise", undoable=False) as changes:
            report = apply_pairs(changes.session, pairs, pattern)
            changes.summary = (
                f"pseudonymise: {report.items} items, {report.replacements} replacements "
                f"in {report.documents} documents"
            )
        self._document_extents.clear()
        if not scrub(self._store):
            raise QualcodeError(
                f"{self.location}: pseudonymised, but another process kept the -wal file "
                "open; close it and run 'qualcode pseudonymise' again to wipe it"
            )
        return report

