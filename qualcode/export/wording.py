"""The fixed words of the workbook and the report, per project language.

A Dutch thesis gets Dutch headings ("Overzicht", "genoemd door 10 van de 11
huisartsen"), an English one English headings; every other language falls back
to English. The words live here, one :class:`Wording` per language, so the
writers hold no text of their own and a new language is one more instance.
Texts with ``{placeholders}`` are filled with :meth:`str.format`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Counted:
    """A noun with its singular and plural: ``counted(1)`` → "1 quote"."""

    one: str
    many: str

    def __call__(self, count: int) -> str:
        return f"{count} {self.one if count == 1 else self.many}"


@dataclass(frozen=True)
class Wording:
    # sheet names (fixed sheets)
    overview: str
    codebook: str
    participants: str
    frequencies: str
    saturation: str
    agreement: str
    memos: str
    # counted nouns
    quotes: Counted
    codes: Counted
    segments: Counted
    documents: Counted
    participants_noun: Counted
    more_quotes: Counted
    # column headings
    code: str
    participant: str
    document: str
    speaker: str
    quote: str
    memo: str
    position: str
    coder: str
    path: str
    colour: str
    shortcut: str
    definition: str
    include_when: str
    exclude_when: str
    example: str
    interviews: str
    words: str
    codings: str
    with_sub_codes: str
    new_codes: str
    cumulative_codes: str
    codes_new_here: str
    on: str
    what: str
    written: str
    # Overview
    workbook_title: str
    exported_by: str
    how_to_read: str
    fact_project_file: str
    fact_exported: str
    fact_coders: str
    fact_whose_work: str
    none_yet: str
    guide_codebook: str
    guide_category: str
    guide_participants: str
    guide_frequencies: str
    guide_saturation: str
    guide_agreement: str
    # sheets' subtitles
    codebook_subtitle: str
    participants_subtitle: str
    frequencies_subtitle: str
    saturation_subtitle: str
    memos_subtitle: str
    not_counted: str
    category_itself: str
    no_quotes_yet: str
    category_subtitle: str
    chart_title: str
    chart_x_axis: str
    # report
    report_title: str
    mentioned_by: str
    sub_codes_included: str
    coded_on_itself: str
    not_mentioned: str
    more_not_shown: str
    report_intro: str
    memo_prefix: str
    project: str


EN = Wording(
    overview="Overview", codebook="Codebook", participants="Participants",
    frequencies="Frequencies", saturation="Saturation", agreement="Agreement", memos="Memos",
    quotes=Counted("quote", "quotes"), codes=Counted("code", "codes"),
    segments=Counted("segment", "segments"), documents=Counted("document", "documents"),
    participants_noun=Counted("participant", "participants"),
    more_quotes=Counted("more quote", "more quotes"),
    code="Code", participant="Participant", document="Document", speaker="Speaker",
    quote="Quote", memo="Memo", position="Position", coder="Coder", path="Path",
    colour="Colour", shortcut="Shortcut", definition="Definition",
    include_when="Include when", exclude_when="Exclude when", example="Example",
    interviews="Interviews", words="Words", codings="Codings",
    with_sub_codes="Participants (with sub-codes)", new_codes="New codes",
    cumulative_codes="Cumulative codes", codes_new_here="Codes new in this interview",
    on="On", what="What", written="Written",
    workbook_title="{project}: coded quotes",
    exported_by="Exported by qualcode. Every figure in this workbook comes from the same "
    "project at the moment of export.",
    how_to_read="How to read this workbook",
    fact_project_file="Project file", fact_exported="Exported", fact_coders="Coders",
    fact_whose_work="Whose work", none_yet="none yet",
    guide_codebook="the code tree in codebook order: definition, when to use a code and "
    "when not, its colour and shortcut, and how often it was used.",
    guide_category="quotes for the category \"{category}\": a heading row per code with its "
    "counts, then its quotes in interview order, the quote cell in the code's colour. Use "
    "the filter arrows to select a participant or code.",
    guide_participants="one row per participant (Table 1): attributes, interviews, words "
    "and number of codings.",
    guide_frequencies="segments per code and participant; \"Participants\" reads as in a "
    "results chapter: 10/11 = 10 of the 11 participants mention the code. A segment is a "
    "passage: overlapping or touching codings of one code count once.",
    guide_saturation="per interview marked coded, in the order held: codes used for the "
    "first time and the running total of distinct codes (applied codes, not their parent "
    "categories), with the verdict of each stopping rule and what was not counted.",
    guide_agreement="two coders compared (segment, sentence and character units): figures "
    "per code, then every passage where they differ, with the quote.",
    codebook_subtitle="{codes} in codebook order; counts are for the code itself (not its "
    "sub-codes).",
    participants_subtitle="{participants} in order of their first interview (Table 1 of "
    "the thesis).",
    frequencies_subtitle="Segments per code (rows, codebook order) and participant "
    "(columns). \"Participants\" = participants who mention the code, of {total}.",
    saturation_subtitle="Per interview marked coded, in the order held: codes used for the "
    "first time and the running total of distinct codes. Saturation is near when interviews "
    "stop adding codes.",
    memos_subtitle="The researchers' memos on the project, documents, codes and codings.",
    not_counted="Not counted",
    category_itself="{name} (the category itself)",
    no_quotes_yet="no quotes yet",
    category_subtitle="{quotes}, mentioned by {mentioned} of {total} (sub-codes included). "
    "Quotes are grouped by code in codebook order, then in interview order.",
    chart_title="Code saturation", chart_x_axis="Interview (# in the table, in the order held)",
    report_title="{project}: results by category",
    mentioned_by="mentioned by {count} of {total} {noun}",
    sub_codes_included="sub-codes included",
    coded_on_itself="{quotes} coded on {name} itself",
    not_mentioned="not mentioned yet (no quotes)",
    more_not_shown="({more} not shown)",
    report_intro="{quotes} from {interviews} with {total} {noun}; exported {date}.",
    memo_prefix="memo", project="Project",
)

NL = Wording(
    overview="Overzicht", codebook="Codeboek", participants="Deelnemers",
    frequencies="Frequenties", saturation="Saturatie", agreement="Overeenstemming",
    memos="Memo's",
    quotes=Counted("citaat", "citaten"), codes=Counted("code", "codes"),
    segments=Counted("segment", "segmenten"), documents=Counted("document", "documenten"),
    participants_noun=Counted("deelnemer", "deelnemers"),
    more_quotes=Counted("citaat", "citaten"),
    code="Code", participant="Deelnemer", document="Document", speaker="Spreker",
    quote="Citaat", memo="Memo", position="Plaats", coder="Codeur", path="Pad",
    colour="Kleur", shortcut="Sneltoets", definition="Definitie",
    include_when="Gebruiken als", exclude_when="Niet gebruiken als", example="Voorbeeld",
    interviews="Interviews", words="Woorden", codings="Coderingen",
    with_sub_codes="Deelnemers (met subcodes)", new_codes="Nieuwe codes",
    cumulative_codes="Codes cumulatief", codes_new_here="Nieuwe codes in dit interview",
    on="Bij", what="Wat", written="Geschreven",
    workbook_title="{project}: gecodeerde citaten",
    exported_by="Geëxporteerd met qualcode. Alle cijfers in deze werkmap komen uit hetzelfde "
    "project op het moment van export.",
    how_to_read="Zo lees je deze werkmap",
    fact_project_file="Projectbestand", fact_exported="Geëxporteerd", fact_coders="Codeurs",
    fact_whose_work="Wiens werk", none_yet="nog geen",
    guide_codebook="de codeboom in codeboekvolgorde: definitie, wanneer een code wel en "
    "niet te gebruiken, kleur en sneltoets, en hoe vaak de code is gebruikt.",
    guide_category="citaten van de categorie \"{category}\": per code een kopregel met de "
    "aantallen, daarna de citaten in interviewvolgorde, de citaatcel in de kleur van de "
    "code. Met de filterpijlen kies je een deelnemer of code.",
    guide_participants="één regel per deelnemer (tabel 1): kenmerken, interviews, woorden "
    "en aantal coderingen.",
    guide_frequencies="segmenten per code en deelnemer; \"Deelnemers\" lees je als in een "
    "resultatenhoofdstuk: 10/11 = 10 van de 11 deelnemers noemen de code. Een segment is "
    "een passage: overlappende of aansluitende coderingen van één code tellen één keer.",
    guide_saturation="per gecodeerd interview, in de volgorde waarin ze zijn afgenomen: "
    "codes die voor het eerst voorkomen en het lopend totaal van verschillende codes "
    "(toegepaste codes, niet hun bovenliggende categorieën), met het oordeel van elke "
    "stopregel en wat niet is meegeteld.",
    guide_agreement="twee codeurs vergeleken (per segment, zin en teken): cijfers per "
    "code, daarna elke passage waarin ze verschillen, met het citaat.",
    codebook_subtitle="{codes} in codeboekvolgorde; aantallen gelden voor de code zelf "
    "(niet voor de subcodes).",
    participants_subtitle="{participants} in volgorde van hun eerste interview (tabel 1 "
    "van de scriptie).",
    frequencies_subtitle="Segmenten per code (rijen, codeboekvolgorde) en deelnemer "
    "(kolommen). \"Deelnemers\" = deelnemers die de code noemen, van de {total}.",
    saturation_subtitle="Per gecodeerd interview, in de volgorde waarin ze zijn afgenomen: "
    "codes die voor het eerst voorkomen en het lopend totaal van verschillende codes. "
    "Saturatie is nabij als interviews geen codes meer toevoegen.",
    memos_subtitle="De memo's van de onderzoekers bij het project, de documenten, codes en "
    "coderingen.",
    not_counted="Niet meegeteld",
    category_itself="{name} (de categorie zelf)",
    no_quotes_yet="nog geen citaten",
    category_subtitle="{quotes}, genoemd door {mentioned} van de {total} (subcodes "
    "meegeteld). Citaten staan per code in codeboekvolgorde, daarna in interviewvolgorde.",
    chart_title="Saturatie van codes",
    chart_x_axis="Interview (# in de tabel, in volgorde van afname)",
    report_title="{project}: resultaten per categorie",
    mentioned_by="genoemd door {count} van de {total} {noun}",
    sub_codes_included="subcodes meegeteld",
    coded_on_itself="{quotes} gecodeerd op {name} zelf",
    not_mentioned="nog niet genoemd (geen citaten)",
    more_not_shown="({more} niet getoond)",
    report_intro="{quotes} uit {interviews} met {total} {noun}; geëxporteerd op {date}.",
    memo_prefix="memo", project="Project",
)

LANGUAGES = {"en": EN, "nl": NL}


def wording(language: str) -> Wording:
    """The words for a project language tag ("nl", "en-GB"); English when there are none."""
    return LANGUAGES.get(language.split("-")[0].split("_")[0].casefold(), EN)


def fixed_sheets(words: Wording) -> list[str]:
    """The fixed sheets' names, which a category sheet may not take."""
    return [words.overview, words.codebook, words.participants, words.frequencies,
            words.saturation, words.agreement, words.memos]
