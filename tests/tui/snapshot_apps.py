"""Apps for the SVG snapshot tests: the small study, opened on one screen each.

pytest-textual-snapshot runs an app from a file; each function here builds a
fresh copy of the study in a temporary folder so snapshots never depend on
the user's data folder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from qualcode.tui.app import QualcodeApp, make_app
from tests.tui.conftest import make_study


def study_app() -> QualcodeApp:
    folder = Path(tempfile.mkdtemp(prefix="qualcode-snap-"))
    app = make_app(make_study(folder / "study.qualcode"), coder="Lotte")
    app.project.set_setting("name", "study")
    return app
