"""Exports validate against the shipped REFI-QDA schemas, and are stable."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from test_refi_support import HA1, build_rich_project

from qualcode.errors import QualcodeError
from qualcode.refi import write_qdc, write_qdpx
from qualcode.refi.xml import PROJECT_NS, schema_problem

NS = {"p": PROJECT_NS}


def _qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def test_qdpx_export_validates_against_the_project_schema(tmp_path: Path):
    project = build_rich_project(tmp_path / "s.qualcode", tmp_path / "p.csv")
    write_qdpx(project, tmp_path / "s.qdpx")
    assert schema_problem("Project", _qde(tmp_path / "s.qdpx")) is None


def test_qdc_export_validates_against_the_codebook_schema(tmp_path: Path):
    project = build_rich_project(tmp_path / "s.qualcode", tmp_path / "p.csv")
    write_qdc(project, tmp_path / "s.qdc")
    root = etree.parse(str(tmp_path / "s.qdc")).getroot()
    assert schema_problem("Codebook", root) is None
    names = [code.get("name") for code in root.iter("{urn:QDA-XML:codebook:1.0}Code")]
    assert names[:3] == ["Belasting", "Objectieve belasting", "Gebrek aan wederkerigheid"]


def test_exporting_twice_gives_identical_files(tmp_path: Path):
    project = build_rich_project(tmp_path / "s.qualcode", tmp_path / "p.csv")
    write_qdpx(project, tmp_path / "a.qdpx")
    write_qdpx(project, tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()


def test_renamed_code_keeps_its_guid_in_the_export(tmp_path: Path):
    project = build_rich_project(tmp_path / "s.qualcode", tmp_path / "p.csv")
    write_qdpx(project, tmp_path / "a.qdpx")
    project.rename_code("Steun", "Ondersteuning")
    write_qdpx(project, tmp_path / "b.qdpx")
    before = {c.get("name"): c.get("guid") for c in _qde(tmp_path / "a.qdpx").iter(
        f"{{{PROJECT_NS}}}Code")}
    after = {c.get("name"): c.get("guid") for c in _qde(tmp_path / "b.qdpx").iter(
        f"{{{PROJECT_NS}}}Code")}
    assert after["Ondersteuning"] == before["Steun"]


def test_sources_are_utf8_files_named_by_guid_with_code_point_positions(tmp_path: Path):
    project = build_rich_project(tmp_path / "s.qualcode", tmp_path / "p.csv")
    write_qdpx(project, tmp_path / "s.qdpx")
    root = _qde(tmp_path / "s.qdpx")
    source = root.find("p:Sources/p:TextSource[@name='HA1']", NS)
    guid = source.get("guid")
    assert guid == project.document("HA1").guid
    assert source.get("plainTextPath") == f"internal://{guid}.txt"
    with zipfile.ZipFile(tmp_path / "s.qdpx") as archive:
        text = archive.read(f"sources/{guid}.txt").decode("utf-8")
    assert text == HA1
    # the emoji counts as one position: the span lands on the same text
    quote = "café-gesprekken helpen"
    selection = next(s for s in source.findall("p:PlainTextSelection", NS)
                     if s.get("name") == quote)
    assert text[int(selection.get("startPosition")):int(selection.get("endPosition"))] == quote


def test_folder_codes_are_not_codable_and_a_failed_export_leaves_no_file(tmp_path: Path):
    project = build_rich_project(tmp_path / "s.qualcode", tmp_path / "p.csv")
    write_qdpx(project, tmp_path / "s.qdpx")
    codes = {c.get("name"): c.get("isCodable") for c in _qde(tmp_path / "s.qdpx").iter(
        f"{{{PROJECT_NS}}}Code")}
    assert codes["Belasting"] == "false" and codes["Verwachtingen"] == "true"
    missing = tmp_path / "no-such-folder" / "x.qdpx"
    with pytest.raises(QualcodeError, match="cannot write in its folder"):
        write_qdpx(project, missing)
    assert not missing.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
