"""Word lists the detector relies on: first names, places, titles, street and institution words.

Lists, not models: they run offline, in milliseconds, and a researcher can
read exactly what is looked for. They cover Flanders, the Netherlands and
English-speaking interviews; whatever they miss the user adds on the review
screen (or with ``--add``), and docs/pseudonymisation.md says so plainly.
"""

from __future__ import annotations

FIRST_NAMES = frozenset("""
Aaron Adam Adriaan Aisha Alexander Alice Amber Amelie Amina Amy Ann Anna Anne Annelies Anneleen
Annemie Anouk Ans Anton Arne Arno Astrid Axel Bart Bas Bastiaan Ben Benjamin Bert Bettina Bianca
Bjorn Bram Brecht Brent Bruno Carla Carine Carl Caroline Cas Catherine Charlotte Chloe Chris
Christine Christophe Claire Claude Daan Daisy Daniel Daniëlle Danny David Davy Dennis Dieter Dirk
Dominique Dries Eddy Eline Elise Elke Ellen Els Emma Emiel Eric Erik Esther Eva Evelien Fatima
Femke Filip Fien Frank Frans Frederik Freya Geert Gert Gilles Greet Griet Guido Gust Hanne Hannah
Hans Hendrik Hilde Ilse Ines Inge Ingrid Iris Jan Jana Jasper Jef Jelle Jens Jeroen Jessica Joke
Joost Joris Jozef Julie Karel Karen Karin Katrien Kaat Kevin Kim Koen Kris Kristof Lara Laura
Lauren Lena Leen Lene Lien Lies Liesbeth Lieve Linda Lisa Lore Lotte Louis Louise Luc Lucas Lucy
Luk Maarten Manon Marc Marco Margot Maria Marie Mariska Mark Marleen Martine Mathias Mats Matthias
Max Mehmet Michel Michiel Mieke Mila Mohamed Myriam Nadia Nathalie Nele Niels Nina Noah Noor Olivia
Pascal Patrick Paul Peter Petra Philip Pieter Pim Rik Robbe Robin Roel Ruben Rudi Sam Sandra Sander
Sara Sarah Sien Simon Sofie Sophie Stef Stefaan Stefan Stijn Tamara Thomas Tim Tine Tom Tijs Valerie
Veerle Vincent Wim Wout Yasmine Yves Zoë Jack James John Joseph Mary Michael Robert Sarah Susan
William Elizabeth Jennifer Richard Charles George Oliver Harry Jacob Emily Jessica Rachel Rebecca
Helen Karen Margaret Patricia Linda Barbara Nancy Steven Andrew Kenneth Kate Lucy Grace Ella
""".split())

#: Words that join the parts of a surname ("Van Damme", "de Vries", "van der Berg").
PARTICLES = frozenset(
    "van de der den ter te ten 't vande vanden op in het la le du di da von".split()
)

#: Titles and forms of address before a name; a GP title gives a "[Huisarts n]" pseudonym.
PERSON_TITLES = (
    "mevrouw", "mevr.", "mevr", "meneer", "mijnheer", "dhr.", "dhr", "mr.", "mr", "mrs.", "mrs",
    "ms.", "ms", "miss", "collega", "patiënt", "patiënte", "patient", "zuster", "nurse",
    "professor", "prof.", "prof",
)
GP_TITLES = ("dokter", "dr.", "dr", "huisarts", "doctor")

#: Places the detector knows by name: Flemish municipalities, the districts and some
#: neighbourhoods of Ghent and Antwerp, Brussels' municipalities, large Walloon, Dutch and
#: British towns. Names that are also everyday words ("As", "Ham", "Boom", "Peer", "Landen",
#: "Laken") or surnames ("Damme", "Vorst") are left out: a capitalised word at the start of a
#: sentence would match. For Dutch projects deduce adds every Dutch municipality and residence
#: (qualcode.pseudonymise.dutch).
PLACES = frozenset("""
Aalst Aalter Antwerpen Arlon Asse Beveren Blankenberge Bornem Brasschaat Brugge Brussel
Deinze Dendermonde Destelbergen Diest Drongen Eeklo Evergem Genk Gent Geel Gentbrugge Geraardsbergen
Halle Harelbeke Hasselt Heist Herentals Hoboken Ieper Kortrijk Knokke Ledeberg Leuven Lier Lokeren
Lochristi Liège Luik Mariakerke Mechelen Melle Menen Merelbeke Mol Namen Namur Nazareth Ninove
Oostende Oudenaarde Poperinge Roeselare Ronse Sint-Amandsberg Sint-Martens-Latem Sint-Niklaas
Sint-Truiden Temse Tielt Tienen Tongeren Torhout Turnhout Veurne Vilvoorde Waregem Wetteren
Wevelgem Wondelgem Zelzate Zele Zottegem Zwijnaarde Oostakker Gentse Brugse Antwerpse
Amsterdam Rotterdam Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen Arnhem Haarlem
Enschede Maastricht Leiden Dordrecht Zwolle Delft Deventer Middelburg Vlissingen
London Manchester Birmingham Leeds Bristol Liverpool Sheffield Glasgow Edinburgh Cardiff Belfast
Dublin Oxford Cambridge York Brighton Nottingham Leicester Coventry Newcastle Southampton
""".split()) | frozenset("""
Alveringem Anzegem Ardooie Avelgem Beernem Bredene Deerlijk Dentergem Diksmuide
Gistel Heuvelland Hooglede Houthulst Ichtegem Ingelmunster Izegem Jabbeke Knokke-Heist Koekelare
Koksijde Kortemark Kuurne Langemark-Poelkapelle Ledegem Lendelede Lichtervelde Lo-Reninge Mesen
Meulebeke Middelkerke Moorslede Nieuwpoort Oostkamp Oostrozebeke Oudenburg Pittem Ruiselede
Spiere-Helkijn Staden Vleteren Wervik Wielsbeke Wingene Zedelgem Zonnebeke Zuienkerke Zwevegem
Assenede Berlare Brakel Buggenhout Denderleeuw Erpe-Mere Gavere Haaltert Hamme Herzele Horebeke
Kaprijke Kluisbergen Knesselare Kruibeke Kruishoutem Kruisem Laarne Lebbeke Lede Lierde Lievegem
Lovendegem Maarkedal Maldegem Moerbeke Nevele Oosterzele Sint-Gillis-Waas Sint-Laureins
Sint-Lievens-Houtem Stekene Waarschoot Waasmunster Wachtebeke Wichelen Wortegem-Petegem Zingem
Zomergem Zulte Zwalm Sint-Denijs-Westrem Afsnee Desteldonk Mendonk Sint-Kruis-Winkel
Aartselaar Arendonk Baarle-Hertog Beerse Berlaar Boechout Bonheiden Borsbeek Dessel Duffel
Edegem Essen Grobbendonk Heist-op-den-Berg Hemiksem Herenthout Herselt Hoogstraten Hove Hulshout
Kalmthout Kapellen Kasterlee Kontich Laakdal Lille Malle Meerhout Merksplas Mortsel Niel Nijlen
Olen Oud-Turnhout Putte Puurs Ranst Ravels Retie Rijkevorsel Rumst Schelle Schilde Schoten
Sint-Amands Sint-Katelijne-Waver Stabroek Vorselaar Vosselaar Westerlo Wijnegem Willebroek
Wommelgem Wuustwezel Zandhoven Zoersel Zwijndrecht Berchem Borgerhout Deurne Ekeren Merksem
Wilrijk Berendrecht Aarschot Affligem Beersel Begijnendijk Bekkevoort Bertem Bierbeek
Boortmeerbeek Boutersem Dilbeek Drogenbos Galmaarden Geetbets Glabbeek Gooik Grimbergen Haacht
Herent Herne Hoegaarden Hoeilaart Holsbeek Huldenberg Kampenhout Kapelle-op-den-Bos Keerbergen
Kortenaken Kortenberg Kraainem Lennik Liedekerke Linkebeek Linter Londerzeel Lubbeek Machelen Meise
Merchtem Opwijk Oud-Heverlee Overijse Pepingen Roosdaal Rotselaar Scherpenheuvel-Zichem
Sint-Genesius-Rode Sint-Pieters-Leeuw Steenokkerzeel Ternat Tervuren Tielt-Winge Tremelo Wemmel
Wezembeek-Oppem Zaventem Zemst Zoutleeuw Heverlee Kessel-Lo Alken Beringen Bilzen Bocholt Borgloon
Bree Diepenbeek Dilsen-Stokkem Gingelom Hamont-Achel Hechtel-Eksel Heers Herk-de-Stad Herstappe
Heusden-Zolder Hoeselt Houthalen-Helchteren Kinrooi Kortessem Lanaken Leopoldsburg Lommel Lummen
Maaseik Maasmechelen Meeuwen-Gruitrode Neerpelt Nieuwerkerken Opglabbeek Overpelt Pelt Oudsbergen
Riemst Tessenderlo Voeren Wellen Zonhoven Zutendaal Anderlecht Elsene Etterbeek Evere Ganshoren
Koekelberg Oudergem Schaarbeek Sint-Agatha-Berchem Sint-Gillis Sint-Jans-Molenbeek Molenbeek
Sint-Joost-ten-Node Sint-Lambrechts-Woluwe Sint-Pieters-Woluwe Ukkel Watermaal-Bosvoorde
Charleroi Mons Doornik Tournai Moeskroen Mouscron Waver Wavre Nijvel Nivelles Verviers Seraing
Eupen Aarlen Bastenaken Ottignies Louvain-la-Neuve
Muide Rabot Dampoort Bloemekenswijk Macharius Heirnis Watersportbaan Kiel Linkeroever
""".split()) | {"De Haan", "De Panne", "Den Haag", "Brugse Poort", "Nieuw Gent"}

#: Street name endings (Dutch ones are part of the word: "Kerkstraat").
STREET_ENDINGS = (
    "straat", "laan", "weg", "plein", "dreef", "steenweg", "kaai", "lei", "dijk", "markt", "gracht",
    "singel", "baan", "hof", "pad", "steeg", "kade", "wal",
)
STREET_WORDS = ("Street", "Road", "Avenue", "Lane", "Drive", "Close", "Square", "Way", "Place")

#: Words that start an institution's name ("WGC De Sleep", "UZ Gent", "St Mary's Hospital").
INSTITUTION_STARTS = {
    "WGC": "practice", "wijkgezondheidscentrum": "practice", "Wijkgezondheidscentrum": "practice",
    "huisartsenpraktijk": "practice", "Huisartsenpraktijk": "practice", "praktijk": "practice",
    "Praktijk": "practice", "groepspraktijk": "practice", "Groepspraktijk": "practice",
    "AZ": "hospital", "UZ": "hospital", "ziekenhuis": "hospital", "Ziekenhuis": "hospital",
    "kliniek": "hospital", "Kliniek": "hospital", "PC": "hospital", "CGG": "practice",
    "school": "school", "School": "school", "basisschool": "school", "Basisschool": "school",
    "college": "school", "College": "school", "atheneum": "school", "Atheneum": "school",
}
INSTITUTION_ENDS = {
    "Hospital": "hospital", "Clinic": "hospital", "Practice": "practice",
    "Surgery": "practice", "School": "school", "College": "school", "Ziekenhuis": "hospital",
}

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december", "january", "february", "march", "may", "june", "july",
    "august", "october", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "oct", "nov", "dec",
)

#: First names that are also everyday words ("Elke keer", "Ben je", "Will you"): taken as a
#: name only with a surname after them or a title before them.
WORD_NAMES = frozenset("Elke Ben Will May Mark Bill Rob Roos Hoop Grace Rose Bart Jack Sam".split())
