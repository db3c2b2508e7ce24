"""Errors that reach the researcher.

Every refusal in qualcode is a :class:`QualcodeError` whose ``str()`` is one
line naming the file or item and the problem. The CLI prints it after
``error:`` and exits 1; the TUI shows the same line in a dialog. Code that
raises one must leave the project exactly as it was (raise before committing).
"""


class QualcodeError(Exception):
    """A refusal with a one-line, user-facing message."""


class IngestError(QualcodeError):
    """A transcript or data file that cannot be read.

    Built from the offending path and the problem so the message always names
    the file: ``IngestError(path, "not a Word document (bad ZIP)")``.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class CodebookError(QualcodeError):
    """A codebook file that is malformed; the message names file and line."""

    def __init__(self, path: object, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class NotFoundError(QualcodeError):
    """An unknown document, code, coder, case or coding."""


class ProjectVersionError(QualcodeError):
    """A project written by a newer qualcode, or not a qualcode project."""
