"""Number expressions in Arabic text: digits, number words, scales, ranges, fuzzy counts.

Works on the tokens of the normalized view (``text.tokens.fold_and_tokenize``), where
Arabic-Indic digits are already Western and spelling variants are folded. A number is read
from one or more tokens: «480», «1,200», «2.5», «الـ17» (a clitic on digits), «3 ملايين»,
«واحد وثلاثون», «ثلاثمئة وخمسون ألفا», «عشرات». Ranges join two numbers («15-20»، «من 400
حتى 550»، «25 أو 24»). Approximation markers are read by the claims stage, which knows the
words around the number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.resources import load_tsv
from khabar.text.normalize import normalize
from khabar.text.tokens import Token

LEXICONS = "extract/lexicons"
DIGITS = re.compile(r"^(?P<prefix>وال|بال|لل|ال|و|ب|ل|ف|ك)?(?P<number>\d+(?:[.,]\d+)*)$")
THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")
MAX_WORDS = 8  # number words in one compound («ثلاثمئة وخمسة وعشرون ألفا …»)


@dataclass(frozen=True)
class NumberWord:
    form: str
    value: float
    kind: str  # unit / teen / ten / hundred / scale / fuzzy


@dataclass(frozen=True)
class Number:
    """A number read from tokens ``first..last`` (inclusive)."""

    first: int
    last: int
    value: float
    fuzzy: bool = False  # «عشرات», «مئات»: an approximate count (ACLED's convention)
    words: bool = False  # written in words, not digits


@dataclass(frozen=True)
class Quantity:
    """One number or a range of two: what the claims stage builds a claim around."""

    first: int
    last: int
    value: float
    value_high: float | None
    fuzzy: bool
    words: bool


@cache
def number_words() -> dict[str, tuple[NumberWord, ...]]:
    """Folded number word (one or two words) → its readings: «آلاف» is a scale after a
    number («خمسة آلاف») and a fuzzy count alone («آلاف المواطنين»)."""
    found: dict[str, tuple[NumberWord, ...]] = {}
    for row in load_tsv(f"{LEXICONS}/number_words.tsv"):
        form = normalize(row["form"])
        found[form] = (*found.get(form, ()), NumberWord(form, float(row["value"]), row["kind"]))
    return found


def _word(form: str, kind: str | None = None) -> NumberWord | None:
    """The reading of a number word, of the given kind when asked (else the first listed)."""
    readings = number_words().get(form, ())
    return next((w for w in readings if kind is None or w.kind == kind), None)


def digits_value(form: str) -> float | None:
    """The value of a digit token, clitics («الـ17», «لـ3») and separators allowed."""
    match = DIGITS.match(form)
    if match is None:
        return None
    number = match.group("number")
    if THOUSANDS.match(number):
        return float(number.replace(",", ""))
    if number.count(".") + number.count(",") > 1:
        return None  # «1.2.3»: a version or a date, not a quantity
    return float(number.replace(",", "."))


def read_number(tokens: tuple[Token, ...], k: int) -> Number | None:
    """The number starting at token k, or None."""
    value = digits_value(tokens[k].form)
    if value is not None:
        last = k
        scale = _scale_after(tokens, k + 1)
        if scale is not None:
            value, last = value * scale.value, k + 1
        return Number(k, last, value)
    return _read_words(tokens, k)


def _scale_after(tokens: tuple[Token, ...], k: int) -> NumberWord | None:
    if k >= len(tokens):
        return None
    return _word(tokens[k].form, "scale")


def _read_words(tokens: tuple[Token, ...], k: int) -> Number | None:
    """«واحد وثلاثون», «ثلاث عشرة», «خمسة آلاف», «مئة وعشرون ألفا», «عشرات الآلاف»."""
    form = tokens[k].form
    if k + 1 < len(tokens):
        pair = _word(f"{form} {tokens[k + 1].form}", "fuzzy")
        if pair is not None:  # «عشرات الآلاف»
            return Number(k, k + 1, pair.value, fuzzy=True, words=True)
    fuzzy = _word(form, "fuzzy")
    if fuzzy is not None:  # «عشرات», and «آلاف» when no number comes before it
        return Number(k, k, fuzzy.value, fuzzy=True, words=True)
    first = _word(form)
    if first is None and form.startswith("و") and len(form) > 3:
        first = _word(form[1:])  # «وستة متدربين»: a number after «و» opens a new figure
    if first is None or first.kind == "fuzzy":
        return None
    if first.form in {"احد", "احدي"} and not (
            k + 1 < len(tokens) and (_word(tokens[k + 1].form) or NumberWord("", 0, "")).kind
            == "teen"):
        return None  # «أحد الجنود» is «one of», not a count; «أحد عشر» is 11
    total = 0.0
    current = 0.0
    last = k
    previous_kind = ""
    j = k
    while j < len(tokens) and j - k < MAX_WORDS:
        form = tokens[j].form
        joined = form.startswith("و") and _word(form) is None and _word(form[1:]) is not None
        bare = form[1:] if joined else form
        joined = joined and j > k
        entry = _word(bare, "scale") or _word(bare)
        if entry is None or entry.kind == "fuzzy":
            break
        if j > k and not joined and entry.kind not in {"teen", "scale", "hundred"}:
            break  # two numbers side by side, not one compound
        if entry.kind == "scale":
            if previous_kind == "scale" and not joined:
                break
            current = (current or 1) * entry.value
            total += current
            current = 0.0
        elif entry.kind == "hundred" and previous_kind == "unit" and not joined:
            current = current * 100 if entry.value == 100 else current + entry.value
        elif entry.kind == "teen" and previous_kind != "unit" and j > k and not joined:
            break
        else:
            current += entry.value
        previous_kind = entry.kind
        last = j
        j += 1
    if first.kind == "teen" and last == k and k > 0 and tokens[k - 1].form.startswith("ال"):
        return None  # «الخامس عشر»: an ordinal
    return Number(k, last, total + current, words=True)


@cache
def _group(name: str) -> frozenset[str]:
    return frozenset(normalize(row["form"]) for row in load_tsv(f"{LEXICONS}/number_context.tsv")
                     if row["group"] == name)


def context_words(group: str) -> frozenset[str]:
    """Folded words of one group of ``number_context.tsv`` (approximation markers, range
    joiners, labels, month names …)."""
    words = _group(group)
    if not words:
        raise KeyError(f"no number context words in group {group!r}")
    return words


def read_quantity(tokens: tuple[Token, ...], k: int) -> Quantity | None:
    """The number or range starting at token k: «15-20», «90 إلى 93», «25 أو 24»,
    «من 400 متر حتى 550»; a range's ends are ordered low to high."""
    number = read_number(tokens, k)
    if number is None:
        return None
    j = number.last + 1
    unit_gap = 0
    # «من 400 متر حتى 550 مترا»: one unit word may stand between the ends of a range; a
    # month may not («منذ 20 يوليو إلى 21 قتيلا»: a date, then a figure)
    if j + 1 < len(tokens) and tokens[j].form not in context_words("range_joiner") and \
            tokens[j].form not in context_words("month") and \
            tokens[j + 1].form in context_words("range_joiner"):
        unit_gap = 1
    joiner = j + unit_gap
    if joiner + 1 < len(tokens) and tokens[joiner].form in context_words("range_joiner"):
        other = read_number(tokens, joiner + 1)
        if other is not None and other.words == number.words and (
                tokens[joiner].form != "و" or (k > 0 and tokens[k - 1].form == "بين")):
            low, high = sorted((number.value, other.value))
            if low != high and (tokens[joiner].form != "-" or number.value < other.value):
                return Quantity(k, other.last, low, high, number.fuzzy, number.words)
    return Quantity(k, number.last, number.value, None, number.fuzzy, number.words)
