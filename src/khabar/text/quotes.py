"""Quote marks, and names set in them right after the noun that says what they are.

Arabic news quotes a name its reader may not know and puts its kind before it: «حي
"البوانيس"» is a place, «عملية "طوفان الكرامة"» an operation. The quote marks give where
the name starts and ends, which nothing else in unvowelled Arabic does. ``normalize`` folds
every quote mark to «"» or «'», so the patterns here read normalized text
(``normalize_with_offsets``, whose offsets lead back to the report).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from khabar.text.normalize import normalize
from khabar.text.search_form import proclitics

QUOTE_MARKS = "\"“”«»'‘’"
FOLDED_QUOTE_MARKS = frozenset(normalize(mark) for mark in QUOTE_MARKS)
NOT_IN_A_NAME = "\n.،,:؛"  # a quotation runs over these; a name does not


def quoted_after(heads: Iterable[str], max_chars: int) -> re.Pattern[str]:
    """A name in quote marks right after one of ``heads`` (normalized words), in normalized
    text: one proclitic allowed before the head, not the article («وحي "البوانيس"», «بمعسكر
    "بشر"»); group ``head`` is the head, group ``name`` the name, 2 to ``max_chars``
    characters with no quote mark, line break or «. ، , : ؛» in it."""
    glued = "|".join(re.escape(p) for p in proclitics() if "ال" not in p and p != "لل")
    alternatives = "|".join(map(re.escape, sorted(set(heads), key=len, reverse=True)))
    marks = re.escape("".join(sorted(FOLDED_QUOTE_MARKS)))
    return re.compile(
        rf"(?<!\w)(?:{glued})?(?P<head>{alternatives})\s+[{marks}]"
        rf"(?P<name>[^{marks}{re.escape(NOT_IN_A_NAME)}]{{2,{max_chars}}})[{marks}]")
