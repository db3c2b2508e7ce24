"""Invented interviews with planted identifiers of every kind, and what must be found."""

from __future__ import annotations

DUTCH = (
    "Interview met dokter Jan Peeters, 12 maart 2023\n"
    "\n"
    "I: Kan je iets vertellen over je praktijk?\n"
    "HA1: Ik werk in WGC De Sleep in Gent, samen met collega Lies Wouters. "
    "Mijn patiënte mevrouw De Smet (43 jaar) woont in de Kerkstraat 12 in Wondelgem.\n"
    "I: Hoe neemt ze contact op?\n"
    "HA1: Ze belde op 14/03/2023 naar 09 123 45 67 en mailde naar jan.peeters@example.be. "
    "Haar rijksregisternummer is 85.07.30-033.61, dat staat in het dossier.\n"
    "I: En daarna?\n"
    "HA1: Ze werd opgenomen in het UZ Gent. Peeters, dat ben ik, heb toen Lies gebeld. "
    "Haar zoon Tom Claeys is 17 jaar oud en woont in Brugge, in de Molenstraat 3.\n"
    "I: Dank je.\n"
    "HA1: Elke keer denk ik daar nog aan. Mijn gsm is 0470 12 34 56.\n"
)
ENGLISH = (
    "Interview with Dr. Sarah Miller, 5 February 2024\n"
    "\n"
    "I: Tell me about your practice.\n"
    "P1: I work at Riverside Practice in Manchester with my colleague Mr. Tom Baker. "
    "One patient, Mrs. Helen Carter, aged 52, lives at 14 Oak Tree Road.\n"
    "I: How did she reach you?\n"
    "P1: She called 0161 496 0000 on 03/02/2024 and wrote to helen.carter@example.org. "
    "Later she was admitted to St Mary's Hospital in Leeds.\n"
)

#: (text, kind) every detector run must find, per interview.
PLANTED_DUTCH = [
    ("Jan Peeters", "person"), ("Lies Wouters", "person"), ("De Smet", "person"),
    ("Tom Claeys", "person"), ("Peeters", "person"), ("Lies", "person"),
    ("Gent", "place"), ("Wondelgem", "place"), ("Brugge", "place"),
    ("Kerkstraat 12", "address"), ("Molenstraat 3", "address"),
    ("WGC De Sleep", "institution"), ("UZ Gent", "institution"),
    ("12 maart 2023", "date"), ("14/03/2023", "date"),
    ("43", "age"), ("17 jaar oud", "age"),
    ("09 123 45 67", "phone"), ("0470 12 34 56", "phone"),
    ("jan.peeters@example.be", "email"), ("85.07.30-033.61", "identifier"),
]
PLANTED_ENGLISH = [
    ("Sarah Miller", "person"), ("Tom Baker", "person"), ("Helen Carter", "person"),
    ("Manchester", "place"), ("Leeds", "place"), ("14 Oak Tree Road", "address"),
    ("Riverside Practice", "institution"), ("St Mary's Hospital", "institution"),
    ("5 February 2024", "date"), ("03/02/2024", "date"), ("52", "age"),
    ("0161 496 0000", "phone"), ("helen.carter@example.org", "email"),
]
