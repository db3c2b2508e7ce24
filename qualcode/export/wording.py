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
class Sentence:
    """A text whose verb follows a count: ``Sentence("{n} cell had…", "{n} cells had…")``.

    A :class:`Counted` noun is not enough where the verb agrees with it
    ("1 cel bevatte", "2 cellen bevatten").
    """

    one: str
    many: str

    def __call__(self, count: int, **fields: object) -> str:
        return (self.one if count == 1 else self.many).format(n=count, **fields)


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
    interviews_noun: Counted
    report_pseudonymised: str
    report_cleaned: Sentence
    # whose work the file holds
    and_word: str
    no_codings: str
    work_of_one: str
    work_limited: str
    work_together: str
    # more of the Overview
    fact_pseudonymised: str
    pseudonymised_note: str
    fact_cells_cleaned: str
    cells_cleaned: Sentence
    fact_long_texts: str
    long_texts_split: Sentence
    guide_memos: str
    page_footer: str
    # positions and long texts cut into parts
    turn: str
    before_first_turn: str
    first_part: str
    next_part: str
    # memos: what a memo is on
    memo_on: dict[str, str]
    coding_number: str
    #: Word's proofing language when the project's tag names no region ("nl" → "nl-NL").
    proofing_language: str
    # the saturation verdicts' language ("en" keeps the analysis layer's own sentence)
    verdict_language: str
    # the Agreement sheet
    decimal_comma: bool
    agreement_intro: str
    agreement_needs_two: str
    coders_noun: Counted
    pair_heading: str
    unit_names: dict[str, str]
    unit_plurals: dict[str, str]
    segment_unit: str
    segment_summary: str
    unit_summary: str
    figures_header: tuple[str, ...]
    pooled: str
    disagreements_heading: str
    overlap_note: str
    passages: Counted
    no_disagreements: str
    disagreement_header: tuple[str, ...]
    # the coding-query workbook (``qualcode query --out``, ctrl+k): its sheet, title line,
    # headings and the words of the query itself (its CSV keeps English headers for scripts)
    query_sheet: str
    query_title: str
    query_header: tuple[str, ...]
    query_words: dict[str, str]

    def number(self, value: float | None, digits: int) -> str:
        """A figure in running text: "81.4" or, in Dutch, "81,4"; "-" when there is none."""
        if value is None:
            return "-"
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if self.decimal_comma else text

    def percent(self, value: float) -> str:
        """A share as text (0.9 → "90%"), with the language's decimal sign."""
        text = f"{value * 100:g}"
        return (text.replace(".", ",") if self.decimal_comma else text) + "%"

    def place(self, turn: int | None, time: float | None = None) -> str:
        """Where a passage is: "turn 47 · 19:21" / "beurt 47 · 19:21"."""
        from qualcode.positions import format_position

        return format_position(turn, time, turn_word=self.turn, outside=self.before_first_turn)

    def names(self, names: list[str]) -> str:
        """ "A", "A and B", "A, B and C" ("en" in Dutch)."""
        if len(names) <= 1:
            return "".join(names)
        return f"{', '.join(names[:-1])} {self.and_word} {names[-1]}"


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
    interviews_noun=Counted("interview", "interviews"),
    report_pseudonymised="The transcripts were pseudonymised on {date}: names and other "
    "identifying details are pseudonyms in square brackets.",
    report_cleaned=Sentence("{n} text had control or bidirectional characters removed.",
                            "{n} texts had control or bidirectional characters removed."),
    and_word="and", no_codings="No codings yet.",
    work_of_one="The work of {names}.",
    work_limited="The work of {names} only: codings by other coders are left out.",
    work_together="The work of {names} together: a passage coded identically by several "
    "coders appears once, with all their names.",
    fact_pseudonymised="Pseudonymised",
    pseudonymised_note="on {date}: names, places, dates and other identifying details were "
    "replaced by pseudonyms; this workbook holds no originals",
    fact_cells_cleaned="Cells cleaned",
    cells_cleaned=Sentence(
        "{n} cell had characters Excel cannot store (control characters) or bidirectional "
        "controls removed",
        "{n} cells had characters Excel cannot store (control characters) or bidirectional "
        "controls removed"),
    fact_long_texts="Long texts split",
    long_texts_split=Sentence(
        "{n} text longer than an Excel cell (32,767 characters) continues on rows marked "
        "\"part n of m\"",
        "{n} texts longer than an Excel cell (32,767 characters) continue on rows marked "
        "\"part n of m\""),
    guide_memos="the researchers' memos on the project, documents, codes and codings, with "
    "who wrote each and when.",
    page_footer="Page &P of &N",
    turn="turn", before_first_turn="before the first turn",
    first_part="{text} (part 1 of {parts})", next_part="continued: part {part} of {parts}",
    memo_on={"project": "project", "document": "document", "code": "code", "coding": "coding"},
    coding_number="coding {id}",
    proofing_language="en-US", verdict_language="en",
    decimal_comma=False,
    agreement_intro="Two coders compared code by code on the documents both coded. Segment: "
    "codings match when their overlap covers at least {overlap} of the longer one; kappa's "
    "chance term is 1/codes compared (Brennan & Prediger). Sentence and character: Cohen's "
    "kappa and Krippendorff's alpha. Codes are shown by their last two levels.",
    agreement_needs_two="Agreement needs two coders who coded the same document; this "
    "project has {coders}: {names}.",
    coders_noun=Counted("coder", "coders"),
    pair_heading="{a} and {b}: {documents} coded by both ({names})",
    unit_names={"segment": "segment", "sentence": "sentence", "character": "character"},
    unit_plurals={"sentence": "sentences", "character": "characters"},
    segment_unit="segment (overlap {overlap})",
    segment_summary="{unit}: {matched} of {total} segments matched ({percent}%), kappa "
    "{kappa} (chance {chance})",
    unit_summary="{unit}: {percent}% of {units} agree, kappa {kappa} (chance {chance}), "
    "alpha {alpha}",
    figures_header=("Code (segments)", "Matched", "Only {a}", "Only {b}", "Agree %", "Kappa"),
    pooled="All codes (pooled)",
    disagreements_heading="Disagreements (unit {unit}{overlap}): {passages}, in document "
    "order",
    overlap_note=", overlap {overlap}",
    passages=Counted("passage", "passages"),
    no_disagreements="None: the two coders agree on every passage.",
    disagreement_header=("Code", "Document", "Where", "Applied by", "Start", "End", "Quote"),
    query_sheet="Query", query_title="Coding query: {query}",
    query_header=("Document", "Participant", "Position", "Code", "Quote", "Coder",
                  "Together with", "Start", "End"),
    query_words={"and": "AND", "not": "NOT", "overlap": "overlapping", "turn": "same turn"},
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
    interviews_noun=Counted("interview", "interviews"),
    report_pseudonymised="De transcripten zijn gepseudonimiseerd op {date}: namen en andere "
    "identificerende gegevens zijn pseudoniemen tussen vierkante haken.",
    report_cleaned=Sentence("Uit {n} tekst zijn stuurtekens of richtingstekens verwijderd.",
                            "Uit {n} teksten zijn stuurtekens of richtingstekens verwijderd."),
    and_word="en", no_codings="Nog geen coderingen.",
    work_of_one="Het werk van {names}.",
    work_limited="Alleen het werk van {names}: coderingen van andere codeurs zijn weggelaten.",
    work_together="Het werk van {names} samen: een passage die meerdere codeurs precies zo "
    "codeerden, staat er één keer in, met al hun namen.",
    fact_pseudonymised="Gepseudonimiseerd",
    pseudonymised_note="op {date}: namen, plaatsen, data en andere identificerende gegevens "
    "zijn vervangen door pseudoniemen; deze werkmap bevat geen originelen",
    fact_cells_cleaned="Opgeschoonde cellen",
    cells_cleaned=Sentence(
        "uit {n} cel zijn stuurtekens (die Excel niet kan bewaren) of richtingstekens "
        "verwijderd",
        "uit {n} cellen zijn stuurtekens (die Excel niet kan bewaren) of richtingstekens "
        "verwijderd"),
    fact_long_texts="Gesplitste lange teksten",
    long_texts_split=Sentence(
        "{n} tekst langer dan een Excel-cel (32.767 tekens) loopt door op regels gemarkeerd "
        "met \"deel n van m\"",
        "{n} teksten langer dan een Excel-cel (32.767 tekens) lopen door op regels gemarkeerd "
        "met \"deel n van m\""),
    guide_memos="de memo's van de onderzoekers bij het project, de documenten, codes en "
    "coderingen, met wie ze schreef en wanneer.",
    page_footer="Pagina &P van &N",
    turn="beurt", before_first_turn="vóór de eerste beurt",
    first_part="{text} (deel 1 van {parts})", next_part="vervolg: deel {part} van {parts}",
    memo_on={"project": "project", "document": "document", "code": "code",
             "coding": "codering"},
    coding_number="codering {id}",
    proofing_language="nl-NL", verdict_language="nl",
    decimal_comma=True,
    agreement_intro="Twee codeurs vergeleken, code per code, op de documenten die ze allebei "
    "codeerden. Segment: coderingen komen overeen als hun overlap minstens {overlap} van de "
    "langste beslaat; de kansterm van kappa is 1/aantal vergeleken codes (Brennan & "
    "Prediger). Zin en teken: Cohens kappa en Krippendorffs alfa. Codes staan er met hun "
    "laatste twee niveaus.",
    agreement_needs_two="Overeenstemming vraagt twee codeurs die hetzelfde document "
    "codeerden; dit project heeft {coders}: {names}.",
    coders_noun=Counted("codeur", "codeurs"),
    pair_heading="{a} en {b}: {documents} door allebei gecodeerd ({names})",
    unit_names={"segment": "segment", "sentence": "zin", "character": "teken"},
    unit_plurals={"sentence": "zinnen", "character": "tekens"},
    segment_unit="segment (overlap {overlap})",
    segment_summary="{unit}: {matched} van {total} segmenten komen overeen ({percent}%), "
    "kappa {kappa} (kans {chance})",
    unit_summary="{unit}: {percent}% van de {units} komt overeen, kappa {kappa} (kans "
    "{chance}), alfa {alpha}",
    figures_header=("Code (segmenten)", "Overeen", "Alleen {a}", "Alleen {b}", "% overeen",
                    "Kappa"),
    pooled="Alle codes (samen)",
    disagreements_heading="Verschillen (eenheid {unit}{overlap}): {passages}, in "
    "documentvolgorde",
    overlap_note=", overlap {overlap}",
    passages=Counted("passage", "passages"),
    no_disagreements="Geen: de twee codeurs zijn het over elke passage eens.",
    disagreement_header=("Code", "Document", "Waar", "Toegepast door", "Begin", "Einde",
                         "Citaat"),
    query_sheet="Zoekvraag", query_title="Zoekvraag op codes: {query}",
    query_header=("Document", "Deelnemer", "Plaats", "Code", "Citaat", "Codeur", "Samen met",
                  "Begin", "Einde"),
    query_words={"and": "EN", "not": "NIET", "overlap": "overlappend", "turn": "zelfde beurt"},
)

LANGUAGES = {"en": EN, "nl": NL}


def wording(language: str) -> Wording:
    """The words for a project language tag ("nl", "en-GB"); English when there are none."""
    return LANGUAGES.get(language.split("-")[0].split("_")[0].casefold(), EN)


def fixed_sheets(words: Wording) -> list[str]:
    """The fixed sheets' names, which a category sheet may not take."""
    return [words.overview, words.codebook, words.participants, words.frequencies,
            words.saturation, words.agreement, words.memos]
