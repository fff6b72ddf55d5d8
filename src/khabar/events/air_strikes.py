"""Air strikes told by their aircraft: a strike verb whose subject is an aircraft.

Arabic reports often tell an air strike with a general verb and the aircraft as its
subject («قصفت مقاتلات التحالف رتلاً», «استهدفت المقاتلات التركية قرية زركلة», «نجحت
طائرات التحالف في تدمير الآليات»). Those verbs alone are no air strike («قصف» is shelling,
«استهدف» and «دمر» no event at all), so ``events/detect.py`` adds these matches to a
sentence's trigger words, ahead of every ``triggers.tsv`` row: the aircraft says what
the verb is.
"""

from __future__ import annotations

import re
from functools import cache

from khabar.resources import load_tsv
from khabar.text.phrases import PhraseMatch, PhraseTable, find_phrases, fold_phrase
from khabar.text.tokens import FoldedText

AIR_WORDS_FILE = "events/air_words.tsv"
AIR_STRIKE_CODES = ("Explosions/Remote violence", "Air/drone strike")
BEFORE_WORDS = 4  # words between an aircraft and its verb: «طائرات التحالف العربي في تدمير»
BREAK = re.compile(r"[.،,؛;:\n]")  # a subject before its verb is in its clause
FIRST_ROW = -1  # the trigger row order of these matches: ahead of every triggers.tsv row


@cache
def air_words() -> PhraseTable[str]:
    """Folded form → its kind: aircraft, verb or noun (``air_words.tsv``)."""
    return PhraseTable((fold_phrase(row["form"]), row["kind"])
                       for row in load_tsv(AIR_WORDS_FILE))


def aircraft_strikes(folded: FoldedText) -> list[PhraseMatch[tuple[int, str, str, str]]]:
    """The strike verbs of a sentence with an aircraft for subject, as trigger matches
    (row order, type, sub-type, no tail; ``detect.triggers``)."""
    words = find_phrases(folded, air_words())
    aircraft = [word for word in words if word.value == "aircraft"]
    found = []
    for verb in words:
        if verb.value == "aircraft" or not any(
                _subject_of(folded, plane, verb) for plane in aircraft):
            continue
        found.append(verb._replace(value=(FIRST_ROW, *AIR_STRIKE_CODES, "")))
    return found


def _subject_of(folded: FoldedText, plane: PhraseMatch, verb: PhraseMatch) -> bool:
    """Whether an aircraft is the subject of a strike word: right after a finite verb
    («قصفت مقاتلات»), or a few words before it in its clause («طيران التحالف استهدف»)."""
    if verb.value == "verb" and plane.first == verb.last + 1:
        return True
    between = verb.first - plane.last - 1
    return (0 <= between <= BEFORE_WORDS
            and not BREAK.search(folded.original, plane.end, verb.start))
