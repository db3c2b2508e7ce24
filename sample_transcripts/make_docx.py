"""Build ``HA04-followup.docx``, the Word sample of the demo project.

Why a generator: the demo needs one real ``.docx`` to show that Word
transcripts import like text ones (speaker turns as paragraphs, plus a table
and a reviewer comment that the importer must cope with). Keeping the text
here makes the file reproducible and reviewable in git; run

    /work/venv/bin/python sample_transcripts/make_docx.py

to rewrite it next to this script. The conversation is invented.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

HEADER_ROWS: list[tuple[str, str]] = [
    ("Deelnemer", "HA04"),
    ("Soort gesprek", "Opvolggesprek (fictief demomateriaal)"),
    ("Datum", "2 mei 2024"),
    ("Plaats", "WGC Rabot, Gent"),
    ("Duur", "09:40"),
    ("Interviewer", "Lotte"),
]

TURNS: list[tuple[str, str]] = [
    ("I", "Bedankt dat je nog eens tijd maakt. Het is nu twee maanden na ons eerste gesprek. "
          "Ik wou vooral nog eens terugkomen op een paar dingen die je toen vertelde."),
    ("HA4", "Graag. Ik heb er eigenlijk nog veel over nagedacht, na dat interview. (lacht)"),
    ("I", "Je vertelde over de jonge mama met een postnatale depressie, waar je te ver in was "
          "meegegaan. Hoe is dat nu?"),
    ("HA4", "Goed, eigenlijk. We houden ons aan de afspraken: om de twee weken een half uur, en "
            "niet daarbuiten. In het begin belde ze nog naar het onthaal om mij te spreken, maar "
            "dat is gestopt. Ze ziet nu ook de psycholoog hier in huis, en dat loopt goed. Ik "
            "merk dat ik zelf veel rustiger ben. Ik denk niet meer elke avond aan haar."),
    ("I", "Wat heeft het verschil gemaakt, denk je?"),
    ("HA4", "Dat ik het heb durven zeggen in het team. Ik schaamde me eerst, hè, dat ik mijn "
            "grenzen niet bewaakt had. Maar iedereen had zo'n verhaal. Een oudere collega "
            "vertelde dat hij in zijn eerste jaar elke zondag bij een patiënt op bezoek ging. "
            "Dat relativeerde enorm."),
    ("I", "Je zei ook dat je je niet altijd competent voelde. Heb je daar iets mee gedaan?"),
    ("HA4", "Ja, ik heb mij ingeschreven voor een intervisiegroep van jonge huisartsen, via de "
            "huisartsenkring. We komen om de zes weken samen, met een psycholoog als "
            "begeleider. We brengen elk een casus in. De eerste keer ging het over een patiënt "
            "met een persoonlijkheidsstoornis, en ik had zoiets van: oké, ik ben niet de enige "
            "die niet weet wat ze moet doen. Dat is eigenlijk het belangrijkste: dat je ziet dat "
            "het niet aan jou ligt."),
    ("I", "Zijn er nog dingen veranderd in het centrum?"),
    ("HA4", "We hebben met het onthaal afgesproken dat ze een dubbele consultatie inplannen als "
            "iemand aan de telefoon zegt dat het over stress of somberheid gaat. Dat scheelt "
            "veel. En de wachtlijst bij onze eerstelijnspsycholoog is iets korter geworden, "
            "omdat er een tweede psycholoog is bijgekomen, één dag per week. Nog altijd niet "
            "genoeg, maar het helpt."),
    ("I", "En jijzelf? Hoe gaat het met de belasting?"),
    ("HA4", "Beter. Ik heb een vaste vrije woensdagnamiddag, en die is echt vrij. Geen "
            "telefoontjes, geen mails. Ik ga dan zwemmen met mijn dochter. Het klinkt klein, "
            "maar het is mijn buffer. Ik merk dat ik op donderdag veel meer geduld heb."),
    ("I", "Zou je je antwoord op de vraag over burn-out nu anders geven?"),
    ("HA4", "Nee, ik denk nog altijd dat het kan bijdragen. Maar ik denk nu meer dat het te "
            "voorkomen is, als je het tijdig ziet en als je niet alleen werkt. In mijn "
            "HAIO-jaar had ik dat niet, en daar ging het mis."),
    ("I", "Heb je nog een tip die je toen niet gegeven hebt?"),
    ("HA4", "Praat over je eigen fouten. Niet alleen over moeilijke patiënten, maar ook over "
            "wat jij fout deed. Dat is het moeilijkste, maar daar leer je het meest van."),
    ("I", "Dank je wel. Dan stoppen we hier."),
    ("HA4", "Graag gedaan. Laat je weten hoe de thesis afloopt?"),
]

AGREEMENTS: list[tuple[str, str, str]] = [
    ("Wat", "Wie", "Wanneer"),
    ("Transcript ter nalezing bezorgen", "Lotte", "binnen twee weken"),
    ("Feedback op transcript", "HA04", "eind mei"),
    ("Samenvatting resultaten delen", "Lotte", "na de verdediging"),
]

COMMENTED_PHRASE = "ik ben niet de enige die niet weet wat ze moet doen"
COMMENT_TEXT = "Steun van collega's? Of eerder Onvoldoende opgeleid? Bespreken met promotor."


def build(out: Path) -> Path:
    """Write the follow-up interview to ``out`` and return it.

    The comment is anchored to the run holding ``COMMENTED_PHRASE`` so an
    importer test can check that comments do not leak into the transcript text.
    """
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    props = doc.core_properties
    props.author = "Lotte"
    props.title = "Opvolggesprek HA04"
    props.created = dt.datetime(2024, 5, 2, 14, 0, 0)
    props.modified = dt.datetime(2024, 5, 2, 14, 0, 0)

    doc.add_heading("Opvolggesprek HA04 — 2 mei 2024", level=1)
    header = doc.add_table(rows=0, cols=2)
    header.style = "Table Grid"
    for label, value in HEADER_ROWS:
        cells = header.add_row().cells
        cells[0].text = label
        cells[1].text = value
    doc.add_paragraph()

    for speaker, text in TURNS:
        paragraph = doc.add_paragraph()
        label = paragraph.add_run(f"{speaker}: ")
        label.bold = True
        if COMMENTED_PHRASE in text:
            before, after = text.split(COMMENTED_PHRASE, 1)
            paragraph.add_run(before)
            anchor = paragraph.add_run(COMMENTED_PHRASE)
            paragraph.add_run(after)
            doc.add_comment(anchor, text=COMMENT_TEXT, author="Lotte", initials="L")
        else:
            paragraph.add_run(text)
        paragraph.paragraph_format.space_after = Pt(6)

    doc.add_heading("Afspraken", level=2)
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for row in AGREEMENTS:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value

    doc.save(str(out))
    return out


if __name__ == "__main__":
    print(build(Path(__file__).with_name("HA04-followup.docx")))
