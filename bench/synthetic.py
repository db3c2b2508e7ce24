"""A deterministic synthetic corpus: N interviews of realistic size with speaker turns.

Used by every benchmark so figures are comparable between runs and machines.
The words are Dutch-looking interview filler, with the abbreviations,
ellipses and annotations that the sentence splitter must handle.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = (
    "ja euh dus de het een patiënt huisarts consultatie tijd zorg psychosociaal "
    "moeilijk zwaar vaak soms echt wel niet nooit altijd gesprek probleem "
    "collega praktijk wachtlijst psycholoog doorverwijzen luisteren grenzen "
    "energie frustratie onmacht attest klacht familie werk thuis avond week "
    "mensen vragen verhaal eigenlijk gewoon allee zo hè natuurlijk misschien"
).split()
QUESTIONS = (
    "Zie je psychosociale zorg als jouw rol?",
    "Wat maakt het voor jou zwaar?",
    "Kan je een voorbeeld geven van een recente patiënt?",
    "Wat helpt jou daarbij?",
    "Heb je tips voor collega's?",
)
EXTRAS = ("(lacht)", "o.b.v.", "bv.", "...", "enz.")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    if rng.random() < 0.15:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(EXTRAS))
    return " ".join(words).capitalize() + rng.choice(".?.!.")


def interview(number: int, words: int, seed: int = 0) -> str:
    """One interview of about ``words`` words, alternating I: and HA<n>: turns."""
    rng = random.Random(seed * 100_003 + number)
    lines = [f"Interview {number}", ""]
    count = 0
    while count < words:
        lines.append(f"I: {rng.choice(QUESTIONS)}")
        answer = " ".join(sentence(rng) for _ in range(rng.randint(3, 9)))
        lines.append(f"HA{number}: {answer}")
        count += len(answer.split()) + 6
    return "\n".join(lines) + "\n"


def write_corpus(directory: Path, count: int, words: int, seed: int = 0) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = directory / f"SYN{number:03d}.txt"
        path.write_text(interview(number, words, seed), encoding="utf-8")
        paths.append(path)
    return paths
