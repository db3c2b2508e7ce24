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


#: New codes per interview in saturating_app: many at first, then one now and then.
NEW_CODES = (9, 6, 4, 3, 1, 0, 1, 0, 0, 1, 0, 0)


def saturating_app() -> QualcodeApp:
    """Twelve coded interviews whose new codes level off (25 codes in all), so the curve
    rises steeply and flattens: what the chart must show without a label in the way."""
    from tests.tui.conftest import TURNS, build_document

    folder = Path(tempfile.mkdtemp(prefix="qualcode-snap-"))
    with Project.create(folder / "curve.qualcode", coder="Lotte") as project:
        project.set_setting("name", "curve")
        project.add_code(None, "Thema's", color="#1b9e77")
        number = 0
        for index, new in enumerate(NEW_CODES, start=1):
            name = f"GP{index:02d}"
            text, turns, sentences = build_document(f"Gesprek {index}", TURNS)
            project.add_document(name, text, case=name, turns=turns, sentences=sentences)
            start, end = sentences[1]
            for _ in range(new):
                number += 1
                project.add_code("Thema's", f"Thema {number}")
            for code in range(1, number + 1):
                project.add_coding(name, f"Thema {code}", start, end)
        project.set_status([f"GP{i:02d}" for i in range(1, len(NEW_CODES) + 1)], "coded")
    return make_app(folder / "curve.qualcode", coder="Lotte")
