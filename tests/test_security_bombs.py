"""Small files that inflate are refused (or clamped) with bounded memory and time.

Issue 10, attack 3: a 1.5 KB ``.odt`` asking for three billion spaces, a
``.docx`` zip bomb, a ``.qdpx`` whose members together unpack to gigabytes,
a huge ``.txt``. Every bomb is built here; every command runs in a child
process with a cap on its address space (1.5 GB) and CPU time, so a bomb
that got through would kill the child instead of passing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from security_support import (
    INTERVIEW,
    assert_refused,
    fingerprint,
    qde,
    run_qualcode,
    text_source,
)

ODT_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)
WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    location = tmp_path / "p.qualcode"
    assert run_qualcode("init", location).code == 0
    return location


def _odt(path: Path, body: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", ODT_MANIFEST)
        archive.writestr("content.xml", content)
    return path


def _streamed(archive: zipfile.ZipFile, name: str, head: bytes, filler: bytes, repeat: int,
              tail: bytes) -> None:
    """A member written in pieces, so building a bomb never holds it in memory."""
    with archive.open(name, "w", force_zip64=True) as member:
        member.write(head)
        for _ in range(repeat):
            member.write(filler)
        member.write(tail)


def _docx(path: Path, filler: bytes, repeat: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats'
            '-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        _streamed(archive, "word/document.xml",
                  f'<w:document {WORD}><w:body><w:p><w:r><w:t>'.encode(), filler, repeat,
                  b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def test_an_odt_asking_for_three_billion_spaces_is_clamped(project: Path, tmp_path: Path):
    bomb = _odt(tmp_path / "HA7.odt",
                '<text:p>HA7: Druk<text:s text:c="3000000000"/>week.</text:p>')
    assert bomb.stat().st_size < 2000
    result = run_qualcode("import", project, bomb)
    assert result.code == 0, result.err
    assert "Traceback" not in result.err


def test_an_odt_with_many_huge_repeat_counts_is_refused_at_the_text_limit(
    project: Path, tmp_path: Path
):
    spaces = '<text:s text:c="3000000000"/>' * 60_000
    bomb = _odt(tmp_path / "HA7.odt", f"<text:p>HA7: Druk{spaces}</text:p>")
    before = fingerprint(project)
    result = run_qualcode("import", project, bomb)
    assert_refused(result.code, result.err, "HA7.odt", "too much text", "--max-size")
    assert fingerprint(project) == before


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(project: Path, tmp_path: Path):
    bomb = _docx(tmp_path / "HA7.docx", b"a" * 1024 * 1024, 260)  # 260 MB of text
    assert bomb.stat().st_size < 2 * 1024 * 1024
    before = fingerprint(project)
    result = run_qualcode("import", project, bomb)
    assert_refused(result.code, result.err, "HA7.docx", "unpacks to", "--max-size")
    assert fingerprint(project) == before


def test_a_docx_with_millions_of_empty_elements_is_refused(project: Path, tmp_path: Path):
    bomb = _docx(tmp_path / "HA7.docx", b"</w:t></w:r><w:r><w:t>" * 1000, 1500)
    result = run_qualcode("import", project, bomb)
    assert_refused(result.code, result.err, "HA7.docx", "XML elements")


def test_a_transcript_over_the_size_limit_is_refused_unless_the_limit_is_raised(
    project: Path, tmp_path: Path
):
    big = tmp_path / "HA7.txt"
    big.write_text(INTERVIEW * (1024 * 1024 // len(INTERVIEW) + 1), encoding="utf-8")
    before = fingerprint(project)
    result = run_qualcode("import", project, big, "--max-size", "1")
    assert_refused(result.code, result.err, "HA7.txt", "too large", "--max-size")
    assert fingerprint(project) == before
    assert run_qualcode("import", project, big, "--max-size", "2").code == 0


def _qdpx_bomb(path: Path, members: int, size_mb: int) -> Path:
    sources = "".join(
        text_source(f"internal://s{i}.txt", guid=f"{i:08d}-3333-3333-3333-333333333333",
                    name=f"HA{i}")
        for i in range(members)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("project.qde", qde(sources))
        for i in range(members):
            _streamed(archive, f"sources/s{i}.txt", b"HA: ", b" " * 1024 * 1024, size_mb,
                      b"ja\n")
    return path


def test_a_qdpx_whose_sources_together_unpack_past_the_limit_is_refused(tmp_path: Path):
    bomb = _qdpx_bomb(tmp_path / "gedeeld.qdpx", members=5, size_mb=45)  # 225 MB in all
    result = run_qualcode("import-refi", tmp_path / "p.qualcode", bomb)
    assert_refused(result.code, result.err, "gedeeld.qdpx", "unpacks to more than")
    assert not (tmp_path / "p.qualcode").exists()


def test_a_qdpx_with_a_huge_project_document_is_refused(tmp_path: Path):
    # with --max-size 1 the .qde may hold 80,000 elements (4 million by default)
    bomb = tmp_path / "gedeeld.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        _streamed(archive, "project.qde",
                  b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>',
                  b"<TextSource/>" * 1000, 100, b"</Sources></Project>")
    result = run_qualcode("import-refi", tmp_path / "p.qualcode", bomb, "--max-size", "1")
    assert_refused(result.code, result.err, "gedeeld.qdpx", "XML elements")
    assert not (tmp_path / "p.qualcode").exists()


def test_a_participants_workbook_that_unpacks_to_gigabytes_is_refused(
    project: Path, tmp_path: Path
):
    bomb = tmp_path / "deelnemers.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        _streamed(archive, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData>",
                  b" " * 1024 * 1024, 260, b"</sheetData></worksheet>")
    before = fingerprint(project)
    result = run_qualcode("participants", project, bomb)
    assert_refused(result.code, result.err, "deelnemers.xlsx", "unpacks to")
    assert fingerprint(project) == before
