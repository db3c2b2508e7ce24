"""Figures computed from a :class:`StudySnapshot`: saturation, frequencies, agreement...

Pure functions, no database: the Project service builds the snapshot, the CLI,
TUI and exports call these and render the results (each has ``to_json()``).
Definitions of every figure are in docs/analysis.md.
"""

from qualcode.analysis.agreement import AgreementCell, AgreementReport, Figures, agreement
from qualcode.analysis.comparison import Disagreement, UnitCounts, disagreements
from qualcode.analysis.cooccurrence import CooccurrenceMatrix, CooccurrencePair, cooccurrence
from qualcode.analysis.errors import AnalysisError
from qualcode.analysis.frequencies import (
    CodeFrequency,
    CodePrevalence,
    FrequencyTable,
    PrevalenceReport,
    category_total,
    frequencies,
    prevalence,
)
from qualcode.analysis.matrices import (
    Matrix,
    attribute_buckets,
    cell_codings,
    code_by_attribute,
    code_by_document,
    code_by_participant,
)
from qualcode.analysis.saturation import (
    SaturationResult,
    SaturationRow,
    SaturationRun,
    SaturationTable,
    francis,
    guest2020,
    saturation,
    saturation_table,
)
from qualcode.analysis.segments import Segment, merge_codings
from qualcode.analysis.snapshot import (
    CaseRef,
    CodeRef,
    CodingRef,
    DocumentRef,
    StudySnapshot,
    TurnRef,
)

__all__ = [
    "AgreementCell",
    "AgreementReport",
    "AnalysisError",
    "CaseRef",
    "CodeFrequency",
    "CodePrevalence",
    "CodeRef",
    "CodingRef",
    "CooccurrenceMatrix",
    "CooccurrencePair",
    "Disagreement",
    "DocumentRef",
    "Figures",
    "FrequencyTable",
    "Matrix",
    "PrevalenceReport",
    "SaturationResult",
    "SaturationRow",
    "SaturationRun",
    "SaturationTable",
    "Segment",
    "StudySnapshot",
    "TurnRef",
    "UnitCounts",
    "agreement",
    "attribute_buckets",
    "category_total",
    "cell_codings",
    "code_by_attribute",
    "code_by_document",
    "code_by_participant",
    "cooccurrence",
    "disagreements",
    "francis",
    "frequencies",
    "guest2020",
    "merge_codings",
    "prevalence",
    "saturation",
    "saturation_table",
]
