"""The Project service and the value objects it returns. See :mod:`.service`."""

from qualcode.project.codings import CodingRequest
from qualcode.project.service import Project
from qualcode.project.values import (
    CaseInfo,
    CodeInfo,
    CodingInfo,
    DocumentInfo,
    DocumentText,
    EventInfo,
    ImportReport,
    TurnInfo,
)

__all__ = [
    "CaseInfo",
    "CodeInfo",
    "CodingInfo",
    "CodingRequest",
    "DocumentInfo",
    "DocumentText",
    "EventInfo",
    "ImportReport",
    "Project",
    "TurnInfo",
]
