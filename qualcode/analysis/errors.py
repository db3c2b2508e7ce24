"""Refusals of the analysis layer (bad parameters, inconsistent snapshots)."""

from qualcode.errors import QualcodeError


class AnalysisError(QualcodeError):
    """An analysis that cannot be computed as asked; one line naming the item."""
