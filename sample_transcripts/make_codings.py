# ruff: noqa: E501
"""Build ``codings.csv``, the pre-coding of the demo transcripts.

Why quotes instead of offsets: offsets typed by hand break as soon as a
transcript is edited. Each coding here names the exact phrase; the script
finds it in the transcript and computes ``start``/``end`` as Unicode
code-point offsets (end exclusive) into the file text, which is UTF-8, LF,
no BOM, so the text qualcode stores equals the file text. A quote that is
missing, or that occurs more than once without an explicit occurrence
number, stops the script with a message naming document and quote.

Run ``/work/venv/bin/python sample_transcripts/make_codings.py`` after
editing a transcript or a coding. The coder is ``Lotte`` (the invented
student); for HA01 and HA02 a second coder, ``Prof. Claes``, codes the same
passages mostly the same way so that agreement figures have something to
show. All people and texts are invented.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent

_ROL = "Rol van de huisarts"
_SUBJ = "Belasting > Subjectieve belasting"
_PAT = f"{_SUBJ} > Patiëntgebonden factoren"
_ARTS = f"{_SUBJ} > Artsgebonden factoren"
_VERM = "Vermindering van de belasting"
_TIPS = "Tips voor collega's"

CODES: dict[str, str] = {
    "rol": _ROL,
    "laag": f"{_ROL} > Laagdrempeligheid",
    "detect": f"{_ROL} > Detecteren en doorverwijzen",
    "rolversch": f"{_ROL} > Rolverschuiving in de maatschappij",
    "voorkeur": f"{_ROL} > Persoonlijke voorkeur",
    "oneig": f"{_ROL} > Oneigenlijke vragen",
    "bel": "Belasting",
    "uitd": "Belasting > Uitdaging en voldoening",
    "obj": "Belasting > Objectieve belasting",
    "wederk": f"{_PAT} > Gebrek aan wederkerigheid",
    "somat": f"{_PAT} > Somatiserende patiënt",
    "soort": f"{_PAT} > Soort problematiek",
    "complex": f"{_PAT} > Complexe zorgvraag",
    "doel": f"{_PAT} > Doelstelling arts versus patiënt",
    "conc": f"{_PAT} > Concentratie moeilijke patiënten",
    "opgel": f"{_ARTS} > Onvoldoende opgeleid",
    "invloed": f"{_ARTS} > Geen invloed",
    "energie": f"{_ARTS} > Ander soort energie",
    "piloot": f"{_ARTS} > Geen automatische piloot",
    "herk": f"{_ARTS} > Herkenbare situaties",
    "verhog": f"{_ARTS} > Verhogende factoren",
    "emo": "Emoties en gedrag",
    "valk": "Valkuilen",
    "burn": "Burn-out",
    "verm": _VERM,
    "mw": f"{_VERM} > Maatschappelijk werk",
    "psy": f"{_VERM} > Eerstelijnspsycholoog",
    "psych": f"{_VERM} > Overleg met psychiater",
    "doorv": f"{_VERM} > Vlottere doorverwijzing",
    "coll": f"{_VERM} > Steun van collega's",
    "tips": _TIPS,
    "grenzen": f"{_TIPS} > Grenzen stellen",
    "nietalle": f"{_TIPS} > Niet alle zorgen op jou nemen",
    "empathie": f"{_TIPS} > Juiste empathie en afstand",
    "draag": f"{_TIPS} > Draagkracht en draaglast",
    "doelen": f"{_TIPS} > Aangepaste doelstellingen",
    "afw": f"{_TIPS} > Afwisseling",
}

# Per document: (code key, exact quote[, memo]). Order = reading order.
Entry = tuple[str, str] | tuple[str, str, str]

LOTTE: dict[str, list[Entry]] = {
    "HA01": [
        ("voorkeur", "Euh... (lacht) evenveel, denk ik. Het is nu al een groot deel van mijn werk. Meer zou ik niet aankunnen, minder zou ik ook niet willen eigenlijk."),
        ("laag", "Mensen komen naar de huisarts omdat dat laagdrempelig is, ze kennen ons, we kennen hun familie, hun voorgeschiedenis."),
        ("laag", "In een wijk als deze, met veel kwetsbare mensen, gaan ze niet zomaar naar een psycholoog of een psychiater."),
        ("detect", "En ik vind dat ook echt onze taak: het detecteren, en dan kijken wie er het best verder mee aan de slag gaat."),
        ("uitd", "Niet altijd, hè, er zijn ook heel mooie gesprekken."),
        ("bel", "Maar er zijn dagen dat ik thuiskom en echt leeg ben."),
        ("obj", 'Een consultatie voor een keelontsteking duurt tien minuten, maar als iemand begint te wenen en vertelt dat haar man haar slaat, dan kan je niet na tien minuten zeggen "oké, volgende".'),
        ("obj", "Die mensen komen ook veel vaker terug, soms elke week."),
        ("energie", "Maar het is niet alleen de tijd. Het is ook... het is een ander soort energie."),
        ("piloot", "Bij een somatisch probleem heb je een richtlijn, je weet wat je moet doen, je doet het, klaar."),
        ("energie", "Op het einde van zo'n dag ben ik moe op een andere manier dan na een dag met veel kleine dingen."),
        ("oneig", "Je hebt mensen die elke week komen en eigenlijk geen vraag hebben, die gewoon willen praten.", "grens met wederkerigheid"),
        ("wederk", "En dan voel je dat er niets teruggegeven wordt, dat ik er alles insteek en dat er geen enkele beweging is van zijn kant."),
        ("wederk", "Dat vind ik eigenlijk het zwaarste: dat gebrek aan wederkerigheid."),
        ("wederk", "Maar als ik het gevoel heb dat ik harder werk dan de patiënt, dan wordt het zwaar."),
        ("somat", "Mensen met allerlei lichamelijke klachten, pijn overal, en je hebt alles al onderzocht, bloedname, echo, zelfs een keer een scan, en er is niets."),
        ("somat", 'En als je dan voorzichtig zegt "misschien is er stress", dan voelen ze zich niet serieus genomen.'),
        ("complex", "Soms denk je dat iemand komt voor slecht slapen, en dan open je de doos van Pandora.", "mooi citaat: doos van Pandora"),
        ("complex", "Dat is zo'n complexe zorgvraag dat het voor één persoon eigenlijk te veel is."),
        ("emo", "Frustratie, vooral. En onmacht."),
        ("invloed", "Het gevoel dat je niets kan veranderen aan de situatie: je kan iemands huisvesting niet regelen, je kan niet zorgen dat hij werk vindt."),
        ("emo", "Soms ook irritatie, als iemand voor de zoveelste keer binnenkomt met hetzelfde verhaal, en dan schaam ik me daar een beetje voor."),
        ("emo", "Ik merk dat als ik geïrriteerd ben, ik minder goed luister, en dan mis ik dingen."),
        ("emo", "Als ik net een heel zware consultatie heb gehad, dan ben ik bij de volgende patiënt minder geduldig."),
        ("soort", "Een jonge vrouw, begin twintig, met een zware borderline-problematiek."),
        ("soort", "Ze stuurde berichten via de website van de praktijk, soms tien per dag, ze dreigde met zelfmoord als ik niet terugbelde, ze kwam onaangekondigd naar de praktijk."),
        ("valk", "En ik had in het begin de fout gemaakt om te veel mee te gaan in haar verhaal, om haar mijn gsm-nummer te geven..."),
        ("valk", "Ik was daar echt te weinig afstand, en op een bepaald moment sliep ik er niet meer van."),
        ("coll", "We hebben dat in het team besproken, en we hebben afspraken gemaakt: ze zag één vaste arts, op vaste momenten, en de andere collega's wisten daarvan."),
        ("doorv", "En ze is nu uiteindelijk ook bij een psychiater terechtgekomen, maar dat heeft acht maanden geduurd, die wachtlijst."),
        ("verhog", "Ik denk dat ik te empathisch ben, soms."),
        ("opgel", "En ik merk ook dat ik gewoon niet genoeg opgeleid ben voor sommige dingen."),
        ("opgel", "In de opleiding geneeskunde krijg je heel weinig over gesprekstechnieken, over hoe je met een persoonlijkheidsstoornis omgaat."),
        ("coll", "Het team. En ervaring, ik merk dat ik het nu beter kan dan vijf jaar geleden."),
        ("burn", "Ja, zeker. Ik denk eigenlijk dat psychosociale zorg een van de grootste risicofactoren is."),
        ("burn", "Maar dat constante emotionele werk, dat slijt."),
        ("burn", "Ik heb een collega gehad in een vorige praktijk die uitgevallen is, en bij haar was dat echt het probleem: ze kon geen nee zeggen tegen patiënten."),
        ("mw", "Het belangrijkste is de maatschappelijk werker in ons centrum."),
        ("mw", "Dat is zo'n verademing."),
        ("doorv", "Het CGGZ, maar daar is de wachtlijst enorm. Zes maanden, soms langer."),
        ("psy", "Ja, en dat is echt een meerwaarde. De drempel is laag, het is goedkoop voor de patiënt, het is hier in het gebouw."),
        ("psy", "Het probleem is dat haar agenda ook al snel vol zit."),
        ("doorv", "Dat we snel kunnen doorverwijzen."),
        ("doorv", "Maar als ik weet dat het zes maanden wordt, dan word ik in de tussentijd eigenlijk de therapeut, en daar ben ik niet voor opgeleid en daar heb ik de tijd niet voor."),
        ("grenzen", "Grenzen stellen. Echt. Afspreken hoe lang een consultatie duurt, niet je privénummer geven, duidelijk zijn over wat je wel en niet kan doen."),
        ("empathie", "Je moet begrijpen wat iemand doormaakt zonder er zelf in mee te gaan verdrinken."),
        ("empathie", "En als ik de deur van het centrum achter me dichttrek, dan probeer ik het daar te laten."),
        ("coll", "En praat erover met collega's, blijf er niet alleen mee zitten."),
        ("uitd", "het is ook wel het mooiste deel van het werk, hè."),
    ],
    "HA02": [
        ("voorkeur", "Minder. (lacht) Eerlijk gezegd minder."),
        ("voorkeur", "Niet omdat ik het niet belangrijk vind, hè, maar het is gewoon te veel geworden."),
        ("laag", "Ja, het is onze rol, dat wil ik niet ontkennen. We zijn laagdrempelig, mensen kennen ons, en in deze wijk zijn wij vaak de enige hulpverlener die ze regelmatig zien."),
        ("rolversch", "Vroeger ging men met zijn zorgen naar de pastoor, naar de familie, naar de buren. Nu is de huisarts de nieuwe biechtvader, zo wat.", "biechtvader"),
        ("rolversch", "Alles komt bij ons terecht: ruzie met de baas, een kind dat niet wil gaan schoolgaan, eenzaamheid."),
        ("oneig", "Mensen die een attest willen omdat ze niet naar het werk willen gaan, omdat ze ruzie hebben met een collega."),
        ("oneig", "En dan moet jij de politieagent spelen."),
        ("obj", "Die consultaties lopen altijd uit, en ik heb een reputatie van altijd te laat te zijn."),
        ("soort", "Ik heb een paar patiënten met een persoonlijkheidsstoornis, en die kosten enorm veel energie."),
        ("soort", "Ze spelen collega's tegen elkaar uit, ze overschrijden grenzen, ze bellen op mijn vrije dag naar het onthaal en eisen dat ik terugbel."),
        ("doel", "Het verschil tussen wat ik wil bereiken en wat de patiënt wil."),
        ("doel", "Dan zit je met twee verschillende doelen tegenover elkaar, en dan is het alsof je tegen een muur praat."),
        ("obj", "Nu is het de helft van mijn consultaties, schat ik, als je de mensen meetelt die met buikpijn of rugpijn komen en waar eigenlijk stress achter zit."),
        ("obj", "Op een drukke maandag kan ik om elf uur al drie kwartier achter zitten, en dan [onverstaanbaar] de wachtzaal, de mensen worden boos aan het onthaal, en dan komt die druk er nog eens bovenop."),
        ("somat", "Dat zijn dan ook vaak de somatiserende patiënten: mensen die al jaren met hoofdpijn, rugpijn, vermoeidheid komen, waar je alles al voor gedaan hebt, en die het moeilijk vinden om te aanvaarden dat er een psychische kant aan zit."),
        ("oneig", "En dan denk ik: wat is hier nog mijn rol? Ik ben een stempelmachine geworden."),
        ("emo", "Irritatie. Dat durf ik te zeggen, hè. Soms echt irritatie. En ook een soort moedeloosheid."),
        ("invloed", "Je hebt geen invloed op de woning, op het werk, op de relatie. Je kan alleen maar luisteren. Die onmacht, dat is eigenlijk het ergste."),
        ("emo", "Als ik 's morgens in mijn agenda zie dat die of die mevrouw erop staat, dan zak ik al een beetje in."),
        ("emo", "En dan ben ik soms korter van stof, ik merk dat ik sneller afrond, en dan voel ik me daar achteraf weer schuldig over."),
        ("herk", "En... euh, ik was zelf twee jaar daarvoor gescheiden. Dus dat was heel herkenbaar. Te herkenbaar eigenlijk."),
        ("valk", "Ik merkte dat ik haar verhaal mee naar huis nam, dat ik er 's avonds aan dacht, dat ik boos werd op die man alsof het mijn eigen ex was."),
        ("coll", "Ik heb het besproken in onze intervisie."),
        ("verhog", "Vermoeidheid. Als ik moe ben, dan kan ik het niet meer aan."),
        ("verhog", "En als er thuis iets is, bv. toen mijn moeder ziek was, dan had ik gewoon geen ruimte meer voor de zorgen van anderen."),
        ("verhog", "En ik heb ook niet zoveel affiniteit met de psychiatrie, hè."),
        ("burn", "Ja. Ik ben er zelf niet ver van geweest, een paar jaar geleden."),
        ("burn", "En het werk was toen echt de druppel, vooral die zware psychosociale patiënten."),
        ("nietalle", "En ik heb geleerd om niet alles op mijn schouders te nemen."),
        ("nietalle", "Ik kan helpen, ik kan ondersteunen, maar het blijft zijn leven en zijn verantwoordelijkheid."),
        ("mw", "In het centrum hebben we een maatschappelijk werker, die is goud waard."),
        ("psych", "En we hebben, euh, eens per maand een casusbespreking met een psychiater van het CGGZ."),
        ("psych", "Dat is heel waardevol, want je krijgt andere inzichten, en je voelt je minder alleen met die patiënt."),
        ("doorv", "Maar overal wachtlijsten. Bij het CGGZ is het minstens drie maanden, voor kinderen zelfs een jaar."),
        ("doorv", "Als dat vlotter zou gaan, zou dat al een enorm verschil maken."),
        ("psy", "Ja. We hebben er nu eentje via het netwerk, maar die zit ook al vol."),
        ("nietalle", "Neem niet alle zorgen op jou. Dat is het belangrijkste."),
        ("draag", "En kijk naar jezelf: hoeveel kan je dragen, en hoeveel moet je dragen?"),
        ("grenzen", "Zeg eens nee. (lacht) Gewoon: nee, ik schrijf dat attest niet."),
    ],
    "HA03": [
        ("voorkeur", "Evenveel. Ik vind dat eigenlijk een mooi deel van het vak."),
        ("laag", "Als die jongen depressief wordt, dan komt hij bij mij, niet bij een psychiater die hij niet kent."),
        ("laag", "Dat is de kracht van de huisarts: je bent er altijd, je bent bereikbaar, je kent de context."),
        ("uitd", "Nu zie ik het vooral als een uitdaging. Als je iemand door een moeilijke periode kan helpen, zonder pillen, gewoon door er te zijn, dan geeft dat veel voldoening."),
        ("obj", "Ik werk zonder afspraken in de voormiddag, vrije raadpleging, en als er dan iemand binnenkomt die begint te vertellen, ja, dan zitten er buiten tien mensen te wachten."),
        ("obj", "Ik loop altijd uit, mijn vrouw weet al lang dat ze niet moet wachten met eten."),
        ("piloot", "Dat er geen recept voor is."),
        ("piloot", "Je kan niet op automatische piloot werken, je moet elke keer opnieuw nadenken, aanvoelen, improviseren."),
        ("uitd", "Dat is ook wat het interessant maakt, maar het vraagt veel."),
        ("coll", "En als solo-arts sta je er alleen voor, hè.", "afwezigheid van collegiale steun als solo-arts"),
        ("oneig", "Je hebt mensen die een attest komen halen omdat ze geen zin hebben om te werken."),
        ("somat", "Dat zijn de somatiserende patiënten: die komen met pijn op de borst, en je doet een ECG, en dat is normaal, en de volgende week is het buikpijn, en dan hoofdpijn."),
        ("somat", "Dat zijn de moeilijkste, omdat je altijd twijfelt: mis ik niet toch iets lichamelijks?"),
        ("emo", "Soms ongeduld, ja. Ik ben ook maar een mens."),
        ("emo", "Maar ik heb geleerd om dat ongeduld te zien als informatie."),
        ("emo", "Maar die dag... ik ben 's avonds in de zetel gaan zitten en ik heb niets meer gedaan."),
        ("doelen", "Mijn doel is niet meer dat iemand volledig geneest. Mijn doel is dat die persoon een beetje beter kan functioneren, dat hij zelf weer wat kracht vindt."),
        ("doelen", "De inspanning telt, niet alleen het resultaat."),
        ("valk", "Ik ging op huisbezoek om tien uur 's avonds bij mensen die eigenlijk alleen wilden praten. Ik gaf iedereen mijn privénummer."),
        ("burn", "Dat was een burn-out, al hebben we dat toen niet zo genoemd."),
        ("burn", "Bij mij was het de combinatie: alleen werken, altijd bereikbaar zijn, en al die verhalen die je meedraagt."),
        ("grenzen", "Ik heb mijn gsm 's avonds uitgezet."),
        ("coll", "Dat relativeert enorm. Je merkt dat je niet de enige bent die vastloopt, en dat het niet aan jou ligt."),
        ("coll", "Voor een solo-arts is dat eigenlijk de enige plaats waar je je verhaal kwijt kan bij mensen die het begrijpen."),
        ("verhog", "Vermoeidheid, zeker. Op het einde van een wachtweekend ben ik geen goede luisteraar meer."),
        ("herk", "Toen mijn vader dement werd, had ik het moeilijk met de kinderen van demente patiënten die bij mij kwamen klagen over het rusthuis. Dat was te dichtbij."),
        ("doorv", "Het CGGZ, maar je weet hoe dat gaat: wachtlijst van drie, vier maanden."),
        ("psy", "Euh... ik ben een beetje sceptisch. Het principe is goed."),
        ("psy", "Maar ik heb de indruk dat het vooral de mondige patiënten zijn die er gebruik van maken, en niet de mensen die het echt nodig hebben.", "kritische stem"),
        ("doorv", "Snellere toegang tot gespecialiseerde zorg."),
        ("mw", "En een maatschappelijk werker, dat zou ook helpen. Dat missen wij in een solopraktijk."),
        ("grenzen", "Stel grenzen. Je bent geen 24 uur per dag beschikbaar. Zet je gsm af. Ga niet mee in elke vraag."),
        ("doelen", "En verwacht niet te veel van jezelf: leg de lat niet op genezing, maar op een beetje vooruitgang. Versterk wat de patiënt zelf kan, in plaats van het over te nemen."),
        ("empathie", "En toon empathie, maar blijf de arts. Je moet kunnen begrijpen wat iemand voelt, zonder het zelf te gaan voelen."),
    ],
    "HA04": [
        ("voorkeur", "Meer, eigenlijk. (lacht) Ik weet dat dat misschien raar klinkt."),
        ("detect", "Vaak zijn wij de eersten die merken dat het niet goed gaat."),
        ("detect", "Detecteren, dat vind ik echt een kerntaak."),
        ("uitd", "Maar ik vind het het interessantste deel van het werk."),
        ("opgel", "Ik denk dat het voor mij vooral zwaar is omdat ik me niet altijd competent voel. In de opleiding geneeskunde hebben we dat eigenlijk niet gezien."),
        ("opgel", "En dan twijfel je, hè. Doe ik het wel goed? Heb ik niets gemist?"),
        ("piloot", "En er is geen richtlijn, geen stappenplan."),
        ("obj", "Onze consultaties zijn twintig minuten, maar een psychosociaal gesprek past daar nooit in."),
        ("complex", "In het Rabot is het bijna nooit één probleem."),
        ("complex", "Dan open je echt een doos van Pandora, en je weet: dit los ik niet op in twintig minuten, en eigenlijk los ik dit helemaal niet op."),
        ("emo", "Verdriet, soms. Echt verdriet."),
        ("invloed", "En onmacht, omdat ik die woning niet kan regelen en die papieren ook niet. Ik kan niets aan de oorzaak doen."),
        ("emo", "Ik merk dat ik dat soms meeneem, dat die emoties van de patiënt een beetje mijn emoties worden.", "emotionele besmetting"),
        ("emo", "Ik heb perioden gehad dat ik 's avonds thuis nog zat te piekeren over patiënten."),
        ("herk", "En die situatie was zo herkenbaar, ik had net zelf een kindje gekregen een jaar eerder. Ik zag mezelf daar zitten, eigenlijk."),
        ("valk", "En ik ben daar te ver in meegegaan."),
        ("valk", "Ik heb mijn grenzen gewoon niet bewaakt."),
        ("coll", "We hebben het besproken op het teamoverleg."),
        ("wederk", "Dan voel ik me echt leeggezogen. Ik geef en geef, en er komt niets terug, geen inzet, geen dankbaarheid, niets."),
        ("doelen", "Het doel is niet meer dat hij verandert, het doel is dat hij niet verder afglijdt."),
        ("oneig", "Er zijn wel vragen waarvan ik denk: dat hoort eigenlijk niet bij mij."),
        ("oneig", "het geeft een raar gevoel, alsof je meer een loket bent dan een arts."),
        ("burn", "In mijn HAIO-jaar was ik er heel dicht bij."),
        ("burn", "Maar ik denk echt dat dat emotionele werk, zonder goede ondersteuning, iemand kan opbranden."),
        ("mw", "We hebben hier een maatschappelijk werker die alle sociale dingen opneemt: het OCMW, de huisvesting, de schuldbemiddeling. Dat haalt zo'n last van mijn schouders."),
        ("psy", "Dat is voor deze wijk een enorme meerwaarde, want voor de meeste mensen hier is een privépsycholoog van zestig euro gewoon onmogelijk."),
        ("coll", "Daar brengen we moeilijke casussen in. Dat helpt om het te delen, en je krijgt vaak een ander perspectief. Je voelt je minder alleen."),
        ("doorv", "De wachtlijsten. Voor een psychiater moet je maanden wachten."),
        ("doorv", "Als ik vlotter kon doorverwijzen, zou dat het grootste verschil maken."),
        ("grenzen", "bewaak je grenzen, dat heb ik op de harde manier geleerd. Vaste afspraken, vaste duur, geen privénummer."),
        ("empathie", "En leer het verschil tussen meeleven en meelijden."),
        ("draag", "En kijk naar jezelf: als je zelf moe bent, of als er thuis iets is, dan kan je minder dragen."),
    ],
    "HA05": [
        ("laag", "De huisarts is voor veel mensen de enige toegangspoort tot de zorg."),
        ("laag", "Ze komen naar ons omdat we dichtbij zijn, omdat het niet veel kost, omdat er geen stigma op zit."),
        ("detect", "Dus wij zien het eerst, en wij moeten inschatten: is dit iets wat ik zelf kan opvolgen, of moet dit verder?"),
        ("uitd", "Een lichte depressie, een burn-out bij iemand die gemotiveerd is, dat volg ik graag op. Dat geeft ook voldoening."),
        ("complex", "De mensen met een heel complexe situatie. Waar alles samenkomt: psychiatrie, verslaving, armoede, soms justitie."),
        ("opgel", "Dat is tijd die ik niet heb, en dat is werk waarvoor ik niet opgeleid ben."),
        ("mw", "Enorm. Ik heb vrienden die in een wijkgezondheidscentrum werken, en ik ben soms jaloers."),
        ("mw", "We hebben eens bekeken of we met de vier praktijken in de buurt samen iemand konden aannemen, maar de financiering, hè."),
        ("energie", "Het vraagt een andere concentratie."),
        ("energie", "Dat is een ander soort vermoeidheid. Na vijf zulke gesprekken ben ik kapot, terwijl ik na vijf keelontstekingen nog fris ben."),
        ("piloot", "Bij een gewone consultatie doe je heel veel op routine: anamnese, onderzoek, besluit."),
        ("obj", "En het duurt langer. Wij werken op afspraak, een kwartier per patiënt, en een psychosociale consultatie duurt minstens een half uur."),
        ("obj", "Ik heb patiënten die ik de laatste maanden elke week gezien heb."),
        ("invloed", "Je ziet iemand in een slechte relatie, in een slechte job, in een slechte woning, en je kan daar niets aan veranderen."),
        ("invloed", "Die onmacht, dat weegt."),
        ("emo", "Frustratie. Soms boosheid, ook op het systeem, niet op de patiënt."),
        ("doel", "Ik wil dat iemand aan zichzelf gaat werken, en die persoon wil gewoon medicatie en een attest. Dan trek je aan een ander touw, en dat is uitputtend."),
        ("somat", "Ja, een mevrouw van vijftig met chronische pijn, fibromyalgie zegt ze zelf, en een hele stapel benzodiazepines."),
        ("doel", "We hebben gewoon een ander doel, en zolang dat zo is, komen we nergens."),
        ("doelen", "Ik heb mijn doelen aangepast."),
        ("doelen", "Het doel is niet meer dat zij volledig afbouwt, het doel is dat ze niet meer neemt dan nu, en dat we stap voor stap iets proberen."),
        ("doelen", "Het is niet mijn falen als het niet lukt."),
        ("verhog", "Als ik moe ben, dan ben ik kwetsbaarder."),
        ("burn", "Ja, zeker. Ik denk dat het zelfs een van de belangrijkste factoren is, samen met de administratie."),
        ("burn", "Elk verhaal neemt iets van je, en als je niet op tijd aanvult, dan raak je leeg."),
        ("coll", "Elke dinsdagmiddag eten we samen, en dan bespreken we moeilijke patiënten."),
        ("coll", 'Je hoort dat je niet de enige bent, en je kan eens afspreken: "Neem jij die patiënt eens over, ik kan even niet meer."'),
        ("doorv", "Het CGGZ, maar de wachtlijst is echt een probleem."),
        ("doorv", "Vlottere doorverwijzing. Echt."),
        ("psy", "Ja, een grote meerwaarde. Ik verwijs er heel veel naar."),
        ("psy", "Maar het aantal sessies is beperkt, en voor zware problematiek is het niet genoeg."),
        ("psych", "Dat vind ik heel leerrijk, je krijgt handvatten, en je hoort hoe een psychiater denkt over zo'n patiënt."),
        ("draag", "Kijk naar je eigen draagkracht. Wat kan jij dragen, en hoeveel draag je nu?"),
        ("doelen", "Soms is het doel gewoon dat iemand overeind blijft, en dat is ook waardevol."),
        ("grenzen", "En zet grenzen. Een psychosociale consultatie mag een half uur duren, niet anderhalf uur."),
    ],
    "HA06": [
        ("voorkeur", "Evenveel. Het is een deel van het werk, het hoort erbij."),
        ("laag", "We zijn gratis, we zijn om de hoek, ze kennen ons."),
        ("rolversch", "En ik merk dat de mensen steeds meer met hun zorgen naar ons komen, dingen waar ze vroeger mee naar de familie of de kerk gingen."),
        ("energie", "Het kost een ander soort energie."),
        ("energie", "Als ik een dag veel psychosociale gesprekken heb, dan ben ik leeg."),
        ("obj", "En de tijd, natuurlijk. Je loopt uit. Altijd."),
        ("soort", "De mensen met een persoonlijkheidsstoornis, zonder twijfel."),
        ("soort", "Ze gaan van de ene arts naar de andere, ze vertellen aan elke arts een ander verhaal, ze worden agressief aan het onthaal als ze niet meteen geholpen worden."),
        ("soort", "Dat is een heel ander soort belasting, dat je je niet veilig voelt in je eigen praktijk."),
        ("grenzen", "We hebben een protocol gemaakt, eigenlijk. Eén vaste arts, vaste afspraken, en als er grensoverschrijdend gedrag is, dan is er een gesprek met de coördinator.", "grenzen op teamniveau"),
        ("wederk", "Maar als ik het gevoel heb dat ik de enige ben die aan de kar trekt, dat iemand alleen komt om te klagen en niets wil veranderen, dan wordt het zwaar."),
        ("wederk", "Dat is eigenlijk het verschil, ja: of het wederzijds is of niet."),
        ("complex", "En dan komt het hele verhaal: de scheiding, de schulden, de zoon die drugs gebruikt, de job die hij kwijt is."),
        ("oneig", "Iedereen wil een papier van de dokter."),
        ("oneig", "Als ik het niet geef, is de relatie misschien kapot. Als ik het wel geef, voel ik me medeplichtig."),
        ("somat", "De somatiserende patiënten, ook. Die zijn vermoeiend op een andere manier."),
        ("somat", "Dat uitleggen, dat kost zoveel tijd en geduld."),
        ("emo", "Irritatie, frustratie, soms een beetje angst, zoals bij die meneer met de stoel."),
        ("emo", "Dat is zo'n besmetting, hè, van emoties."),
        ("coll", "En als het echt zwaar was, dan vertel ik het aan een collega, op de middag. Gewoon vertellen helpt al."),
        ("invloed", "En ik zat daar, en ik voelde me zo machteloos."),
        ("opgel", "Ik had geen idee wat ik op dat moment moest zeggen, en ik was bang dat ik iets verkeerd zou doen."),
        ("herk", "Ik heb zelf een dochter van die leeftijd, bijna."),
        ("verhog", "Toen mijn man vorig jaar ziek was, had ik gewoon geen ruimte meer."),
        ("verhog", "Psychose, verslaving, dat ligt mij niet zo."),
        ("burn", "Ja, zonder twijfel. Het is die constante stroom van verhalen."),
        ("burn", "Ik denk dat veel collega's die uitvallen, uitvallen door de combinatie van psychosociale zorg en administratie."),
        ("mw", "Onze maatschappelijk werker neemt heel veel op: de sociale kant, de dossiers bij het OCMW, de huisvesting."),
        ("coll", "Je staat er niet alleen voor. Dat is voor mij het allerbelangrijkste: dat je het kan delen."),
        ("doorv", "Voor een gesprek bij het CGGZ drie maanden wachten, dat is voor iemand in nood echt te lang."),
        ("psy", "Mensen die vroeger nooit naar een psycholoog zouden gaan, gaan nu wel, omdat het hier in het gebouw is en bijna gratis."),
        ("nietalle", "Niet alle zorgen op jou nemen. Je bent niet verantwoordelijk voor het leven van je patiënt."),
        ("empathie", "Je moet kunnen voelen wat de ander voelt, en het dan ook weer kunnen loslaten."),
        ("empathie", "Als ik naar huis fiets, laat ik de praktijk achter me."),
    ],
    "HA07": [
        ("voorkeur", "Meer, eigenlijk. Als ik er de tijd voor kreeg."),
        ("laag", "Wij zijn laagdrempelig, we kennen de mensen, en we zien het verband tussen lichaam en geest."),
        ("detect", "Onze taak is vooral: zien wat er aan de hand is, een eerste opvang geven, en dan de juiste weg zoeken."),
        ("obj", "Het is vooral de hoeveelheid. In Nieuw Gent is de psychosociale nood enorm."),
        ("obj", "En die mensen komen terug, vaak, dus je agenda loopt vol met opvolgconsultaties."),
        ("invloed", "Ik heb geen invloed op de oorzaak."),
        ("invloed", "Ik kan een antidepressivum geven, maar dat verandert niets aan het appartement."),
        ("wederk", "Dat is zo'n eenrichtingsverkeer, hè. Ik steek er veel energie in, en er komt niets terug."),
        ("emo", "En ik merk dat ik me moet inhouden om niet cynisch te worden."),
        ("doorv", "En de wachtlijst voor de jongerenpsychiatrie was zes maanden. Zes maanden!"),
        ("invloed", "Ik had het gevoel dat ik het had zien aankomen en dat niemand iets kon doen."),
        ("emo", "Het is niet mijn falen, het is het systeem dat faalt. Maar het voelt toch als falen, hè."),
        ("psych", "Ja, een psychiater van het CGGZ komt eens per maand naar het centrum, en dan bespreken we casussen met alle artsen samen."),
        ("psych", "Je leert er veel van, en het geeft steun."),
        ("opgel", "In mijn eerste jaren voelde ik me echt onvoldoende opgeleid."),
        ("opgel", "Het meeste leer je op de vloer, met vallen en opstaan."),
        ("empathie", "Ik probeer echt te begrijpen wat iemand doormaakt, maar ik hoef het niet mee te voelen."),
        ("empathie", "Ik leg het aan mijn studenten uit als: je moet naast de patiënt gaan staan, niet in zijn schoenen."),
        ("afw", "Ik denk dat afwisseling voor mij heel belangrijk is. Die ene dag aan de universiteit, dat is voor mij echt een buffer.", "nieuw element: afwisseling als buffer"),
        ("afw", "Als ik vijf dagen per week alleen maar consultaties deed, ik denk niet dat ik het zou volhouden."),
        ("afw", "Ik denk dat je iets nodig hebt wat niets met zorg te maken heeft."),
        ("verhog", "Als ik wachtdienst heb gehad en slecht geslapen heb, dan heb ik minder geduld."),
        ("herk", "Ik heb zelf jonge kinderen, en als er kinderen betrokken zijn in een verhaal van verwaarlozing of geweld, dan raakt me dat veel meer dan vroeger."),
        ("burn", "Het is niet de ene zware patiënt, het is de opstapeling."),
        ("burn", "Als je daar geen tegengewicht voor hebt, dan brand je op."),
        ("mw", "In het centrum: de maatschappelijk werkers, we hebben er twee. Die zijn onmisbaar."),
        ("doorv", "Als ik iemand sneller kon doorverwijzen, zou een groot deel van de belasting wegvallen."),
        ("psy", "Het is de eerste keer dat psychologische hulp echt toegankelijk is voor mensen met een laag inkomen. Maar het is te weinig."),
        ("afw", "Zorg voor afwisseling. In je werk en daarbuiten."),
        ("grenzen", 'Zeg eerlijk tegen een patiënt: "Ik heb nu twintig minuten, en dan moeten we afronden. We plannen een nieuwe afspraak."'),
    ],
    "HA08": [
        ("voorkeur", "Minder. Zeker minder."),
        ("voorkeur", "daar ben ik eigenlijk geen huisarts voor geworden."),
        ("detect", "Het eerste gesprek, het opvangen, het detecteren, dat is onze rol."),
        ("detect", "Dan zou iemand anders het moeten overnemen. En dat gebeurt niet, omdat er niemand is om het over te nemen."),
        ("rolversch", "Nu is er niemand meer, en dan is de huisarts de laatste die overblijft. We zijn de biechtvader geworden."),
        ("obj", "Het is niet één patiënt per dag, het zijn er vijf, zes, zeven."),
        ("obj", "Ik loop altijd uit, en de patiënten in de wachtzaal worden ongeduldig, en dan ben ik gestresseerd, en dan luister ik minder goed."),
        ("oneig", "Het attest. Altijd dat attest."),
        ("oneig", "En als je dat weigert, dan ben je de slechte."),
        ("doel", "Hij wil gewoon dat ik elke maand een verlenging schrijf."),
        ("emo", "Irritatie. En boosheid, soms. En dan schuldgevoel omdat ik boos ben."),
        ("emo", "Als ik zijn naam in de agenda zie staan, dan zucht ik al."),
        ("wederk", "Het gevoel dat je meer moeite doet dan de patiënt zelf, dat vind ik het allerzwaarste. Dat het zo eenzijdig is."),
        ("somat", "En de mensen met lichamelijke klachten waar je niets vindt."),
        ("somat", "En je weet dat er iets psychisch achter zit, maar ze willen dat niet horen."),
        ("valk", "Ik ben daar te ver in meegegaan."),
        ("valk", "Maar ik heb daaruit geleerd dat ik soms te weinig afstand neem."),
        ("invloed", "Weinig. Heel weinig."),
        ("invloed", "En dat gevoel van machteloosheid, dat sluipt erin, jaar na jaar."),
        ("verhog", "Ik denk dat ik niet zoveel affiniteit heb met het psychische."),
        ("verhog", "Op vrijdagnamiddag moet je mij geen zware gesprekken meer geven."),
        ("burn", "Ik heb zelf twee jaar geleden een periode gehad waarin ik er dicht bij was."),
        ("burn", "Niet de wachtdiensten, niet de administratie, maar die mensen die elke week kwamen met hun miserie, en waar ik niets voor kon doen."),
        ("coll", "Praten met mijn collega's."),
        ("coll", "Dat is het voordeel van een groepspraktijk."),
        ("mw", "Een maatschappelijk werker in de praktijk zou daar veel aan veranderen, maar daar is geen budget voor in een groepspraktijk zoals de onze."),
        ("psy", "Ja, dat wel. Ik verwijs er nu geregeld naar, en mensen die vroeger nooit naar een psycholoog gingen, gaan nu wel, omdat het maar een paar euro kost."),
        ("psy", "Ik heb vorige maand drie psychologen moeten bellen voor ik een plaats vond."),
        ("doorv", "Vlotter kunnen doorverwijzen. Als ik weet dat iemand binnen de twee weken terechtkan, dan kan ik het loslaten."),
        ("grenzen", "Grenzen stellen. Zeg nee als iets niet klopt."),
        ("nietalle", "En neem niet alles op je. Je bent de huisarts, niet de redder."),
    ],
    "HA09": [
        ("detect", "Ja, zeker. Wij zijn de toegangspoort."),
        ("detect", "Dat opvangen, dat herkennen, dat is echt onze job."),
        ("uitd", "Als ik genoeg tijd heb en ik weet dat ik kan doorverwijzen, dan vind ik het mooi werk."),
        ("obj", "Een consultatie duurt bij ons twintig minuten, maar een psychosociaal gesprek loopt altijd uit."),
        ("obj", "Mijn agenda staat vol met opvolgconsultaties van mensen met een depressie of angst."),
        ("energie", "Op het einde van de dag ben ik mentaal moe, niet fysiek."),
        ("wederk", "De patiënten waar je het gevoel hebt dat er niets terugkomt. Die alleen maar nemen."),
        ("wederk", "Ik geef, en er komt niets terug. Dat put me uit."),
        ("oneig", "Dat zijn geen medische vragen, maar wij zijn de poortwachter van al die papieren."),
        ("somat", "Ja, die zijn moeilijk. Ik heb een meneer met buikpijn, al drie jaar."),
        ("somat", "Elke keer dat ik over stress begin, sluit hij zich af."),
        ("doelen", "Dus je moet je doelen soms wat lager leggen. Kleine stappen. Dat maakt het voor mij ook lichter."),
        ("emo", "Frustratie. En soms een beetje wrevel, als ik eerlijk ben. En dan schaam ik me daarvoor."),
        ("emo", "Als ik merk dat ik gefrustreerd word, dan is dat voor mij een teken dat ik er te veel aan trek."),
        ("herk", "En ik had zelf een jaar eerder ook een miskraam gehad."),
        ("herk", "Het had mijn eigen verdriet weer opengemaakt."),
        ("coll", 'En zij zei: "Als het nog eens zo is, mag je die patiënt aan mij doorgeven." Dat vond ik heel fijn.'),
        ("verhog", "Als ik slecht geslapen heb omdat de kleine wakker was, dan heb ik minder buffer."),
        ("afw", "Ik werk één dag per week op het CLB, als schoolarts. Dat is heel anders, meer preventie, meer kinderen. Dat is voor mij een adempauze."),
        ("burn", "Ja, absoluut. Ik denk dat het zelfs een van de belangrijkste factoren is."),
        ("burn", "En bij haar waren het vooral die zware psychosociale patiënten, zonder team om op terug te vallen."),
        ("mw", 'Ik kan zeggen: "Ga eens langs bij Jonas", en hij regelt het.'),
        ("psy", "Dat is echt een enorme vooruitgang."),
        ("psy", "Nee, er is te veel vraag."),
        ("psych", "Je krijgt concrete tips over medicatie, over hoe je met iemand met een persoonlijkheidsstoornis praat, en je voelt je minder alleen met die moeilijke patiënten."),
        ("doorv", "Als dat vlotter zou gaan, zou het een groot deel van de belasting wegnemen."),
        ("empathie", "Hou de juiste afstand. Je moet meeleven, maar niet meelijden."),
        ("empathie", 'Ik heb een ritueel: als ik mijn computer afsluit, denk ik bewust "zo, gedaan".'),
        ("grenzen", "Een extra consultatie over de middag, een telefoontje na de uren, dat moet niet."),
        ("coll", "Bespreek moeilijke patiënten met collega's, ga naar intervisie. Het is geen teken van zwakte."),
    ],
    "HA10": [
        ("voorkeur", "Evenveel. Het is nu ongeveer de helft van mijn werk, en dat is genoeg."),
        ("laag", "De drempel naar ons is laag, en dat moet zo blijven."),
        ("detect", "Wij moeten het zien, en dan zorgen dat het bij de juiste persoon terechtkomt."),
        ("obj", "Je loopt altijd uit. En die mensen komen vaker terug."),
        ("conc", "Als ik op één dag drie of vier van die zware patiënten na elkaar heb, dan is dat gewoon te veel.", "nieuw element in interview 10"),
        ("conc", "Dan heb ik de rest van de dag geen buffer meer."),
        ("conc", "Ja, ik denk dat het niet alleen gaat over hoeveel psychosociale patiënten je ziet, maar ook over hoe ze verdeeld zijn."),
        ("conc", "Nu hebben we met het onthaal afgesproken dat ze bij een paar patiënten een sterretje zetten in de agenda, en dat ze er niet meer dan twee per halve dag inplannen."),
        ("soort", "De mensen met een persoonlijkheidsstoornis, zeker. Die testen je grenzen, die spelen collega's tegen elkaar uit."),
        ("wederk", "Dat eenrichtingsverkeer, dat weegt."),
        ("somat", "En ook de mensen met veel lichamelijke klachten zonder verklaring, die elke week met iets nieuws komen."),
        ("oneig", "Mensen die eigenlijk een sociaal probleem hebben en denken dat een attest van de dokter het oplost."),
        ("rolversch", "En ik merk dat de rol van de huisarts veranderd is."),
        ("rolversch", "We zijn een soort vertrouwenspersoon geworden voor heel de wijk."),
        ("valk", "En op een bepaald moment was ik meer maatschappelijk werker dan dokter."),
        ("valk", "Maar het blijft een valkuil, vooral bij mensen die je sympathiek vindt."),
        ("emo", "Irritatie, soms. Onmacht, vaak."),
        ("emo", "Als iemand heel boos is, dan ben ik nadien ook gespannen, zonder dat ik het goed doorheb."),
        ("emo", "Dan merk ik dat ik sneller een voorschrift schrijf in plaats van door te vragen."),
        ("doel", "Wat ik wil en wat hij wil, dat ligt mijlenver uit elkaar."),
        ("psych", "Ik heb het ingebracht op het overleg met de psychiater."),
        ("doelen", "Ik hoef niet meer te winnen, ik moet er gewoon zijn."),
        ("herk", "Mijn broer heeft ook een alcoholprobleem gehad, dus dat voorbeeld van daarnet, dat raakt me meer dan het zou moeten."),
        ("afw", "Ik speel in een orkest, ik wandel veel. Dat is echt mijn uitlaatklep."),
        ("burn", "Vooral de opstapeling, en het gevoel van onmacht."),
        ("burn", "En dan die dagen met alleen maar zware patiënten, als dat week na week gebeurt, dan brand je op."),
        ("mw", "De maatschappelijk werker in ons centrum, zonder twijfel."),
        ("coll", "Dat is eigenlijk een soort informele intervisie."),
        ("doorv", "De wachtlijsten. Overal."),
        ("psy", "Een enorme meerwaarde. Het is laagdrempelig, het is goedkoop, het is hier in huis."),
        ("tips", "Let op je planning. Dat is mijn belangrijkste tip, eigenlijk. Zorg dat je niet alle zware patiënten op één dag hebt.", "tip rond planning: geen subcode, misschien nieuwe code?"),
        ("grenzen", "En stel grenzen: een psychosociale consultatie mag een half uur duren, en dan is het gedaan."),
        ("doelen", "Soms is het genoeg dat iemand niet verder afglijdt."),
        ("nietalle", "En niet alles op jou nemen: je bent de huisarts, niet de redder van de wereld."),
    ],
    "HA11": [
        ("voorkeur", "Evenveel. Het is wat het is."),
        ("detect", "Wij zien het eerst, en wij moeten zien wat er nodig is."),
        ("laag", "Iemand die depressief is, komt niet naar de psychiater. Die komt naar ons."),
        ("bel", "Het is het zwaarste deel van het werk."),
        ("obj", "Dus je loopt uit, elke dag. En die mensen komen vaak terug, soms wekelijks."),
        ("invloed", "Dat gevoel van machteloosheid, dat is het ergste."),
        ("wederk", "Je steekt er tijd en energie in, en je krijgt niets terug. Geen inzet, geen verandering."),
        ("soort", "En de mensen met persoonlijkheidsproblemen. Die overschrijden je grenzen, die bellen constant, die worden boos als je niet meteen beschikbaar bent."),
        ("somat", "Dat zijn eigenlijk de moeilijkste, vind ik, omdat je zo op je hoede moet blijven."),
        ("uitd", "Dat geeft veel voldoening, meer dan veel somatische geneeskunde."),
        ("opgel", "Daar voel ik me niet altijd competent voor."),
        ("oneig", "De attesten, vooral."),
        ("oneig", "En dan moet je kiezen tussen de relatie met je patiënt en wat je eerlijk vindt."),
        ("emo", "Frustratie. Soms ergernis."),
        ("emo", "En ik merk dat ik het soms meeneem naar huis."),
        ("complex", "Dat is zo'n situatie waar je een doos opent en je krijgt ze niet meer dicht."),
        ("conc", "Als ik op één voormiddag drie of vier van die zware gesprekken heb, dan ben ik op."),
        ("verhog", "Kwetsbaarder: vermoeidheid."),
        ("empathie", "Ik probeer mij in te leven, te begrijpen wat iemand doormaakt, maar zonder het zelf te gaan dragen."),
        ("valk", "In het begin ging ik veel te ver mee."),
        ("burn", "Maar het emotionele werk, dat is wat je leegzuigt."),
        ("burn", "Ik heb zelf een periode gehad, een jaar of vijf geleden, dat ik het niet meer zag zitten."),
        ("mw", "Onze maatschappelijk werkers nemen veel over."),
        ("coll", "En als het echt niet meer gaat met een patiënt, dan kan je die doorgeven aan een collega."),
        ("psy", "Ja, een grote. Het is voor het eerst dat psychologische hulp betaalbaar is voor mensen hier."),
        ("doorv", "Vlotter doorverwijzen, dat zou het verschil maken."),
        ("psych", "We hebben nu af en toe een casusbespreking met een psychiater van het CGGZ, en dat helpt, maar dat zou vaker mogen."),
        ("nietalle", "Neem niet alles op je. Je kan niet iedereen redden."),
        ("grenzen", "Stel grenzen: in tijd, in bereikbaarheid, in wat je wel en niet doet."),
        ("doelen", "En pas je doelen aan. Niet genezing, maar een beetje beter."),
        ("afw", "En zoek iets buiten het werk. Ik fiets, elke zondag."),
    ],
    "EN01-pilot": [
        ("laag", "People come to us because we're the easiest door to knock on."),
        ("detect", "And my job is to notice what's going on, often behind a physical complaint, and then figure out where they should go next."),
        ("obj", "A psychosocial consultation never fits in fifteen minutes."),
        ("piloot", "With a chest infection, I can almost work on autopilot: history, examination, prescription, done. With someone in distress, there's no protocol."),
        ("energie", "It's a different kind of tiredness."),
        ("wederk", "The ones where it feels like a one-way street."),
        ("wederk", "When I'm the only one pulling, it wears me out."),
        ("somat", "And patients with lots of physical symptoms where we don't find anything."),
        ("oneig", "Sick notes, mainly."),
        ("emo", "Frustration, at times. Helplessness, quite often."),
        ("emo", "If someone is very anxious, I leave the room a bit on edge myself."),
        ("complex", "It was like opening Pandora's box: every question led to another problem."),
        ("opgel", "And I felt completely out of my depth."),
        ("herk", "She reminded me a bit of myself, I suppose, arriving in a new country on my own."),
        ("valk", "I learnt from that that too little distance doesn't actually help the patient."),
        ("doelen", "Now I think in small steps: can we stop things getting worse, can we find one thing the patient can do for themselves?"),
        ("coll", "We have a coffee together every morning before surgery and we talk about difficult cases."),
        ("burn", "I think emotional labour is underestimated as a cause of burn-out in general practice."),
        ("psy", "Definitely. It lowers the threshold, and it takes away the cost argument."),
        ("doorv", "If I knew I could get someone seen within two weeks, I could carry them for those two weeks."),
        ("mw", "We don't have a social worker either, which I really miss."),
        ("grenzen", "Set boundaries, kindly but clearly."),
        ("nietalle", "And don't take on every problem as your own: you're the doctor, you're not responsible for fixing their whole life."),
        ("empathie", "I'd also say: empathy, yes, but the clinical kind."),
    ],
}

SECOND_CODER = "Prof. Claes"

# The second coder follows Lotte's codings of these documents except where
# listed: None = not coded, a key = other code, (key, quote) = other code and/or span.
SECOND_CODER_CHANGES: dict[str, dict[str, str | tuple[str, str] | None]] = {
    "HA01": {
        "Je hebt mensen die elke week komen en eigenlijk geen vraag hebben, die gewoon willen praten.": "wederk",
        "Ik denk dat ik te empathisch ben, soms.": "valk",
        "Dat is zo'n verademing.": None,
        "Het team. En ervaring, ik merk dat ik het nu beter kan dan vijf jaar geleden.": None,
        "Die mensen komen ook veel vaker terug, soms elke week.": ("obj", "Die mensen komen ook veel vaker terug, soms elke week. Dat is puur qua tijd al zwaar."),
    },
    "HA02": {
        "Ik heb het besproken in onze intervisie.": None,
        "En dan moet jij de politieagent spelen.": None,
        "Ik merkte dat ik haar verhaal mee naar huis nam, dat ik er 's avonds aan dacht, dat ik boos werd op die man alsof het mijn eigen ex was.": "emo",
        "Het verschil tussen wat ik wil bereiken en wat de patiënt wil.": ("doel", "En drie... euh, dat is moeilijker om te zeggen. Het verschil tussen wat ik wil bereiken en wat de patiënt wil."),
    },
}

SECOND_CODER_EXTRA: dict[str, list[Entry]] = {
    "HA01": [
        ("emo", "Dan lig ik 's nachts te denken: heb ik wel genoeg gevraagd naar suïcidegedachten bij die mevrouw?"),
        ("opgel", "Ik heb dat allemaal moeten leren op het terrein, met vallen en opstaan."),
    ],
    "HA02": [
        ("burn", "Ik heb toen drie weken thuis gezeten."),
        ("draag", "Minder werken, eerst. Ik ben naar vier dagen gegaan.", "draagkracht of eerder burn-out?"),
    ],
}


@dataclass(frozen=True)
class Coding:
    """One row of ``codings.csv``: a span of a document with one code."""

    document: str
    code: str
    start: int
    end: int
    coder: str
    memo: str


def locate(document: str, text: str, quote: str) -> tuple[int, int]:
    """Return the span of ``quote`` in ``text``; exit naming the quote if absent or ambiguous."""
    if quote != quote.strip() or "\n" in quote:
        sys.exit(f"{document}: quote must be one line without outer spaces: {quote!r}")
    first = text.find(quote)
    if first < 0:
        sys.exit(f"{document}: quote not found: {quote!r}")
    if text.find(quote, first + 1) >= 0:
        sys.exit(f"{document}: quote occurs more than once: {quote!r}")
    return first, first + len(quote)


def _entry(document: str, text: str, entry: Entry, coder: str) -> Coding:
    key, quote, *rest = entry
    if key not in CODES:
        sys.exit(f"{document}: unknown code key {key!r}")
    start, end = locate(document, text, quote)
    return Coding(document, CODES[key], start, end, coder, rest[0] if rest else "")


def build_codings() -> list[Coding]:
    """All codings of all coders, in document and reading order."""
    codings: list[Coding] = []
    for document, entries in LOTTE.items():
        text = (HERE / f"{document}.txt").read_text(encoding="utf-8")
        codings.extend(_entry(document, text, e, "Lotte") for e in entries)
        if document not in SECOND_CODER_CHANGES:
            continue
        changes = SECOND_CODER_CHANGES[document]
        unknown = set(changes) - {e[1] for e in entries}
        if unknown:
            sys.exit(f"{document}: second-coder change for a quote Lotte did not code: {unknown}")
        second: list[Entry] = []
        for entry in entries:
            change = changes.get(entry[1], entry[0])
            if change is None:
                continue
            if isinstance(change, tuple):
                second.append(change)
            else:
                second.append((change, entry[1], *entry[2:]))
        second.extend(SECOND_CODER_EXTRA.get(document, []))
        second.sort(key=lambda e: locate(document, text, e[1]))
        codings.extend(_entry(document, text, e, SECOND_CODER) for e in second)
    return codings


def write_csv(codings: list[Coding], out: Path) -> None:
    """Write the codings with the columns ``qualcode code --from`` reads."""
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["document", "code", "start", "end", "coder", "memo"])
        for c in codings:
            writer.writerow([c.document, c.code, c.start, c.end, c.coder, c.memo])


if __name__ == "__main__":
    result = build_codings()
    write_csv(result, HERE / "codings.csv")
    print(f"{len(result)} codings written to {HERE / 'codings.csv'}")
