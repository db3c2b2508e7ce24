"""The project's data, as SQLAlchemy 2.x typed models.

Offsets (``start``/``end``) are Unicode code points into ``Document.text``,
end exclusive, the unit REFI-QDA uses. Every entity a researcher could
exchange with another tool carries a GUID that never changes (renaming a code
keeps its GUID). ``SCHEMA_VERSION`` is bumped with each Alembic revision
(how: :mod:`qualcode.migrations`).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_VERSION = 3

#: A document's coding status (``Document.status``); saturation counts only ``coded``.
DOCUMENT_STATUSES = ("not-started", "in-progress", "coded", "excluded")


def new_guid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


def table_of(entity: type[Base]) -> Table:
    """The Core table of a mapped class, for bulk inserts without the ORM's per-row work.

    (``__table__`` itself is hinted as a ``FromClause``, which ``insert()`` does not take.)
    """
    return cast(Table, entity.__table__)


class Setting(Base):
    """Project-wide key/value settings: schema version, language, last document."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Case(Base):
    """A participant (e.g. ``HA3``); its attributes make the thesis' Table 1."""

    __tablename__ = "case"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    values: Mapped[list[CaseValue]] = relationship(
        back_populates="case", cascade="all, delete-orphan", passive_deletes=True
    )


class Attribute(Base):
    """A participant variable (gender, age, ...) with its inferred type.

    ``type`` is one of ``number``, ``date``, ``duration``, ``text``; values are
    stored as text and interpreted by type (a duration as ``mm:ss``).
    """

    __tablename__ = "attribute"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(16), default="text")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class CaseValue(Base):
    __tablename__ = "case_value"
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case.id", ondelete="CASCADE"), primary_key=True
    )
    attribute_id: Mapped[int] = mapped_column(
        ForeignKey("attribute.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[str | None] = mapped_column(Text, nullable=True)
    case: Mapped[Case] = relationship(back_populates="values")
    attribute: Mapped[Attribute] = relationship()


class Document(Base):
    """One transcript. ``text`` is normalised once at import and never changes.

    ``status`` is one of :data:`DOCUMENT_STATUSES`: ``not-started`` at import,
    ``in-progress`` from its first coding, ``coded`` or ``excluded`` (a pilot,
    a document that is not an interview) when the researcher says so.
    """

    __tablename__ = "document"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(16))
    encoding: Mapped[str | None] = mapped_column(String(32), nullable=True)
    removed_controls: Mapped[int] = mapped_column(Integer, default=0)
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    interview_order: Mapped[int] = mapped_column(Integer)
    interview_date: Mapped[str | None] = mapped_column(String(32), nullable=True)
    status: Mapped[str] = mapped_column(
        String(16), default="not-started", server_default="not-started"
    )
    case: Mapped[Case | None] = relationship()


class Turn(Base):
    """A speaker turn; ``role`` is interviewer, respondent or unknown.

    ``timestamp`` is the time as the transcript wrote it; ``time`` the moment
    the turn starts, in seconds from the start of the recording (None when
    the transcript gives none). People see positions as "turn 47 · 19:21".
    """

    __tablename__ = "turn"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    speaker: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    timestamp: Mapped[str | None] = mapped_column(String(32), nullable=True)
    time: Mapped[float | None] = mapped_column(Float, nullable=True)


class Speaker(Base):
    """A speaker label seen in a document, with what the transcript says of it.

    ``name`` is the label's description in the transcript's legend
    (``I1: Interviewer 1`` gives ``Interviewer 1``), empty without one.
    ``case_id`` is the participant who speaks under this label when it is not
    the document's own participant (a focus group); None means the document's.
    Roles stay on the turns (``role`` changes them all at once).
    """

    __tablename__ = "speaker"
    __table_args__ = (UniqueConstraint("document_id", "label"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), default="")
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("case.id", ondelete="SET NULL"), nullable=True
    )


class Sentence(Base):
    """A sentence boundary from spaCy: the unit the keyboard selection moves by."""

    __tablename__ = "sentence"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Code(Base):
    """A code in the hierarchical codebook; siblings have distinct names."""

    __tablename__ = "code"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    inclusion: Mapped[str] = mapped_column(Text, default="")
    exclusion: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    color: Mapped[str | None] = mapped_column(String(9), nullable=True)
    key: Mapped[str | None] = mapped_column(String(8), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Coder(Base):
    __tablename__ = "coder"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Coding(Base):
    """A code applied to ``document.text[start:end]`` by a coder."""

    __tablename__ = "coding"
    __table_args__ = (
        Index("ix_coding_document", "document_id", "start"),
        Index("ix_coding_code", "code_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coder.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Memo(Base):
    """A memo on the project, a document (optionally a span of it) or a code.

    Memos on a single coding live in ``Coding.memo``. Word comments become
    document memos anchored on the text they covered.
    """

    __tablename__ = "memo"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), nullable=True, index=True
    )
    code_id: Mapped[int | None] = mapped_column(
        ForeignKey("code.id", ondelete="CASCADE"), nullable=True
    )
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    author: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Event(Base):
    """One change to the project: the audit trail and the undo/redo log.

    ``changes`` is JSON: a list of row-level operations that can be replayed
    backwards (undo) or forwards (redo). ``state`` is ``done``, ``undone`` or
    ``dropped`` (an undone change that a new change made unreachable).
    """

    __tablename__ = "event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    coder: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[str] = mapped_column(Text, default="[]")
    undoable: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(8), default="done", index=True)


__all__ = [
    "DOCUMENT_STATUSES",
    "SCHEMA_VERSION",
    "Attribute",
    "Base",
    "Case",
    "CaseValue",
    "Code",
    "Coder",
    "Coding",
    "Document",
    "Event",
    "Memo",
    "Sentence",
    "Setting",
    "Speaker",
    "Turn",
]
