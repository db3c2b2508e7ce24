"""The wheel is a real package: it carries the code, the shipped codebooks and the demo data.

Built offline from a copy of the source (no build isolation, so no download),
then inspected as a zip; the demo's data is then found inside the unpacked
wheel, run from an empty folder, which is what an installed copy sees.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FILES = ("pyproject.toml", "README.md")
SOURCE_FOLDERS = ("qualcode", "codebooks", "sample_transcripts")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCE_FILES:
        shutil.copy(ROOT / name, source / name)
    for name in SOURCE_FOLDERS:
        shutil.copytree(ROOT / name, source / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "--wheel-dir", str(out), str(source)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("qualcode-*.whl")
    return built


def names_in(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_shipped_codebooks(wheel):
    assert "qualcode/data/codebooks/gp-psychosocial-burden.yaml" in names_in(wheel)
    assert "qualcode/data/codebooks/README.md" in names_in(wheel)


def test_the_wheel_carries_every_sample_transcript_and_the_demo_tables(wheel):
    samples = {
        f"qualcode/data/sample_transcripts/{p.name}"
        for p in (ROOT / "sample_transcripts").iterdir()
        if p.is_file() and p.suffix != ".py"
    }
    assert "qualcode/data/sample_transcripts/HA04-followup.docx" in samples
    assert samples <= names_in(wheel)


def test_the_wheel_carries_every_file_of_the_package(wheel):
    files = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "qualcode").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    missing = sorted(files - names_in(wheel))
    assert missing == [], "add the package to [tool.setuptools] packages in pyproject.toml"


def test_the_wheel_installs_the_qualcode_command(wheel):
    with zipfile.ZipFile(wheel) as archive:
        (entry_points,) = [n for n in archive.namelist() if n.endswith("entry_points.txt")]
        assert "qualcode = qualcode.cli:main" in archive.read(entry_points).decode()


def test_from_the_unpacked_wheel_init_finds_a_shipped_codebook_by_name(wheel, tmp_path):
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}

    def qualcode(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "qualcode", *args], cwd=empty, env=env,
                              capture_output=True, text=True)

    listed = json.loads(qualcode("codebooks", "--json").stdout)
    assert [Path(c["file"]).is_relative_to(installed) for c in listed] == [True]
    created = qualcode("init", "study.qualcode", "--codebook", "gp-psychosocial-burden")
    assert created.returncode == 0, created.stderr
    assert "40 codes" in created.stdout
    demo = subprocess.run(
        [sys.executable, "-c", "from qualcode.demo import find_demo_data; "
         "print(find_demo_data().transcripts)"],
        cwd=empty, env=env, capture_output=True, text=True, check=True,
    )
    assert Path(demo.stdout.strip()) == installed / "qualcode" / "data" / "sample_transcripts"
