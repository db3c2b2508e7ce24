"""OpenDocument transcripts (LibreOffice Writer)."""

import pytest
from odf import dc, office
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentText

from qualcode.errors import IngestError
from qualcode.ingest import read_transcript


def _save(document: OpenDocumentText, path) -> None:
    document.save(str(path))


def test_headings_paragraphs_and_spacing_elements_are_read_in_order(tmp_path):
    document = OpenDocumentText()
    document.text.addElement(odf_text.H(outlinelevel=1, text="Interview 7"))
    question = odf_text.P(text="I: Hoe")
    question.addElement(odf_text.S(c=3))
    question.addText("gaat het?")
    document.text.addElement(question)
    answer = odf_text.P(text="HA7:")
    answer.addElement(odf_text.Tab())
    answer.addElement(odf_text.Span(text="Goed,"))
    answer.addElement(odf_text.LineBreak())
    answer.addText("al   is het   druk.")
    document.text.addElement(answer)
    path = tmp_path / "interview7.odt"
    _save(document, path)

    result = read_transcript(path)

    assert result.text == "Interview 7\nI: Hoe   gaat het?\nHA7:\tGoed,\nal is het druk."
    assert result.format == "odt"
    assert [(t.speaker, t.role) for t in result.turns] == [
        ("I", "interviewer"),
        ("HA7", "respondent"),
    ]


def test_lists_and_table_rows_are_read(tmp_path):
    document = OpenDocumentText()
    items = odf_text.List()
    item = odf_text.ListItem()
    item.addElement(odf_text.P(text="Eerste punt"))
    items.addElement(item)
    document.text.addElement(items)
    table = odf_table.Table()
    row = odf_table.TableRow()
    for value in ("I", "Nog iets?"):
        cell = odf_table.TableCell()
        cell.addElement(odf_text.P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "tabel.odt"
    _save(document, path)

    assert read_transcript(path).text == "Eerste punt\nI\tNog iets?"


def test_annotations_become_comments_on_the_covered_text(tmp_path):
    document = OpenDocumentText()
    paragraph = odf_text.P(text="HA1: Het is ")
    note = office.Annotation(name="memo1")
    note.addElement(dc.Creator(text="Eva Claes"))
    note.addElement(odf_text.P(text="Werkdruk"))
    paragraph.addElement(note)
    paragraph.addText("echt te veel")
    paragraph.addElement(office.AnnotationEnd(name="memo1"))
    paragraph.addText(".")
    document.text.addElement(paragraph)
    path = tmp_path / "memo.odt"
    _save(document, path)

    result = read_transcript(path)

    assert result.text == "HA1: Het is echt te veel."
    [comment] = result.comments
    assert result.text[comment.start : comment.end] == "echt te veel"
    assert (comment.author, comment.text) == ("Eva Claes", "Werkdruk")


def test_not_an_opendocument_file_is_refused(tmp_path):
    path = tmp_path / "nep.odt"
    path.write_bytes(b"dit is geen zip")
    with pytest.raises(IngestError, match=r"nep\.odt: not a valid OpenDocument text"):
        read_transcript(path)
