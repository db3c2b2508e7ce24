"""The demo project: the fictional GP interviews, coded, ready to open.

Core code (no Textual) so that the CLI, the tests and the benchmark can
build it. Everything goes through the Project API, the same calls a
researcher's own study uses. Building is idempotent: an existing demo
project is reused, and a build that fails leaves no half-built project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEMO_FILE = "demo.qualcode"
CODEBOOK_NAME = "gp-psychosocial-burden"
TRANSCRIPT_SUFFIXES = (".txt", ".md", ".docx", ".odt", ".rtf", ".vtt", ".srt")


@dataclass(frozen=True)
class DemoData:
    transcripts: Path  # the sample_transcripts folder
    codebook: Path


def find_demo_data() -> DemoData:
    """The sample transcripts and the shipped codebook, wherever qualcode is installed."""
    from qualcode.shipped import sample_transcripts_folder, shipped_codebook

    return DemoData(sample_transcripts_folder(), shipped_codebook(CODEBOOK_NAME))


def default_demo_directory() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("qualcode"))


def case_of(document: str) -> str:
    """``HA04-followup`` belongs to participant HA04; ``EN01-pilot`` to EN01."""
    return document.split("-", 1)[0]


def _order_key(path: Path) -> tuple[int, str]:
    """The main interviews (HA01..HA11) first, then the pilot and the extra sessions.

    So that interview number n is HA0n, as in the thesis' saturation table;
    the pilot and the follow-up/telephone sessions come after, by name.
    """
    main_interview = "-" not in path.stem
    return (0 if main_interview else 1, path.stem)


def transcript_files(folder: Path) -> list[Path]:
    """The demo's transcripts in interview order (the order saturation uses)."""
    files = [p for p in folder.iterdir()
             if p.is_file() and p.suffix.lower() in TRANSCRIPT_SUFFIXES
             and not p.name.startswith((".", "README"))]
    return sorted(files, key=_order_key)


def build_demo(directory: str | os.PathLike[str], *, coder: str = "demo") -> Path:
    """Build ``DIRECTORY/demo.qualcode`` once and return its path.

    Imports the transcripts in interview order, then the participants, the
    shipped codebook and the sample codings. If the project already exists
    it is returned as it is (the user's own codings in it are kept).
    """
    from qualcode.codebook import load_codebook
    from qualcode.project import Project
    from qualcode.store import remove_project_files

    folder = Path(directory).expanduser()
    target = folder / DEMO_FILE
    if target.exists():
        return target
    data = find_demo_data()
    # A folder we create holds health data: owner only, like the project file.
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    partial = folder / (DEMO_FILE + ".part")
    remove_project_files(partial)
    try:
        with Project.create(partial, coder=coder) as project:
            project.set_setting("name", "GP psychosocial burden (demo)")
            project.merge_codebook(load_codebook(data.codebook))
            for path in transcript_files(data.transcripts):
                project.import_document(path, case=case_of(path.stem))
            participants = data.transcripts / "participants.csv"
            if participants.is_file():
                project.import_participants(participants)
            codings = data.transcripts / "codings.csv"
            if codings.is_file():
                project.add_codings_from_csv(codings)
        partial.rename(target)
    finally:
        remove_project_files(partial)
    return target
