"""Import handles the ways real .qdpx files differ, each shown on a hand-made file."""

from __future__ import annotations

from pathlib import Path

from test_refi_support import qdpx, simple_sentences

from qualcode.project import Project
from qualcode.refi import import_refi

CODE = "11111111-1111-1111-1111-111111111111"
USER = "22222222-2222-2222-2222-222222222222"
SOURCE = "33333333-3333-3333-3333-333333333333"
TEXT = "I: Hoe gaat het?\r\nHA3: Goed 😀 maar druk.\r\nI: Waarom?\r\nHA3: Te veel patiënten.\r\n"


def _qde(selections: str, *, origin: str = "", path: str = f"internal://{SOURCE}.txt",
         codebook_ns: str = "", base: str = "", extra: str = "") -> str:
    ns = f' xmlns="{codebook_ns}"' if codebook_ns else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="{origin}"{base}>'
        f'<Users><User guid="{USER}" name="Noor"/></Users>'
        f'<CodeBook{ns}><Codes><Code guid="{CODE}" name="Druk" isCodable="true"/></Codes>'
        "</CodeBook>"
        f'<Sources><TextSource guid="{SOURCE}" name="HA3" plainTextPath="{path}">'
        f"{selections}</TextSource>{extra}</Sources></Project>"
    )


def _selection(start: int, end: int, name: str, guid: str = "44444444-4444-4444-4444-4444444444a1"
               ) -> str:
    return (
        f'<PlainTextSelection guid="{guid}" name="{name}" startPosition="{start}" '
        f'endPosition="{end}" creatingUser="{USER}"><Coding guid="{guid[:-2]}b1">'
        f'<CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>'
    )


def _import(tmp_path: Path, file: Path) -> tuple[Project, object]:
    report = import_refi(tmp_path / "p.qualcode", file, sentence_splitter=simple_sentences)
    return Project.open(tmp_path / "p.qualcode"), report


def test_code_point_positions_with_crlf_source_land_on_the_text(tmp_path: Path):
    start = TEXT.index("maar druk")  # code points, CRLF counted as 2
    file = qdpx(tmp_path / "a.qdpx", _qde(_selection(start, start + 9, "maar druk")),
                {f"sources/{SOURCE}.txt": TEXT})
    project, _ = _import(tmp_path, file)
    [coding] = project.codings()
    assert coding.text == "maar druk" and coding.coder == "Noor"
    assert "\r" not in project.document_text("HA3").text


def test_nvivo_utf16_positions_are_detected_and_mapped(tmp_path: Path):
    raw = "\ufeff" + TEXT
    start = len(TEXT[: TEXT.index("maar druk")].encode("utf-16-le")) // 2  # emoji counts 2
    file = qdpx(tmp_path / "a.qdpx",
                _qde(_selection(start, start + 9, "maar druk"), origin="NVivo 14"),
                {f"sources/{SOURCE}.txt": raw.encode("utf-8")})
    project, report = _import(tmp_path, file)
    assert [c.text for c in project.codings()] == ["maar druk"]
    assert "positions read as UTF-16 code units" in report.notes


def test_utf16_positions_are_detected_from_the_quotes_without_an_origin(tmp_path: Path):
    start = len(TEXT[: TEXT.index("Te veel")].encode("utf-16-le")) // 2
    file = qdpx(tmp_path / "a.qdpx", _qde(_selection(start, start + 7, "Te veel")),
                {f"Sources/{SOURCE}.txt": TEXT})
    project, _ = _import(tmp_path, file)
    assert [c.text for c in project.codings()] == ["Te veel"]


def test_lf_source_in_a_capitalised_sources_folder_and_other_qde_name(tmp_path: Path):
    text = TEXT.replace("\r\n", "\n")
    start = text.index("Waarom")
    file = qdpx(tmp_path / "a.qdpx", _qde(_selection(start, start + 6, "Waarom")),
                {f"Sources/{SOURCE}.txt": text}, entry="Mijn studie.qde")
    project, _ = _import(tmp_path, file)
    assert [c.text for c in project.codings()] == ["Waarom"]


def test_project_qde_with_capital_and_plain_text_path_without_prefix(tmp_path: Path):
    text = TEXT.replace("\r\n", "\n")
    start = text.index("Goed")
    file = qdpx(tmp_path / "a.qdpx",
                _qde(_selection(start, start + 4, "Goed"), path=f"{SOURCE}.txt"),
                {f"sources/{SOURCE}.txt": text}, entry="Project.qde")
    project, _ = _import(tmp_path, file)
    assert [c.text for c in project.codings()] == ["Goed"]


def test_relative_path_under_base_path(tmp_path: Path):
    text = TEXT.replace("\r\n", "\n")
    (tmp_path / "teksten").mkdir()
    (tmp_path / "teksten" / "ha3.txt").write_text(text, encoding="utf-8")
    start = text.index("druk")
    file = qdpx(tmp_path / "a.qdpx",
                _qde(_selection(start, start + 4, "druk"), path="relative://ha3.txt",
                     base=f' basePath="{tmp_path / "teksten"}"'))
    project, _ = _import(tmp_path, file)
    assert [c.text for c in project.codings()] == ["druk"]


def test_codebook_in_the_codebook_namespace_and_member_code_guid(tmp_path: Path):
    text = TEXT.replace("\r\n", "\n")
    sets = (f'<Sets><Set guid="55555555-5555-5555-5555-555555555555" name="S">'
            f'<MemberCode guid="{CODE}"/></Set></Sets>')
    qde = _qde("", codebook_ns="urn:QDA-XML:codebook:1.0")
    qde = qde.replace("</Project>", sets + "</Project>")
    file = qdpx(tmp_path / "a.qdpx", qde, {f"sources/{SOURCE}.txt": text})
    project, report = _import(tmp_path, file)
    assert [c.guid for c in project.codes()] == [CODE]
    assert any("read as targetGUID" in note for note in report.notes)
    assert report.skipped_counts()["sets"] == 1


def test_sources_that_are_not_plain_text_are_listed_and_skipped(tmp_path: Path):
    text = TEXT.replace("\r\n", "\n")
    extra = ('<PDFSource guid="66666666-6666-6666-6666-666666666666" name="Richtlijn.pdf" '
             'path="internal://r.pdf"/>'
             '<AudioSource guid="77777777-7777-7777-7777-777777777777" name="HA3.m4a"/>')
    file = qdpx(tmp_path / "a.qdpx", _qde("", extra=extra), {f"sources/{SOURCE}.txt": text})
    project, report = _import(tmp_path, file)
    assert [d.name for d in project.documents()] == ["HA3"]
    reasons = {item.name: item.reason for item in report.skipped}
    assert reasons["'Richtlijn.pdf'"] == "PDF source, not plain text"
    assert reasons["'HA3.m4a'"] == "audio source, not plain text"
    assert report.to_json()["skipped"]["sources"] == 2


def test_selection_whose_text_is_elsewhere_is_reported_not_shifted(tmp_path: Path):
    text = TEXT.replace("\r\n", "\n")
    good = text.index("Goed")
    wrong = text.index("Waarom")  # the name quotes "Te veel", which is elsewhere
    selections = _selection(good, good + 4, "Goed") + _selection(
        wrong, wrong + 7, "Te veel", guid="44444444-4444-4444-4444-4444444444a2")
    file = qdpx(tmp_path / "a.qdpx", _qde(selections), {f"sources/{SOURCE}.txt": text})
    project, report = _import(tmp_path, file)
    assert [c.text for c in project.codings()] == ["Goed"]
    [item] = [s for s in report.skipped if s.kind == "selections"]
    assert item.name == f"'Te veel' at {wrong}-{wrong + 7} in 'HA3'"
    assert "not at this position" in item.reason
