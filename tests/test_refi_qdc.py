"""REFI-QDA .qdc codebooks: read by init/codebook, merged by GUID then by path."""

from __future__ import annotations

from pathlib import Path

from qualcode.project import Project

A = "aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"
B = "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb"
C = "cccccccc-cccc-cccc-cccc-cccccccccccc"
QDC = f"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti">
  <Codes>
    <Code guid="{A}" name="Belasting" isCodable="false" color="#D95F02">
      <Description>Wat zwaar is.</Description>
      <Code guid="{B}" name="Tijd" isCodable="true"/>
    </Code>
    <Code guid="{C}" name="Steun" isCodable="true"/>
  </Codes>
  <Sets><Set guid="dddddddd-dddd-dddd-dddd-dddddddddddd" name="S">
    <MemberCode targetGUID="{B}"/></Set></Sets>
</CodeBook>
"""


def test_init_with_a_qdc_codebook_keeps_guids_and_colours(tmp_path: Path, cli):
    (tmp_path / "cb.qdc").write_text(QDC, encoding="utf-8")
    result = cli("init", tmp_path / "p.qualcode", "--codebook", tmp_path / "cb.qdc")
    assert result.code == 0, result.err
    with Project.open(tmp_path / "p.qualcode") as project:
        codes = {c.path_text: (c.guid, c.color, c.description) for c in project.codes()}
    assert codes == {
        "Belasting": (A, "#d95f02", "Wat zwaar is."),
        "Belasting > Tijd": (B, None, ""),
        "Steun": (C, None, ""),
    }


def test_qdc_merges_by_guid_then_by_path(tmp_path: Path, cli):
    location = tmp_path / "p.qualcode"
    with Project.create(location, coder="Lotte") as project:
        project.add_code(None, "Steun", description="Eigen definitie.")
        project.add_code(None, "Druk")
    (tmp_path / "cb.qdc").write_text(QDC, encoding="utf-8")
    assert cli("codebook", location, tmp_path / "cb.qdc").code == 0
    (tmp_path / "renamed.qdc").write_text(QDC.replace('name="Tijd"', 'name="Tijdsdruk"')
                                          .replace("Wat zwaar is.", "Wat zwaar valt."),
                                          encoding="utf-8")
    result = cli("import-refi", location, tmp_path / "renamed.qdc")
    assert result.code == 0, result.err
    with Project.open(location) as project:
        codes = {c.path_text: c for c in project.codes()}
    assert codes["Steun"].description == "Eigen definitie."  # matched by path
    assert codes["Steun"].guid != C  # the existing code kept its own GUID
    assert codes["Belasting"].description == "Wat zwaar valt."  # matched by GUID
    assert "Belasting > Tijd" in codes and len(codes) == 4
    assert "skipped sets 1 code set(s)" not in result.out


def test_a_malformed_qdc_is_refused_with_one_line(tmp_path: Path, cli):
    (tmp_path / "bad.qdc").write_text("<CodeBook><Codes>", encoding="utf-8")
    result = cli("init", tmp_path / "p.qualcode", "--codebook", tmp_path / "bad.qdc")
    assert result.code == 1 and result.err.count("\n") == 1
    assert "bad.qdc" in result.err and "not well-formed XML" in result.err
    assert not (tmp_path / "p.qualcode").exists()
