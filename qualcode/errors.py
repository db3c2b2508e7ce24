"""Errors that reach the researcher.

Every refusal in qualcode is a :class:`QualcodeError` whose ``str()`` is one
line naming the file or item and the problem. The CLI prints it after
``error:`` and exits 1; the TUI shows the same line in a dialog. Code that
raises one must leave the project exactly as it was (raise before committing).

Names in messages come from files and archives other people made: a file
name may hold a line break or a right-to-left override. :func:`quoted`
escapes those, so one refusal is always exactly one line that reads as it is.
"""

import re

#: Characters that would break a message over lines or reorder it on screen:
#: C0/C1 controls, DEL, line/paragraph separators and bidirectional controls.
UNSAFE_IN_LINE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\u{ord(char):04x}")


def quoted(name: object) -> str:
    """``name`` with line breaks and control/bidi characters written as escapes."""
    return UNSAFE_IN_LINE.sub(_escape, str(name))


def one_line(message: str) -> str:
    """A message made safe to print as one line (what the CLI prints after ``error:``)."""
    return quoted(message)


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
        super().__init__(f"{quoted(self.path)}: {problem}")


class CodebookError(QualcodeError):
    """A codebook file that is malformed; the message names file and line."""

    def __init__(self, path: object, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{quoted(self.path)}:{line}" if line is not None else quoted(self.path)
        super().__init__(f"{where}: {problem}")


class NotFoundError(QualcodeError):
    """An unknown document, code, coder, case or coding."""


class ProjectVersionError(QualcodeError):
    """A project written by a newer qualcode, or not a qualcode project."""
