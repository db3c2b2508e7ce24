"""Word transcripts: reading order, tracked changes, comments, refusals."""

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript


def _run(text: str, tag: str = "w:t"):
    run = OxmlElement("w:r")
    node = OxmlElement(tag)
    node.text = text
    node.set(qn("xml:space"), "preserve")
    run.append(node)
    return run


def _tracked(kind: str, text: str, change_id: int):
    change = OxmlElement(kind)
    change.set(qn("w:id"), str(change_id))
    change.set(qn("w:author"), "Eva Claes")
    change.append(_run(text, "w:delText" if kind == "w:del" else "w:t"))
    return change


def test_paragraphs_and_tables_come_out_in_reading_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Interview 5 – huisarts groepspraktijk")
    document.add_paragraph("I: Hoe lang bent u huisarts?")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "HA5"
    table.cell(0, 1).text = "Twaalf jaar."
    table.cell(1, 0).text = "I"
    table.cell(1, 1).paragraphs[0].text = "En daarvoor?"
    table.cell(1, 1).add_paragraph("Ziekenhuis?")
    document.add_paragraph("HA5: In het ziekenhuis.")
    path = tmp_path / "interview5.docx"
    document.save(path)

    result = read_transcript(path)

    assert result.text == (
        "Interview 5 – huisarts groepspraktijk\n"
        "I: Hoe lang bent u huisarts?\n"
        "HA5\tTwaalf jaar.\n"
        "I\tEn daarvoor? Ziekenhuis?\n"
        "HA5: In het ziekenhuis."
    )
    assert result.format == "docx"
    assert result.encoding is None
    assert [t.speaker for t in result.turns] == ["I", "HA5", "I", "HA5"]


def test_tracked_changes_are_read_as_accepted(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("HA2: Het was ")
    paragraph._p.append(_tracked("w:del", "niet ", 1))
    paragraph._p.append(_tracked("w:ins", "best ", 2))
    paragraph.add_run("zwaar.")
    path = tmp_path / "wijzigingen.docx"
    document.save(path)

    assert read_transcript(path).text == "HA2: Het was best zwaar."


def test_word_comments_are_kept_on_the_text_they_cover(tmp_path):
    document = docx.Document()
    document.add_paragraph("I: Wat is zwaar?")
    paragraph = document.add_paragraph("HA1: Vooral ")
    covered = paragraph.add_run("de wachtlijsten in de GGZ")
    paragraph.add_run(", zeker.")
    document.add_comment(covered, text="Toegang tot zorg", author="Eva Claes", initials="EC")
    path = tmp_path / "commentaar.docx"
    document.save(path)

    result = read_transcript(path)

    assert len(result.comments) == 1
    comment = result.comments[0]
    assert result.text[comment.start : comment.end] == "de wachtlijsten in de GGZ"
    assert (comment.author, comment.text) == ("Eva Claes", "Toegang tot zorg")


def test_comment_offsets_stay_right_after_accents_are_composed(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("HA1: e\u0301e\u0301n ")
    covered = paragraph.add_run("moment")
    document.add_comment(covered, text="memo", author="Eva")
    path = tmp_path / "accenten.docx"
    document.save(path)

    result = read_transcript(path)

    assert result.text == "HA1: één moment"
    comment = result.comments[0]
    assert result.text[comment.start : comment.end] == "moment"


def test_tabs_and_manual_line_breaks_inside_a_paragraph(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("I:")
    paragraph.add_run().add_tab()
    paragraph.add_run("Eerste regel")
    paragraph.add_run().add_break()
    paragraph.add_run("tweede regel")
    path = tmp_path / "regels.docx"
    document.save(path)

    assert read_transcript(path).text == "I:\tEerste regel\ntweede regel"


def test_truncated_word_document_is_refused_with_its_name(tmp_path):
    document = docx.Document()
    document.add_paragraph("I: Hallo?")
    whole = tmp_path / "heel.docx"
    document.save(whole)
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(whole.read_bytes()[:2000])
    with pytest.raises(IngestError, match=r"kapot\.docx: not a valid Word document"):
        read_transcript(broken)


def test_empty_word_file_is_refused(tmp_path):
    path = tmp_path / "leeg.docx"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match=r"leeg\.docx: empty file"):
        read_transcript(path)


def test_old_doc_renamed_to_docx_gets_a_hint(tmp_path):
    path = tmp_path / "oud.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(IngestError, match=r"oud\.docx: not a valid Word document.*old \.doc"):
        read_transcript(path)


def test_zip_that_is_not_a_word_document_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "geen Word")
    with pytest.raises(IngestError, match=r"archief\.docx: not a valid Word document"):
        read_transcript(path)


def test_word_document_without_text_is_refused(tmp_path):
    path = tmp_path / "blanco.docx"
    docx.Document().save(path)
    with pytest.raises(IngestError, match=r"blanco\.docx: no text"):
        read_transcript(path)
