"""A Dutch study's workbook and report are Dutch from the first cell to the last.

A supervisor reading a Dutch thesis workbook met English sentences in it: whose
work it is, the Overview's facts, the saturation verdicts, the whole Agreement
sheet, the memo labels, "turn 12" beside every quote. Each export below is read
back whole (every cell, every paragraph) and searched for English words; the
English study is searched for Dutch ones. Plurals follow the count.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from python_calamine import CalamineWorkbook

from qualcode.analysis.builder import StudyBuilder
from qualcode.analysis.saturation import francis, guest2020, saturation_table
from qualcode.analysis.saturation_words import not_counted_reason, verdict_in
from qualcode.export import export
from qualcode.export.gather import gather
from qualcode.export.wording import wording
from qualcode.export.xlsx_agreement import summary
from qualcode.project import Project
from qualcode.project.memos import MemoEntry

#: Words of the English wording that no Dutch sentence of the exports uses.
ENGLISH = re.compile(
    r"\b(the|and|with|by|were|was|has|have|are|only|turn|part|page|coding|codings|coder|"
    r"coders|none|where|matched|agree|pooled|excluded|counted|coded|saturation|needed|"
    r"needs|more|yet|not|from|applied|quotes?|participants?|documents|mentioned|cells?|"
    r"texts?|continued|together|left|memos on)\b", re.IGNORECASE)
#: Words of the Dutch wording that no English sentence uses.
DUTCH = re.compile(
    r"\b(van de|het|een|en|met|door|beurt|deel|codeurs?|citaten|citaat|deelnemers?|"
    r"werk|genoemd|meegeteld|gecodeerd|saturatie|overeenstemming|alleen|geen|uit|bij|"
    r"zijn|verschillen|zin|teken|tekens|codering|coderingen)\b", re.IGNORECASE)

# Invented interviews: nurses about night shifts.
DUTCH_INTERVIEWS = {
    "V01": "I: Hoe verloopt een nachtdienst?\n"
           "V01: Lang. Na drie uur komt de vermoeidheid in golven. Ik drink te veel koffie.\n"
           "I: En thuis?\n"
           "V01: Mijn dochter ziet me amper in de week. Dat valt me zwaar.\n",
    "V02": "I: Hoe hou je de nachten vol?\n"
           "V02: Ik slaap in twee blokken. Het team helpt veel; we vangen elkaar op.\n"
           "I: Wat zou je veranderen?\n"
           "V02: Meer personeel. Twee verpleegkundigen voor dertig patiënten is te weinig.\n",
    "V03": "I: Vertel over je laatste nacht.\n"
           "V03: Rustig tot vier uur, dan drie opnames tegelijk.\n",
}
ENGLISH_INTERVIEWS = {
    "N01": "I: What is a night shift like?\n"
           "N01: Long. After three the tiredness comes in waves. I drink too much coffee.\n"
           "I: And at home?\n"
           "N01: My daughter barely sees me in the week. That is hard.\n",
    "N02": "I: How do you get through the nights?\n"
           "N02: I sleep in two blocks. The team helps a lot; we cover for each other.\n"
           "I: What would you change?\n"
           "N02: More staff. Two nurses for thirty patients is too few.\n",
    "N03": "I: Tell me about your last night.\n"
           "N03: Quiet until four, then three admissions at once.\n",
}


@dataclass(frozen=True)
class Words:
    """The invented study's own names, per language."""

    strain: str
    tiredness: str
    family: str
    coping: str
    team: str
    tired_words: str
    coffee_words: str
    family_words: str
    team_words: str
    project_memo: str
    code_memo: str
    coding_memo: str


NL_WORDS = Words("Belasting", "Vermoeidheid", "Gezin", "Omgaan", "Team",
                 "komt de vermoeidheid in golven", "Ik drink te veel koffie.",
                 "Mijn dochter ziet me amper in de week",
                 "Het team helpt veel", "Drie interviews; nog geen verzadiging verwacht.",
                 "Wat zwaar weegt.", "schuldgevoel?")
EN_WORDS = Words("Strain", "Tiredness", "Family life", "Coping", "Team support",
                 "the tiredness comes in waves", "I drink too much coffee.",
                 "My daughter barely sees me in the week",
                 "The team helps a lot", "Three interviews; saturation not expected yet.",
                 "What weighs on them.", "guilt?")


def _study(folder: Path, language: str) -> Project:
    """Three interviews, two coders (one passage coded identically by both), memos on
    everything, a pseudonymised study, one interview still in progress."""
    interviews = DUTCH_INTERVIEWS if language == "nl" else ENGLISH_INTERVIEWS
    w = NL_WORDS if language == "nl" else EN_WORDS
    project = Project.create(folder / "nights.qualcode", language=language, coder="Lotte")
    project.add_code(None, w.strain, color="#d95f02")
    project.add_code(w.strain, w.tiredness)
    project.add_code(w.strain, w.family)
    project.add_code(None, w.coping, color="#1b9e77")
    project.add_code(w.coping, w.team)
    for name, text in interviews.items():
        source = folder / f"{name}.txt"
        source.write_text(text, encoding="utf-8")
        project.import_document(source, case=name)
    first, second, third = interviews

    def code(document: str, path: str, words: str, coder: str, memo: str = "") -> int:
        text = project.document_text(document).text
        start = text.index(words)
        return project.add_coding(document, path, start, start + len(words), coder=coder,
                                  memo=memo).id

    code(first, w.tiredness, w.tired_words, "Lotte")
    code(first, w.tiredness, w.tired_words, "Bram")
    code(first, w.tiredness, w.coffee_words, "Lotte")  # Bram did not: one disagreement
    code(first, w.family, w.family_words, "Lotte", memo=w.coding_memo)
    second_coders_coding = code(first, w.family, w.family_words, "Bram")
    code(second, w.team, w.team_words, "Bram")
    project.set_memo("project", None, w.project_memo)
    project.set_memo("code", w.strain, w.code_memo)
    project.set_memo("document", third, w.project_memo)
    project.set_memo("coding", second_coders_coding, w.coding_memo)
    project.set_status([first, second], "coded")
    project.set_status([third], "in-progress")
    project.set_setting("pseudonymised_at", "2026-11-29 16:40 UTC")
    return project


def _everything(folder: Path, project: Project) -> list[str]:
    """Every text a reader meets: each cell of the workbook, each paragraph of the Word
    report, each line of the Markdown report."""
    texts: list[str] = []
    export("xlsx", project, folder / "out.xlsx")
    book = CalamineWorkbook.from_path(str(folder / "out.xlsx"))
    for name in book.sheet_names:
        texts.append(name)
        for row in book.get_sheet_by_name(name).to_python():
            texts += [cell for cell in row if isinstance(cell, str) and cell]
    export("docx", project, folder / "out.docx")
    texts += [p.text for p in docx.Document(str(folder / "out.docx")).paragraphs if p.text]
    export("md", project, folder / "out.md")
    texts += [line for line in (folder / "out.md").read_text(encoding="utf-8").splitlines()
              if line]
    return texts


def _own_words(language: str) -> set[str]:
    """The study's own texts (transcripts, names, memos): not the exporter's words."""
    interviews = DUTCH_INTERVIEWS if language == "nl" else ENGLISH_INTERVIEWS
    w = NL_WORDS if language == "nl" else EN_WORDS
    return {*(line.split(": ", 1)[-1] for text in interviews.values()
              for line in text.splitlines()), *vars(w).values(), "nights.qualcode"}


def _strip(text: str, own: set[str]) -> str:
    for words in sorted(own, key=len, reverse=True):
        text = text.replace(words, " ")
    return text


@pytest.fixture
def dutch(tmp_path: Path) -> list[str]:
    folder = tmp_path / "nl"
    folder.mkdir()
    with _study(folder, "nl") as project:
        return _everything(folder, project)


@pytest.fixture
def english(tmp_path: Path) -> list[str]:
    folder = tmp_path / "english-study"
    folder.mkdir()
    with _study(folder, "en") as project:
        return _everything(folder, project)


def test_no_english_word_is_left_in_a_dutch_workbook_or_report(dutch):
    own = _own_words("nl")
    english = [text for text in dutch if ENGLISH.search(_strip(text, own))]
    assert english == []


def test_no_dutch_word_is_left_in_an_english_workbook_or_report(english):
    own = _own_words("en")
    dutch = [text for text in english if DUTCH.search(_strip(text, own))]
    assert dutch == []


def test_the_dutch_sentences_say_whose_work_where_and_what_was_counted(dutch):
    assert ("Het werk van Bram en Lotte samen: een passage die meerdere codeurs precies zo "
            "codeerden, staat er één keer in, met al hun namen.") in dutch
    assert any(t.startswith("op 2026-11-29 16:40 UTC: namen, plaatsen") for t in dutch)
    assert "beurt 2" in dutch and "beurt 4" in dutch
    assert any("(V01, beurt 2)" in t for t in dutch)
    assert any(t.startswith("2 van de 3 interviews zijn gemarkeerd als gecodeerd") for t in dutch)
    assert "Niet meegeteld: V03 (bezig, niet gemarkeerd als gecodeerd)" in dutch
    assert "Bram en Lotte: 1 document door allebei gecodeerd (V01)" in dutch
    assert "Alleen Bram" in dutch and "Alle codes (samen)" in dutch
    assert "Memo's" in dutch and "codering" in dutch and "Code Belasting" in dutch


def test_the_printed_pages_are_numbered_in_dutch(tmp_path):
    with _study(tmp_path, "nl") as project:
        export("xlsx", project, tmp_path / "out.xlsx")
    with zipfile.ZipFile(tmp_path / "out.xlsx") as archive:
        sheets = [archive.read(name).decode() for name in archive.namelist()
                  if name.startswith("xl/worksheets/sheet")]
    assert sheets and all("Pagina &amp;P van &amp;N" in sheet for sheet in sheets)


def test_counts_take_the_singular_for_one_and_the_plural_for_more(dutch, english):
    assert any(t.startswith("3 citaten, genoemd door 1 van de 3 deelnemers") for t in dutch)
    assert any(t.startswith("1 citaat, genoemd door 1 van de 3 deelnemers") for t in dutch)
    assert any(t.startswith("4 citaten uit 3 interviews met 3 deelnemers") for t in dutch)
    assert "5 codes in codeboekvolgorde; aantallen gelden voor de code zelf (niet voor de " \
           "subcodes)." in dutch
    assert any(t.startswith("Verschillen (eenheid segment, overlap 90%): 1 passage,")
               for t in dutch)
    assert "0 texts longer than an Excel cell (32,767 characters) continue on rows marked " \
           "\"part n of m\"" in english
    assert any(t.startswith("1 quote, mentioned by 1 of 3 participants") for t in english)
    assert any(t.startswith("4 quotes from 3 interviews with 3 participants") for t in english)
    assert any(t.startswith("Disagreements (unit segment, overlap 90%): 1 passage,")
               for t in english)


def test_cleaned_cells_and_split_texts_are_counted_with_the_verb_agreeing():
    nl, en = wording("nl"), wording("en")
    assert nl.cells_cleaned(1).startswith("uit 1 cel zijn stuurtekens")
    assert nl.cells_cleaned(4).startswith("uit 4 cellen zijn stuurtekens")
    assert nl.long_texts_split(1).startswith("1 tekst langer dan een Excel-cel (32.767 tekens) "
                                             "loopt door")
    assert en.cells_cleaned(1).startswith("1 cell had characters")
    assert en.long_texts_split(1).startswith("1 text longer than an Excel cell (32,767 "
                                             "characters) continues")
    assert nl.report_cleaned(1) == "Uit 1 tekst zijn stuurtekens of richtingstekens verwijderd."
    assert en.report_cleaned(2) == "2 texts had control or bidirectional characters removed."


def test_the_english_agreement_lines_are_the_analysis_layers_own(tmp_path):
    with _study(tmp_path, "en") as project:
        data = gather(project)
    pair = data.agreements[0]
    for report in (pair.segment, pair.sentence, pair.character):
        assert report is not None
        assert summary(report, wording("en")) == report.summary()
    assert summary(pair.segment, wording("nl")).startswith("segment (overlap 90%): ")
    assert summary(pair.segment, wording("nl")) == (  # a decimal comma
        "segment (overlap 90%): 2 van 3 segmenten komen overeen (66,7%), kappa 0,33 (kans 1/2)")


def test_a_memo_at_a_place_names_the_turn_and_a_second_coders_memo_its_passage(tmp_path):
    with _study(tmp_path, "nl") as project:
        data = gather(project)
        text = project.document_text("V02").text
    data.memos.append(MemoEntry("document", "V02", "Opvallend.", "Lotte", "",
                                text.index("Meer personeel"), text.index(" Twee")))
    rows = data.memo_rows(wording("nl"))
    assert ("document", "V02 (beurt 4)", "Opvallend.") in [row[:3] for row in rows]
    codings = [row[1] for row in rows if row[0] == "coding"]
    assert len(codings) == 2 and all(target.startswith("V01 · Belasting > Gezin · “Mijn")
                                     for target in codings)


def _saturation_study(statuses: str, codes: list[str], by_participant: bool = False):
    builder = StudyBuilder()
    for code in "ABCDEFGH":
        builder.code(code)
    for number, (status, labels) in enumerate(zip(statuses, codes, strict=True), start=1):
        name = f"P{number:02d}"
        builder.document(name, case="P01" if by_participant and number == 2 else name,
                         status={"c": "coded", "x": "excluded", "p": "in-progress"}[status])
        for label in labels:
            builder.coding(name, label, coder="Lotte")
    return saturation_table(builder.snapshot(),
                            by="participant" if by_participant else "document")


@pytest.mark.parametrize(("statuses", "codes", "rule", "dutch"), [
    ("cccccc", ["AB", "C", "D", "B", "", ""], guest2020,
     "Volgens Guest et al. 2020 (basis 4, reeks 2, drempel 5%, noemer: basis) is er "
     "saturatie bij 4+2: interviews 5–6 voegden 0 nieuwe codes toe (0% van 4); meegeteld: "
     "6 van de 6 interviews gemarkeerd als gecodeerd (codes van Lotte)."),
    ("ccccccc", ["AB", "C", "D", "B", "E", "", "F"], guest2020,
     "Nog geen saturatie volgens Guest et al. 2020 (basis 4, reeks 2, drempel 5%, noemer: "
     "basis): de laatste reeks, interviews 6–7, voegde 1 nieuwe code toe (25% van 4); er "
     "zijn nog minstens 2 interviews nodig; meegeteld: 7 van de 7 interviews gemarkeerd als "
     "gecodeerd (codes van Lotte)."),
    ("ccx", ["A", "B", "C"], guest2020,
     "2 van de 2 interviews zijn gemarkeerd als gecodeerd (plus 1 uitgesloten; codes van "
     "Lotte); Guest et al. 2020 (basis 4, reeks 2, drempel 5%, noemer: basis) heeft er "
     "minstens 6 nodig — nog niet te beoordelen."),
    ("c", ["A"], francis,
     "1 van 1 interview is gemarkeerd als gecodeerd (codes van Lotte); Francis 10+3 heeft er "
     "minstens 13 nodig — nog niet te beoordelen."),
])
def test_each_saturation_verdict_reads_in_dutch(statuses, codes, rule, dutch):
    result = rule(_saturation_study(statuses, codes))
    assert verdict_in(result, "nl") == dutch
    assert verdict_in(result, "en") == result.verdict  # the CLI's English, unchanged


def test_francis_in_dutch_when_reached_and_when_not_yet():
    reached = francis(_saturation_study("c" * 5, ["AB", "C", "", "", ""]), initial=2, stop=3)
    assert verdict_in(reached, "nl") == (
        "Volgens Francis 2+3 werd saturatie bereikt bij interview 5: interviews 3–5 voegden "
        "geen nieuwe codes toe; meegeteld: 5 van de 5 interviews gemarkeerd als gecodeerd "
        "(codes van Lotte).")
    waiting = francis(_saturation_study("c" * 5, ["AB", "C", "", "D", ""]), initial=2, stop=3)
    assert verdict_in(waiting, "nl") == (
        "Nog geen saturatie volgens Francis 2+3: er zijn nog minstens 2 interviews nodig (de "
        "regel vraagt er 7, waarvan de laatste 3 geen nieuwe codes toevoegen); meegeteld: 5 "
        "van de 5 interviews gemarkeerd als gecodeerd (codes van Lotte).")


def test_a_not_counted_interview_gives_its_reason_in_dutch():
    table = _saturation_study("cpx", ["A", "B", "C"])
    assert [not_counted_reason(n, "nl") for n in table.not_counted] == [
        "bezig, niet gemarkeerd als gecodeerd", "uitgesloten"]
    assert [not_counted_reason(n, "en") for n in table.not_counted] == [
        "in progress, not marked coded", "excluded"]


def test_word_checks_a_dutch_reports_spelling_in_dutch(tmp_path):
    with _study(tmp_path, "nl") as project:
        export("docx", project, tmp_path / "out.docx")
    document = docx.Document(str(tmp_path / "out.docx"))
    languages = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert languages == ["nl-NL"] and document.core_properties.language == "nl-NL"
