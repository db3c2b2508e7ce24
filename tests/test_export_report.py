"""CSV, the Markdown / Word quote report, and the export command."""

from __future__ import annotations

import csv

import pytest
from test_export_study import code_text, study  # noqa: F401  (fixture)

from qualcode.export import ExportOptions, export
from qualcode.project import Project


def test_csv_has_a_bom_one_row_per_coding_and_formula_safe_values(study, tmp_path):  # noqa: F811
    study.set_coding_memo(study.codings()[0].id, "=1+1")
    out = tmp_path / "codings.csv"
    export("csv", study, out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 8
    assert rows[0]["category"] == "Rol van de huisarts" and rows[0]["participant"] == "HA1"
    assert rows[0]["memo"] == "'=1+1"
    assert rows[0]["practice type"] == "WGC" and rows[0]["age"] == "41"


def test_markdown_report_reads_like_a_results_chapter(study, tmp_path):  # noqa: F811
    out = tmp_path / "report.md"
    export("md", study, out, ExportOptions(participants_called="GPs"))
    text = out.read_text(encoding="utf-8")
    assert "## Belasting" in text and "### Objectieve belasting" in text
    assert "Genoemd door 3 van de 4 GPs (3 segmenten)." in text
    assert ("> “Wij zijn laagdrempelig, mensen komen eerst bij ons.” (HA1, WGC, 41 j., beurt 2)"
            in text)
    assert "“…bewaak je grenzen…” (HA3, groep, 33 j., beurt 2)" in text  # cut sentence marked
    assert text.index("(HA1, WGC, 41 j.") < text.index("(HA3, groep, 33 j.")


def test_the_report_limits_quotes_per_code_and_takes_chosen_attribution(
        study, tmp_path):  # noqa: F811
    out = tmp_path / "report.md"
    export("md", study, out, ExportOptions(quotes_per_code=1,
                                           attribution=("gender", "{years as GP} jaar HA")))
    text = out.read_text(encoding="utf-8")
    assert "(HA1, v, 14 jaar HA, beurt 2)" in text
    assert "(2 citaten niet getoond)" in text
    assert "(HA2, m, 28 jaar HA, beurt 2)" in text  # first quote of Grenzen stellen


def test_markdown_escapes_text_that_would_become_markup(study, tmp_path):  # noqa: F811
    from test_export_study import add_interview

    add_interview(study, "HA5", [("HA5", "# niet *vet* en [geen](link)")])
    code_text(study, "HA5", "Grenzen stellen", "# niet *vet* en [geen](link)")
    out = tmp_path / "report.md"
    export("md", study, out)
    assert "“\\# niet \\*vet\\* en \\[geen\\](link)”" in out.read_text(encoding="utf-8")


def test_word_report_has_headings_and_attributed_quotes(study, tmp_path):  # noqa: F811
    import docx

    out = tmp_path / "report.docx"
    export("docx", study, out, ExportOptions(participants_called="GPs"))
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(out)).paragraphs]
    assert ("Heading 1", "Belasting") in paragraphs
    assert ("Heading 2", "Objectieve belasting") in paragraphs
    quote = "“Ik plan nu dubbele consultaties voor die patiënten.” (HA3, groep, 33 j., beurt 2)"
    assert any(t == quote for _s, t in paragraphs)


def test_the_codebook_exports_as_refi_qda_through_the_same_call(study, tmp_path):  # noqa: F811
    out = tmp_path / "codebook.qdc"
    export("qdc", study, out)
    assert b"Objectieve belasting" in out.read_bytes()


def test_export_refuses_an_unknown_format_and_a_missing_folder(study, tmp_path):  # noqa: F811
    from qualcode.errors import QualcodeError

    with pytest.raises(QualcodeError, match="unknown"):
        export("pdf", study, tmp_path / "x.pdf")
    with pytest.raises(QualcodeError, match="does not exist"):
        export("xlsx", study, tmp_path / "nowhere" / "x.xlsx")


def test_cli_exports_every_built_in_format(study: Project, tmp_path, cli):  # noqa: F811
    location = study.location
    study.close()
    for fmt in ("xlsx", "csv", "md", "docx"):
        out = tmp_path / f"thesis.{fmt}"
        result = cli("export", fmt, location, out, "--participants-called", "GPs")
        assert result.code == 0, result.err
        assert out.stat().st_size > 0
    result = cli("export", "xlsx", location, tmp_path / "missing" / "x.xlsx")
    assert result.code == 1 and result.err.startswith("error: ") and "missing" in result.err
