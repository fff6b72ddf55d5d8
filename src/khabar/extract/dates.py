"""Dates in Arabic news reports: absolute dates, dates relative to publication, and datelines.

Reads the folded tokens of a text (``text.tokens.fold_and_tokenize``) with the words of
``lexicons/date_words.tsv``; every mention points into the original text. Own rules, not
dateparser: on the phrase list of the tests dateparser misses the paired month «مايو/أيار»,
reads «أمس الأحد» as two dates, resolves «الرابع من أبريل الماضي» to the wrong day and
«الساعة 10» to a date (``dev/dates/score.py phrases`` measures both).

Conventions, since a report rarely says which day it means:

- A year left out is the publication year; with «الماضي» the latest such month before the
  publication month, with «المقبل» the next one after it. Without a marker a date more than
  ``FUTURE_GRACE`` after publication is last year's: news reports past events, though a
  meeting or a deadline a few weeks ahead is often named without its year.
- A weekday alone («الأحد»، «يوم الأحد»، «مساء الأحد») is its latest occurrence on or before
  publication (with «الماضي» strictly before it, with «المقبل» strictly after).
- A weekday named with a relative day («أمس الأحد», «اليوم (الاثنين)») is checked against it.
  When they disagree (``weekday_ok=False``) the named weekday wins: its occurrence nearest the
  relative day, never after publication for a past word («أمس»). The reporter wrote the
  weekday on the day of writing; the publication date of the metadata is what is often a
  day off (print editions dated the next morning, UTC against local time, crawl dates).
- «مطلع/منتصف/أواخر مايو» and «نهاية العام الماضي» keep the precision of the period they
  narrow (month, year): the thirds of a month are loose in news usage, and a consumer needs
  the span it can trust. «غرة رمضان» is the first day.
- A week is a Sunday-to-Saturday calendar week, as the Arabic weekday names count from
  الأحد (the first); its ``value`` is its first day and ``end_value`` its last. A period
  ending at publication («الأيام الماضية», «قبل أيام») runs from ``value`` to ``end_value``.
- Hijri months and years are recognised and keep ``value=None``: converting them needs the
  Umm al-Qura tables, which no installed library provides.
- «الشهر نفسه», «اليوم التالي» and «قبل ذلك بعام» count from the date mentioned last.
- A Hijri date followed by «الموافق» and its Gregorian date is one mention, valued by the
  Gregorian date (the Saudi agency dateline «الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م»).
- A bare four-digit number is a year only after «عام»/«سنة», a preposition («في 2011») or
  before «م»/«هـ»; «8/5» is a day and month only after a word that asks for a date («في»,
  «يوم», a weekday), since «1 / 1» is as often a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache

from khabar.extract.numbers import DIGITS, context_words, number_words, read_number
from khabar.model import Article
from khabar.resources import load_tsv
from khabar.text.normalize import normalize
from khabar.text.tokens import FoldedText, fold_and_tokenize

LEXICONS = "extract/lexicons"
YEARS = (1900, 2100)  # a bare four-digit number after «في»/«منذ» is a year in this range
NAMED_YEARS = (1000, 2100)  # after «عام»/«سنة» or before «م»
HIJRI_YEARS = (1300, 1500)  # before «هـ»
FUTURE_GRACE = timedelta(days=31)
PRECISIONS = ("day", "week", "month", "year")  # finest first
MARKS = frozenset("\u0640\u0670" + "".join(chr(c) for c in range(0x064B, 0x0660)))
HEAD_LINES = 6  # a dateline stands in the first lines of a page
DATELINE_WORDS = 3  # words besides the date on a dateline («الأحد … - 10:30 ص»)
# Kinds whose words may carry a one-letter preposition («بعام», «لشهر», «بيوم»); other words
# only when they start with the article («بالأمس»): «لامس» is not ل + «أمس».
PREPOSITION_KINDS = frozenset({"year_word", "unit_noun", "unit_plural", "period", "month",
                               "month_noun", "daytime"})


@dataclass(frozen=True)
class DateMention:
    """A date written in a text. ``text == original[start:end]``; ``value`` is ISO at the
    precision (``YYYY-MM-DD`` for day and week, ``YYYY-MM``, ``YYYY``) or None when it
    cannot be resolved (no publication date, a Hijri date, an event-relative count)."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str  # day / week / month / year
    kind: str  # absolute / relative
    weekday_ok: bool | None = None  # None: no weekday named, or no date to check it against
    end_value: str | None = None  # last day or year of a period («في 2012 و2013»)


@dataclass(frozen=True)
class DateWord:
    form: str  # folded, words joined by one space
    kind: str
    value: str
    unit: str
    alone: bool


@dataclass(frozen=True)
class _Found:
    """A date read from tokens ``first..last``; dates, not strings, until it is output."""

    first: int
    last: int
    value: date | None
    precision: str
    kind: str = "absolute"
    weekday_ok: bool | None = None
    end: date | None = None
    weekday: int | None = None  # ISO weekday named with the date, for «الموافق» pairs


@cache
def date_words() -> dict[str, tuple[DateWord, ...]]:
    """Folded form → its readings («اليوم» is a day word and a period noun)."""
    found: dict[str, tuple[DateWord, ...]] = {}
    for row in load_tsv(f"{LEXICONS}/date_words.tsv"):
        form = " ".join(normalize(row["form"]).split())
        word = DateWord(form, row["kind"], row["value"], row["unit"], row["alone"] == "yes")
        if word not in found.get(form, ()):
            found[form] = (*found.get(form, ()), word)
    return found


@cache
def _first_words() -> frozenset[str]:
    return frozenset(form.split()[0] for form in date_words())


@cache
def _longest() -> int:
    return max(len(form.split()) for form in date_words())


@cache
def _counting_words() -> frozenset[str]:
    """Nouns and units a number counts («في 2000 حالة»): such a number is no year."""
    forms = [row["form"] for row in load_tsv(f"{LEXICONS}/counted_nouns.tsv")]
    forms += [row["form"] for row in load_tsv(f"{LEXICONS}/units.tsv")]
    return frozenset(normalize(form).split()[0] for form in forms)


def _bare_forms(form: str) -> list[tuple[str, bool]]:
    """The form, then without «و»/«ف», then without a preposition too («وبالأمس» → «الامس»);
    the flag says a preposition was taken off."""
    forms = [(form, False)]
    head = form
    if len(head) > 2 and head[0] in "وف":
        head = head[1:]
        forms.append((head, False))
    if len(head) > 2 and head[0] in "بلك":
        # «للعام» is ل + «العام», its alef dropped in writing
        forms.append(("ال" + head[2:] if head.startswith("لل") else head[1:], True))
    return forms


def _int(form: str) -> tuple[int, int] | None:
    """A plain whole number and its digit count, a proclitic allowed («و2013», «الـ8»)."""
    match = DIGITS.match(form)
    if match is None or not match.group("number").isdigit():
        return None
    number = match.group("number")
    return int(number), len(number)


@dataclass
class _Reader:
    """One pass over a text's tokens, with the dates already read for anaphora."""

    folded: FoldedText
    published: date | None
    anchors: dict[str, date] = field(default_factory=dict)  # precision → latest date
    _memo: dict[int, list[tuple[DateWord, int]]] = field(default_factory=dict)
    forms: list[str] = field(init=False)
    size: int = field(init=False)

    def __post_init__(self) -> None:
        self.forms = [token.form for token in self.folded.tokens]
        self.size = len(self.forms)

    def form(self, k: int) -> str:
        return self.forms[k] if 0 <= k < self.size else ""

    def may_start(self, k: int) -> bool:
        """Whether a date can start at token k: a date word, a number, a bracket, or a word
        before a number («في 2011»). Most tokens are none of these; skipping them is the
        reader's main saving."""
        form = self.forms[k]
        return form == "(" or any(c.isdigit() for c in form) or bool(self.words(k)) or (
            k + 1 < self.size and any(c.isdigit() for c in self.forms[k + 1]))

    def words(self, k: int) -> list[tuple[DateWord, int]]:
        """Lexicon words starting at token k, longest first, with their last token."""
        if k in self._memo:
            return self._memo[k]
        found: list[tuple[DateWord, int]] = []
        if 0 <= k < self.size:
            bare = _bare_forms(self.form(k))
            if any(form in _first_words() for form, _ in bare):
                for width in range(min(_longest(), self.size - k), 0, -1):
                    rest = [self.form(j) for j in range(k + 1, k + width)]
                    for form, stripped in bare:
                        for word in date_words().get(" ".join([form, *rest]), ()):
                            if not stripped or word.kind in PREPOSITION_KINDS or \
                                    form.startswith("ال"):
                                found.append((word, k + width - 1))
        self._memo[k] = found
        return found

    def word(self, k: int, *kinds: str) -> tuple[DateWord, int] | None:
        return next(((w, last) for w, last in self.words(k) if w.kind in kinds), None)

    def remember(self, found: _Found) -> None:
        if found.value is None:
            return
        for precision in PRECISIONS[PRECISIONS.index(found.precision):]:
            self.anchors[precision] = found.value


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date mention of a text, resolved against its publication date when given."""
    folded = fold_and_tokenize(text)
    return [_mention(folded, found) for found in _scan(folded, published)]


def _scan(folded: FoldedText, published: date | None) -> list[_Found]:
    reader = _Reader(folded, published)
    found_all: list[_Found] = []
    k = 0
    while k < reader.size:
        found = _at(reader, k) if reader.may_start(k) else None
        if found is None:
            k += 1
            continue
        found_all.append(found)
        reader.remember(found)
        k = found.last + 1
    return found_all


def _mention(folded: FoldedText, found: _Found) -> DateMention:
    start, end = folded.span(found.first, found.last)
    original = folded.original
    while end < len(original) and original[end] in MARKS:
        end += 1  # «غداً», «هـ»: the marks after the last letter belong to the word
    return DateMention(start, end, original[start:end], _iso(found.value, found.precision),
                       found.precision, found.kind, found.weekday_ok,
                       _iso(found.end, found.precision))


def _iso(value: date | None, precision: str) -> str | None:
    if value is None:
        return None
    if precision in ("day", "week"):
        return value.isoformat()
    return f"{value.year:04d}-{value.month:02d}" if precision == "month" else f"{value.year:04d}"


def _at(r: _Reader, k: int) -> _Found | None:
    """The date starting at token k, tried from the most specific reading to the loosest."""
    j = k
    while (daytime := r.word(j, "daytime")) is not None and j - k < 2:
        j = daytime[1] + 1  # «مساء يوم الأحد»
    if j > k:
        found = _day_phrase(r, j)
        return replace(found, first=k) if found is not None and found.precision == "day" \
            else None
    part = r.word(k, "part")
    if part is not None:
        found = _part_of(r, k, part)
        if found is not None:
            return found
    return (_day_phrase(r, k) or _month_phrase(r, k) or _year(r, k) or _period(r, k)
            or _recent(r, k) or _ago(r, k))


def _day_phrase(r: _Reader, k: int) -> _Found | None:
    found = _weekday_phrase(r, k) or _day_word(r, k) or _numeric(r, k) or _day_month(r, k)
    return _agreed(r, found) if found is not None else None


def _agreed(r: _Reader, found: _Found) -> _Found:
    """«10 شوال 1436هـ الموافق 26 يوليو 2015م», «الثلاثاء 12/10/1436هـ الموافق 27/7/2015»:
    a Hijri date and the Gregorian date it corresponds to are one mention, valued and its
    weekday checked by the Gregorian date."""
    if found.precision != "day" or found.value is not None:
        return found
    j = found.last + 1 + (r.form(found.last + 1) in (")", ",", "،"))
    agree = r.word(j, "agree")
    if agree is None:
        return found
    j = agree[1] + 1 + (r.form(agree[1] + 1) == "ل")
    bracket = r.form(j) == "("
    other = _numeric(r, j + bracket, cued=True) or _day_month(r, j + bracket)
    if other is None or other.value is None or other.precision != "day":
        return found
    last = other.last + (bracket and r.form(other.last + 1) == ")")
    ok = None if found.weekday is None else other.value.isoweekday() == found.weekday
    return replace(other, first=found.first, last=last, weekday_ok=ok, weekday=found.weekday)


# --- relative days and weekdays ---------------------------------------------------------

def _day_word(r: _Reader, k: int) -> _Found | None:
    """«اليوم», «أمس», «أول أمس», «غدا», with a weekday after it checked («أمس الأحد»)."""
    hit = r.word(k, "day_word")
    if hit is None:
        return None
    word, last = hit
    offset = int(word.value)
    if offset == 0 and (_is_other_day(r, last + 1) or r.word(k - 1, "today_name")):
        return None  # «اليوم الأول», «اليوم نفسه», «روسيا اليوم»
    day = _add_days(r.published, offset)
    named = _weekday_after(r, last + 1)
    if named is None:
        return _Found(k, last, day, "day", "relative")
    weekday, last = named
    if day is None:
        return _Found(k, last, None, "day", "relative", None)
    if day.isoweekday() == weekday:
        return _Found(k, last, day, "day", "relative", True)
    latest = r.published if offset < 0 else None
    return _Found(k, last, _nearest_weekday(day, weekday, latest), "day", "relative", False)


def _is_other_day(r: _Reader, j: int) -> bool:
    """After «اليوم», an ordinal («الأول»), «نفسه»/«التالي», a listed adjective («الذي»,
    «الأخير») or a nisba adjective («الوطني», «الدراسي») makes it a day other than today; a
    noun does not («أعلن اليوم الجيش …», verb-subject order)."""
    form = r.form(j)
    if r.word(j, "same", "following", "marker", "ordinal", "other_day"):
        return True
    return form == "ال" or (form.startswith("ال") and form.endswith("ي") and len(form) >= 5)


def _weekday_after(r: _Reader, j: int) -> tuple[int, int] | None:
    """A weekday at token j, bare or in brackets («اليوم (الاثنين)»): (ISO day, last token)."""
    if r.form(j) == "(":
        hit = r.word(j + 1, "weekday")
        if hit is not None and r.form(hit[1] + 1) == ")":
            return int(hit[0].value), hit[1] + 1
        return None
    hit = r.word(j, "weekday")
    return (int(hit[0].value), hit[1]) if hit is not None else None


def _weekday_phrase(r: _Reader, k: int) -> _Found | None:
    """«الأحد», «الأحد الماضي», «(الاثنين)», and «الأحد 8 مايو 2018» with the weekday checked."""
    named = _weekday_after(r, k)
    if named is None or _recurring(r, k):
        return None
    weekday, last = named
    direction = 0
    marker = r.word(last + 1, "marker")
    if marker is not None and marker[0].value in ("-1", "1"):
        direction, last = int(marker[0].value), marker[1]
    else:
        j = last + 1
        if r.form(j) in (",", "،"):
            j += 1
        agree = r.word(j, "agree")
        if agree is not None:
            j = agree[1] + 1 + (r.form(agree[1] + 1) == "ل")
        dated = _numeric(r, j, cued=True) or _day_month(r, j)
        if dated is not None and dated.precision == "day":
            ok = None if dated.value is None else dated.value.isoweekday() == weekday
            return replace(dated, first=k, weekday_ok=ok, weekday=weekday)
    return _Found(k, last, _weekday_date(r.published, weekday, direction), "day", "relative",
                  True)


def _recurring(r: _Reader, k: int) -> bool:
    """«صلاة الجمعة», «يومي الثلاثاء والخميس», «كل جمعة»: a weekday that recurs is no date."""
    if r.word(k - 1, "weekday_blocker"):
        return True
    return r.word(k - 1, "weekday") is not None and _recurring(r, k - 1)


def _weekday_date(published: date | None, weekday: int, direction: int) -> date | None:
    """The weekday's latest occurrence on or before publication; strictly before it for -1
    («الأحد الماضي»), the next one after it for 1 («الأحد المقبل»)."""
    if published is None:
        return None
    if direction > 0:
        return _add_days(published, (weekday - published.isoweekday()) % 7 or 7)
    back = (published.isoweekday() - weekday) % 7
    return _add_days(published, -(back or (7 if direction < 0 else 0)))


def _nearest_weekday(day: date, weekday: int, latest: date | None) -> date | None:
    """The occurrence of a weekday within three days of a day; the one before when that one
    would be after ``latest``."""
    shift = (weekday - day.isoweekday() + 3) % 7 - 3
    found = _add_days(day, shift)
    if found is not None and latest is not None and found > latest:
        found = _add_days(found, -7)
    return found


# --- absolute dates ---------------------------------------------------------------------

def _numeric(r: _Reader, k: int, cued: bool = False) -> _Found | None:
    """«2018/5/8», «8-5-2018», «2018-05-08», «8.5.2018», «1436/10/30هـ» (Hijri: no value),
    and «8/5» (day/month, year inferred) where a word before it asks for a date («في»,
    «يوم», a weekday: ``cued``), since «1 / 1» is as often a score or a fraction."""
    first = _int(r.form(k))
    if first is not None:
        parts, last = [first], k
        separator = r.form(k + 1)
        while len(parts) < 3 and separator in ("/", "-") and r.form(last + 1) == separator \
                and r.form(last + 2).isdigit():
            parts.append((int(r.form(last + 2)), len(r.form(last + 2))))
            last += 2
    else:
        dotted = r.form(k).split(".")
        if len(dotted) != 3 or not all(part.isdigit() for part in dotted):
            return None
        parts, last, separator = [(int(part), len(part)) for part in dotted], k, "."
    if r.form(last + 1) in ("/", "-", ".") and r.form(last + 2).isdigit():
        return None  # «1/2/3/4»: a reference number
    if len(parts) == 3:
        (a, a_digits), (b, _), (c, c_digits) = parts
        year, day = (a, c) if a_digits == 4 else (c, a) if c_digits == 4 else (0, 0)
        era = r.word(last + 1, "era")
        last = era[1] if era is not None else last
        if HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1] or (era and era[0].unit == "hijri"):
            valid = 1 <= b <= 12 and 1 <= day <= 30
            return _Found(k, last, None, "day") if valid else None
        value = _date(year, b, day) if NAMED_YEARS[0] <= year <= NAMED_YEARS[1] else None
        return _Found(k, last, value, "day") if value is not None else None
    if len(parts) != 2 or separator != "/" or parts[0][1] > 2 or parts[1][1] > 2:
        return None  # «15-20» is a range or a score, not a date
    (day, _), (month, _) = parts
    cued = cued or _preposition(r, k - 1) or bool(r.word(k - 1, "daytime", "weekday",
                                                          "dateline", "agree"))
    if not cued or not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return _Found(k, last, _infer(r.published, month, day, None), "day")


def _preposition(r: _Reader, k: int) -> bool:
    """«في», «منذ», «حتى» … before a number that may be a year or a date («وفي 2011»)."""
    return any(form in context_words("year_preposition") for form, _ in _bare_forms(r.form(k)))


def _day_month(r: _Reader, k: int) -> _Found | None:
    """«8 مايو 2018», «8 مايو/أيار», «الرابع من أبريل الماضي», «الخامس عشر من الشهر نفسه»."""
    number = _int(r.form(k))
    if number is not None and number[1] <= 2:
        day, last = number[0], k
    elif (ordinal := r.word(k, "ordinal")) is not None:
        day, last = int(ordinal[0].value), ordinal[1]
    else:
        return None
    if not 1 <= day <= 31 or r.word(k - 1, "name_before"):
        return None  # «ثورة 17 فبراير» names the revolution, not a day
    j = last + 1 + (r.form(last + 1) in ("من", "/", "-"))  # «7 / يوليو / 2015»
    if r.word(j, "month_noun") and r.word(j + 1, "month"):
        j += 1  # «الثلاثين من شهر سبتمبر»
    named = _month_name(r, j)
    if named is not None:
        month, hijri, _, last = named
        year, marker, last = _year_after(r, last + 1, hijri, last)
        if hijri:
            return _Found(k, last, None, "day")
        if year is None:
            return _Found(k, last, _infer(r.published, month, day, marker), "day")
        return _Found(k, last, _date(year, month, day), "day")
    relative = _period(r, j)
    if relative is None or relative.precision != "month":
        return None
    value = None if relative.value is None else _date(relative.value.year,
                                                     relative.value.month, day)
    return _Found(k, relative.last, value, "day", "relative")


def _month_name(r: _Reader, j: int) -> tuple[int, bool, bool, int] | None:
    """A month name at token j and its pair («مايو/أيار», «أيار (مايو)», «أغسطس (آب)»):
    (month, hijri, alone, last token). A pair is a date alone whatever its words."""
    hit = r.word(j, "month")
    if hit is None:
        return None
    word, last = hit
    month, hijri = int(word.value), word.unit == "hijri"
    mark = r.form(last + 1)
    at = last + 2 if mark in ("/", "-", "(") else last + 1
    other = r.word(at, "month")
    if other is not None and other[0].value == word.value and other[0].unit == word.unit:
        if mark != "(":
            return month, hijri, True, other[1]
        if r.form(other[1] + 1) == ")":
            return month, hijri, True, other[1] + 1
    return month, hijri, word.alone, last


def _year_after(r: _Reader, j: int, hijri: bool,
                last: int) -> tuple[int | None, int | None, int]:
    """After a month: its year («2018», «عام 2018», «/ 2015», «من العام الماضي») or a marker
    («الماضي»): (year or None, marker offset or None, last token)."""
    if r.form(j) in ("/", "-") and r.form(j + 1).isdigit():
        j += 1
    at = j + (r.form(j) == "من")
    year_word = r.word(at, "year_word")
    number = _int(r.form(year_word[1] + 1 if year_word else j))
    low, high = HIJRI_YEARS if hijri else NAMED_YEARS
    if number is not None and number[1] == 4 and low <= number[0] <= high:
        last = year_word[1] + 1 if year_word else j
        era = r.word(last + 1, "era")
        return number[0], None, era[1] if era is not None else last
    period = _period(r, at) if r.form(j) == "من" else None
    if period is not None and period.precision == "year" and period.value is not None:
        return period.value.year, None, period.last  # «أبريل من العام الماضي»
    marker = r.word(j, "marker")
    if marker is not None:
        return None, int(marker[0].value), marker[1]
    return None, None, last


def _infer(published: date | None, month: int, day: int | None,
           marker: int | None) -> date | None:
    """The date of a day and month written without a year (see the module's conventions):
    marker -1 «الماضي», 0 «الجاري», 1 «المقبل», None when there is none."""
    if published is None:
        return None
    year = published.year
    if marker is not None and marker < 0 and month >= published.month:
        year -= 1
    elif marker is not None and marker > 0 and month <= published.month:
        year += 1
    elif marker is None:
        guess = _date(year, month, day or 1)
        if guess is not None and guess > published + FUTURE_GRACE:
            year -= 1
    return _date(year, month, day or 1)


def _month_phrase(r: _Reader, k: int, narrowed: bool = False) -> _Found | None:
    """«مايو 2018», «أيار (مايو)», «شهر مارس», «أبريل الماضي», «يونيو»; a month name that is
    also an ordinary word needs one of these around it, or a part word («مطلع مارس»)."""
    noun = r.word(k, "month_noun")
    named = _month_name(r, noun[1] + 1 if noun else k)
    if named is None or r.word(k - 1, "name_before") or (
            (_int(r.form(k - 1)) or r.word(k - 1, "ordinal")) and r.word(k - 2, "name_before")):
        return None  # «ثورة 17 فبراير»: the day-month was not a date, its month is not either
    month, hijri, alone, last = named
    year, marker, end = _year_after(r, last + 1, hijri, last)
    if not (alone or noun or narrowed or year is not None or end > last):
        return None
    if hijri:
        return _Found(k, end, None, "month")
    value = _date(year, month, 1) if year is not None else _infer(r.published, month, None,
                                                                   marker)
    return _Found(k, end, value, "month")


def _year(r: _Reader, k: int, narrowed: bool = False) -> _Found | None:
    """«عام 2014», «في 2011» (the preposition is the evidence, so it is part of the span),
    «2015م», «1436 هـ»; a second year makes a period («في 2012 و2013», «عامي 2012 و2013»).
    A bare «2014» is left to the claims stage unless a part word narrows it («مطلع 2018»)."""
    year_word = r.word(k, "year_word")
    preposition = year_word is None and _int(r.form(k)) is None and _preposition(r, k)
    at = year_word[1] + 1 if year_word is not None else k + 1 if preposition else k
    number = _int(r.form(at))
    if number is None or number[1] != 4:
        return None
    era = r.word(at + 1, "era")
    hijri = era is not None and era[0].unit == "hijri"
    low, high = HIJRI_YEARS if hijri else YEARS if preposition else NAMED_YEARS
    if not low <= number[0] <= high:
        return None
    if preposition and era is None and (_after_approx(r, k) or r.form(at + 1) == "%"
                                        or r.form(at + 1) in _counting_words()):
        return None  # «أكثر من 2000», «في 2000 حالة»
    if year_word is None and not preposition and era is None and not narrowed:
        return None
    last = era[1] if era is not None else at
    if hijri:
        return _Found(k, last, None, "year")
    end, following = None, r.form(last + 1)
    if following.startswith("و") and _int(following) is not None:
        second, second_at = _int(following), last + 1  # «2012 و2013»
    elif following in ("-", "و", "الي", "حتى") and r.form(last + 2).isdigit():
        second, second_at = _int(r.form(last + 2)), last + 2  # «2012-2014», «من 2012 إلى 2014»
    else:
        second, second_at = None, last
    if second is not None and second[1] == 4 and number[0] < second[0] <= high:
        end, last = _date(second[0], 1, 1), second_at
    return _Found(k, last, _date(number[0], 1, 1), "year", end=end)


def _after_approx(r: _Reader, k: int) -> bool:
    """«أكثر من 2000», «نحو 1950»: an approximate count, not a year."""
    approx = context_words("approx_before")
    before = " ".join(r.form(j) for j in range(max(0, k - 2), k + 1))
    return any(before.endswith(marker) for marker in approx) or r.form(k - 1) in approx


# --- periods ----------------------------------------------------------------------------

def _period(r: _Reader, k: int) -> _Found | None:
    """«الشهر الماضي», «العام الجاري», «هذا الأسبوع», «الشهر نفسه», «اليوم التالي»."""
    before = r.word(k, "this", "same_before")
    j = before[1] + 1 if before is not None else k
    noun = r.word(j, "period")
    if noun is None:
        return None
    unit, last = noun[0].unit, noun[1]
    if before is not None:
        how, offset = ("pub", 0) if before[0].kind == "this" else ("anchor", 0)
    else:
        after = r.word(last + 1, "marker", "same", "following")
        if after is None:
            return None
        word, last = after
        how = "pub" if word.kind == "marker" else "anchor"
        offset = int(word.value) if word.value else 0
    if unit == "day" and how == "pub":
        return None  # «اليوم» alone is a day word; «اليوم الماضي» is not said
    base = r.published if how == "pub" else r.anchors.get(unit)
    value, end = _shift_period(base, unit, offset)
    return _Found(k, last, value, unit, "relative", end=end)


def _shift_period(base: date | None, unit: str, offset: int) -> tuple[date | None, date | None]:
    """The calendar day, week (Sunday to Saturday), month or year ``offset`` units from base."""
    if base is None:
        return None, None
    if unit == "day":
        return _add_days(base, offset), None
    if unit == "week":
        sunday = _add_days(base, -(base.isoweekday() % 7) + 7 * offset)
        return sunday, _add_days(sunday, 6)
    if unit == "month":
        return _add_months(base, offset), None
    return _date(base.year + offset, 1, 1), None


def _part_of(r: _Reader, k: int, part: tuple[DateWord, int]) -> _Found | None:
    """«مطلع مايو», «منتصف الشهر الماضي», «أواخر العام الماضي», «بداية 2018», «غرة رمضان»:
    the period narrowed keeps its own precision (see the module's conventions)."""
    j = part[1] + 1
    found = _month_phrase(r, j, narrowed=True) or _period(r, j) or _year(r, j, narrowed=True)
    if found is None or found.precision == "day":
        return None
    if part[0].value == "first" and found.precision == "month":
        return replace(found, first=k, precision="day")  # «غرة رمضان»: the first day
    return replace(found, first=k)


def _recent(r: _Reader, k: int) -> _Found | None:
    """A period ending at publication: «الأيام الماضية», «الأيام القليلة الماضية», «اليومين
    الماضيين», «الأيام الثلاثة الأخيرة», «الـ24 ساعة الماضية»; «السنوات الماضية» is too vague
    to date."""
    count = None
    j = k
    number = _int(r.form(k))
    if number is not None and r.form(k).startswith("ال"):
        count, j = number[0], k + 1
    unit = r.word(j, "unit_noun", "unit_plural")
    if unit is None or (count is None and not r.form(j).startswith("ال")):
        return None
    last = unit[1]
    if count is None and (spelled := _definite_number(r, last + 1)) is not None:
        count, last = spelled, last + 1  # «الأيام الثلاثة الماضية»
    if count is None:
        count = int(unit[0].value) if unit[0].value else None
    few = r.word(last + 1, "few")
    if few is not None:
        last = few[1]
    marker = r.word(last + 1, "recent_marker")
    if marker is None or count is None:
        return None  # «الأيام الأولى»; «السنوات الماضية» is too vague to date
    return _counted(r.published, k, marker[1], count, unit[0].unit, -1, period=True)


def _definite_number(r: _Reader, j: int) -> int | None:
    """A number word with the article after a plural noun («الأيام الثلاثة»)."""
    form = r.form(j)
    readings = number_words().get(form[2:], ()) if form.startswith("ال") else ()
    return next((int(w.value) for w in readings if w.kind in ("unit", "ten")), None)


def _ago(r: _Reader, k: int) -> _Found | None:
    """«قبل ثلاثة أيام», «منذ يومين», «قبل نحو أسبوع», «قبل أيام»; «قبل ذلك بعام» and «بعد
    ذلك بيومين» count from the date mentioned last. «قبل يومين من الانتخابات» counts from
    an event: a mention without a value."""
    hit = r.word(k, "ago", "after")
    if hit is None:
        return None
    j = hit[1] + 1
    anaphor = r.word(j, "anaphor")
    if anaphor is not None:
        j = anaphor[1] + 1
    elif hit[0].kind == "after":
        return None  # «بعد يومين» counts from an event the words around it name
    j = _skip_approx(r, j)
    count = None
    number = read_number(r.folded.tokens, j) if j < r.size else None
    if number is not None and not number.fuzzy:
        count, j = int(number.value), number.last + 1
    unit = r.word(j, "unit_noun", "unit_plural")
    if unit is None or _int(r.form(unit[1] + 1)) is not None or r.word(unit[1] + 1, "month"):
        return None  # «منذ عام 2017» is a year, «منذ شهر رجب» a month
    word, last = unit
    if count is None and r.word(last + 1, "weekday"):
        return None  # «قبل يوم الأحد»: before a day, not a day ago
    vague = count is None and word.kind == "unit_plural"
    if count is None:
        count = int(word.value) if word.value else None
    if count is None:
        return None  # «منذ سنوات»
    sign = int(hit[0].value)
    if anaphor is not None:  # from the date last mentioned at this precision or finer
        base = r.anchors.get(_precision(word.unit))
        return _counted(base, k, last, count, word.unit, sign, period=False)
    if r.form(last + 1) == "من":
        return _Found(k, last, None, _precision(word.unit), "relative")
    return _counted(r.published, k, last, count, word.unit, sign, period=vague)


def _skip_approx(r: _Reader, j: int) -> int:
    """Past an approximation marker («نحو», «أكثر من», «ما يقارب»)."""
    approx = context_words("approx_before")
    for width in (3, 2, 1):
        if " ".join(r.form(i) for i in range(j, j + width)) in approx:
            return j + width
    return j


def _precision(unit: str) -> str:
    return "day" if unit == "hour" else unit


def _counted(base: date | None, first: int, last: int, count: int, unit: str, sign: int,
             period: bool) -> _Found:
    """The date ``count`` units before (sign -1) or after base. A period («الأيام الماضية»,
    «قبل أيام») runs from that date to base, its precision set by its length."""
    if base is None or count > 100_000:
        return _Found(first, last, None, _precision(unit), "relative")
    if unit == "hour":
        value = _add_days(base, sign * ((count - 1) // 24 + (not period and count >= 24)))
    elif unit == "day":
        value = _add_days(base, sign * count)
    elif unit == "week":
        value = _add_days(base, sign * 7 * count)
    elif unit == "month":
        value = _add_months(base, sign * count)
    else:
        value = _date(base.year + sign * count, base.month, 1)
    if not period:
        return _Found(first, last, value, _precision(unit), "relative")
    days = abs((base - value).days) if value is not None else 0
    precision = "day" if days <= 1 else "week" if days <= 7 else "month" if days <= 31 else "year"
    return _Found(first, last, value, precision, "relative", end=base)


# --- date arithmetic that never raises ---------------------------------------------------

def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _add_days(base: date | None, days: int) -> date | None:
    if base is None:
        return None
    try:
        return base + timedelta(days=days)
    except OverflowError:
        return None


def _add_months(base: date, months: int) -> date | None:
    """The first day of the month ``months`` after base's."""
    index = base.year * 12 + base.month - 1 + months
    return _date(index // 12, index % 12 + 1, 1)


# --- publication date of a bare text ------------------------------------------------------

def publication_date_from_text(text: str) -> DateMention | None:
    """The dateline of a page saved without metadata: a full date with its year in the first
    lines, after «نشر في»/«بتاريخ», on a line of its own («الأحد 8 مايو 2018 - 10:30 ص»), or
    after a place and a dash («القاهرة - 8 مايو 2018 -»). None when unsure: no such date, or
    one whose weekday disagrees with it."""
    head_end, lines = 0, 0
    for line in text.splitlines(keepends=True):
        head_end += len(line)
        lines += bool(line.strip())
        if lines >= HEAD_LINES:
            break
    folded = fold_and_tokenize(text[:head_end])
    reader = _Reader(folded, None)
    for found in _scan(folded, None):
        if found.precision != "day" or found.value is None or found.weekday_ok is False:
            continue
        if _on_dateline(reader, found):
            return _mention(folded, found)
    return None


def _on_dateline(r: _Reader, found: _Found) -> bool:
    """Whether a date opens its line as a dateline does: after a cue that starts the line
    («نشر في: …»), on a line with few other words, or after a place and a dash. A date
    deeper in a line is one the report is about («… في جلسة بتاريخ 15 يوليو»)."""
    tokens = r.folded.tokens
    text = r.folded.folded.text
    line_start = text.rfind("\n", 0, tokens[found.first].start) + 1
    line_end = text.find("\n", tokens[found.last].end)
    line_end = len(text) if line_end < 0 else line_end
    before = [j for j in range(found.first) if tokens[j].start >= line_start]
    after = [j for j in range(found.last + 1, r.size) if tokens[j].end <= line_end]
    words_before = [j for j in before if tokens[j].is_word and not tokens[j].form.isdigit()]
    words_after = [j for j in after if tokens[j].is_word and not tokens[j].form.isdigit()]
    if len(words_before) > DATELINE_WORDS:
        return False
    for j in before:
        cue = r.word(j, "dateline")
        if cue is not None and not tokens[j].form.startswith("و") and all(
                not tokens[i].is_word for i in range(cue[1] + 1, found.first)):
            return True  # «نشر في: …», «بتاريخ …» at the head of the line («وبتاريخ» runs on)
    if len(words_before) + len(words_after) <= DATELINE_WORDS:
        return True  # «الأحد 8 مايو 2018 - 10:30 ص»
    return len(words_before) <= 2 and bool(before) and tokens[before[-1]].form == "-"


def date_from_dateline(article: Article) -> Article:
    """A report saved without a publication date takes the one its dateline gives (evidence
    «dateline»); one with a date keeps it."""
    if article.published:
        return article
    found = publication_date_from_text(article.text)
    if found is None or not found.value or len(found.value) != len("2018-05-08"):
        return article
    return replace(article, published=found.value, published_evidence="dateline")
