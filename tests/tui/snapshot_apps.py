"""Apps for the SVG snapshot tests: the small study, opened on one screen each.

pytest-textual-snapshot runs an app from a file; each function here builds a
fresh copy of the study in a temporary folder so snapshots never depend on
the user's data folder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from qualcode.project import Project
from qualcode.tui.app import QualcodeApp, make_app
from tests.tui.conftest import make_study


def study_app() -> QualcodeApp:
    folder = Path(tempfile.mkdtemp(prefix="qualcode-snap-"))
    app = make_app(make_study(folder / "study.qualcode"), coder="Lotte")
    app.project.set_setting("name", "study")
    return app


def tabs_app() -> QualcodeApp:
    """A transcript typed as a Word table (label, tab, text), with a tab inside a turn too."""
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="qualcode-snap-"))
    source = Path(__file__).parent.parent / "fixtures" / "transcripts" / "word_table_tabs.txt"
    with Project.create(folder / "tabs.qualcode", coder="Lotte") as project:
        project.set_setting("name", "tabs")
        project.import_document(shutil.copy(source, folder / "WT01.txt"))
    return make_app(folder / "tabs.qualcode", coder="Lotte")


def cooccurring_app() -> QualcodeApp:
    """The small study with two more codings on Lotte's "Objectieve belasting" passage in
    HA01, so three pairs of codes co-occur."""
    folder = Path(tempfile.mkdtemp(prefix="qualcode-snap-"))
    path = make_study(folder / "study.qualcode")
    with Project.open(path, coder="Lotte") as project:
        project.set_setting("name", "study")
        text = project.document_text("HA01").text
        start = text.index("Ik loop dan uit")
        project.add_coding("HA01", "Gebrek aan wederkerigheid", start, start + 15)
        start = text.index("het kost veel tijd")
        project.add_coding("HA01", "Gebrek aan wederkerigheid", start, start + 10)
        project.add_coding("HA01", "Variatie", start, start + 10)
    return make_app(path, coder="Lotte")


def two_coders_app() -> QualcodeApp:
    """The small study with Prof. Claes's two codings beside Lotte's, so agreement has
    figures and disagreements to show."""
    from tests.tui.analysis_helpers import add_second_coder

    folder = Path(tempfile.mkdtemp(prefix="qualcode-snap-"))
    path = add_second_coder(make_study(folder / "study.qualcode"))
    with Project.open(path, coder="Lotte") as project:
        project.set_setting("name", "study")
    return make_app(path, coder="Lotte")
