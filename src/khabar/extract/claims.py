"""Numeric claims: every figure a report gives, with its unit, what it counts, and whose voice.

A claim is built around a number or range (``extract.numbers``):
1. numbers that are dates, years, clock times, labels («المادة 5»), list markers, ids or
   phone numbers are not claims;
2. approximation markers before («قرابة»، «أكثر من») or after («على الأقل») set ``approx``,
   as do fuzzy counts («عشرات» = 10, ACLED's convention);
3. the unit is read right after the number (``units.tsv``, longest form first); without one
   the claim counts things (``count``) and the nouns around it say what (``counted_nouns.tsv``:
   «31 قتيلا», «مقتل 31», «اعتقلت 21», «22 شخصا سلموا أنفسهم») and whose
   (``subject_words.tsv``);
4. a claim inside a statement's content carries that statement and its speaker: the figure
   is the speaker's, carried by the outlet. Elsewhere it is the outlet's own voice.

Figures are recorded as written: «480 كم» without «مربع» stays km.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from khabar.extract.lexicons import function_words
from khabar.extract.numbers import Quantity, context_words, digits_value, read_quantity
from khabar.model import Article, Claim, Statement
from khabar.resources import load_tsv
from khabar.text.normalize import normalize
from khabar.text.tokens import SENTENCE_END, FoldedText, Token, fold_and_tokenize

LEXICONS = "extract/lexicons"
NOUN_WINDOW = 4  # words after a number where its counted noun may stand
EVENT_WINDOW = 3  # words before a number where its event word may stand
SHARE_REACH = 40  # characters between a figure and the «بينهم N» that shares it
SENTENCE_REACH = 25  # words before a figure searched for whose it is
PERIOD_REACH = 8  # words before a figure searched for the period it counts over
PERIOD_WORDS = 3  # words after a period noun that may belong to its phrase
COUNT_REACH = 15  # words before a figure searched for the «عدد» that names what it counts
MIN_NOUN_LETTERS = 3
YEARS = (1900, 2100)
HIJRI_YEARS = (1300, 1500)
PREFIXES = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")


@dataclass(frozen=True)
class CountedNoun:
    form: str
    quantity: str
    subject: str | None
    where: str  # after / before / either


@cache
def units() -> dict[str, str]:
    """Folded unit form (one or more words) → unit key."""
    return {normalize(row["form"]): row["unit"] for row in load_tsv(f"{LEXICONS}/units.tsv")}


@cache
def counted_nouns() -> dict[str, CountedNoun]:
    return {
        normalize(row["form"]): CountedNoun(normalize(row["form"]), row["quantity"],
                                            row["subject"] or None, row["where"])
        for row in load_tsv(f"{LEXICONS}/counted_nouns.tsv")
    }


@cache
def subject_words() -> dict[str, str]:
    return {normalize(row["form"]): row["subject"]
            for row in load_tsv(f"{LEXICONS}/subject_words.tsv")}


def find_claims(articles: list[Article], statements: list[Statement]) -> list[Claim]:
    """Every numeric claim of every article, attributed through the statements given."""
    by_doc: dict[str, list[Statement]] = {}
    for statement in statements:
        by_doc.setdefault(statement.doc_id, []).append(statement)
    claims: list[Claim] = []
    for article in articles:
        claims.extend(article_claims(article, by_doc.get(article.id, [])))
    return claims


def article_claims(article: Article, statements: list[Statement] = ()) -> list[Claim]:
    """The claims of one article, in text order."""
    folded = fold_and_tokenize(article.text)
    tokens = folded.tokens
    claims: list[Claim] = []
    k = 0
    while k < len(tokens):
        quantity = read_quantity(tokens, k) if tokens[k].is_word else None
        if quantity is None:
            dual = _dual(article, folded, k, len(claims) + 1, statements) or _one(
                article, folded, k, len(claims) + 1, statements)
            if dual is not None:
                claims.append(dual)
            k += 1
            continue
        found = _claim(article, folded, quantity, len(claims) + 1, statements)
        if found is not None:
            claims.append(_share_of_previous(folded, found, claims))
        k = quantity.last + 1
    return claims


def _claim(article: Article, folded: FoldedText, quantity: Quantity, number: int,
           statements: list[Statement]) -> tuple[Claim, int, int] | None:
    """The claim around a quantity, with its first and last token, or None."""
    tokens = folded.tokens
    if _not_a_claim(folded, quantity):
        return None
    first, last = quantity.first, quantity.last
    approx = quantity.fuzzy
    bound = "at_least" if quantity.fuzzy else None  # «عشرات»: ACLED reads 10, at least
    marker = _approx_before(tokens, first)
    if marker is not None:
        bound = _bound([t.form for t in tokens[marker:first]])
        approx, first = True, marker
    unit, unit_last = _unit_after(tokens, quantity.last + 1)
    if unit is None and quantity.words and quantity.value == 1 and first > 0:
        unit, _ = _unit_after(tokens, first - 1)  # «خلال يوم واحد»: the noun comes first
        if unit is not None:
            first, unit_last = first - 1, quantity.last
    if unit is not None:
        last = unit_last
        what = _quantity_for_unit(unit, tokens, first)
        subject = _subject(tokens, quantity.first, last) if what == "area_controlled" else None
    else:
        unit = "count"
        what, subject, first, last = _counted(tokens, quantity, first, last)
    if last + 2 < len(tokens) and f"{tokens[last + 1].form} {tokens[last + 2].form}" in \
            context_words("approx_after"):
        approx, last = True, last + 2
        bound = _bound([tokens[last - 1].form, tokens[last].form])
    elif last + 1 < len(tokens) and tokens[last + 1].form in context_words("approx_after"):
        approx, last = True, last + 1
        bound = _bound([tokens[last].form])
    claim = _new_claim(article, folded.quote(first, last), number, statements,
                       value=_plain(quantity.value),
                       value_high=None if quantity.value_high is None
                       else _plain(quantity.value_high),
                       approx=approx, unit=unit, quantity=what, subject=subject, bound=bound,
                       period=_period(folded, first, unit))
    return claim, first, last


def _period(folded: FoldedText, first: int, unit: str) -> dict | None:
    """The period or state a figure holds for: a period named before it, or, for a measured
    figure, the change it is the result of («تقلص إلى 25 كم مربع»)."""
    if unit in PERIOD_UNITS:
        return None
    if unit != "count" and first >= 2 and _is_change(folded.tokens, first):
        span, text = folded.quote(first - 2, first - 1)
        return {"text": text, "span": span}
    return _period_before(folded, first)


def _is_change(tokens: tuple[Token, ...], first: int) -> bool:
    verb, to = tokens[first - 2].form, tokens[first - 1].form
    return to in context_words("change_to") and (
        verb in context_words("change_verb") or _bare(verb) in context_words("change_verb"))


PERIOD_UNITS = frozenset({"hours", "days", "weeks", "months", "years"})


def _bound(marker: list[str]) -> str:
    """How an approximation marker leans: at_least («أكثر من»), at_most («أقل من») or about."""
    words = " ".join(marker)
    bare = " ".join([_bare(marker[0]), *marker[1:]])
    for lean in ("at_least", "at_most"):
        if words in context_words(lean) or bare in context_words(lean):
            return lean
    return "about"


def _period_before(folded: FoldedText, first: int) -> dict | None:
    """The period a figure counts over, when the sentence names one just before it:
    «خلال يوم واحد أدت إلى مقتل 32», «ففي اليوم الأول والثاني … سقط نحو 31». Figures over
    different periods are different quantities, however alike they look."""
    tokens = folded.tokens
    nouns, words = context_words("period_noun"), context_words("period_word")
    for k in range(first - 1, max(-1, first - 1 - PERIOD_REACH), -1):
        form = tokens[k].form
        if form in SENTENCE_END:
            return None
        if form in nouns or _bare(form) in nouns:
            last = k
            while last + 1 < first and last - k < PERIOD_WORDS and (
                    tokens[last + 1].form in words or read_quantity(tokens, last + 1)):
                last += 1
            span, text = folded.quote(k, last)
            return {"text": text, "span": span}
    return None


def _new_claim(article: Article, quoted: tuple[tuple[int, int], str], number: int,
               statements: list[Statement], **fields: object) -> Claim:
    """A claim with its id, span and voice: the statement whose content holds it, if any."""
    span, text = quoted
    statement = _statement_around(statements, span)
    return Claim(id=f"{article.id}-c{number:03d}", doc_id=article.id, span=span, text=text,
                 statement_id=statement.id if statement else None,
                 attributed_to=statement.speaker if statement else None, **fields)


def _share_of_previous(folded: FoldedText, found: tuple[Claim, int, int],
                       claims: list[Claim]) -> Claim:
    """«سقط نحو 31 قتيلا، بينهم 8 أجانب»: a figure introduced by «بينهم/منهم» is part of
    the one before it, and counts the same thing."""
    claim, first, last = found
    if first == 0 or folded.tokens[first - 1].form not in context_words("share_before"):
        return claim
    previous = claims[-1] if claims else None
    if previous is None or claim.quantity not in {"other", "people", previous.quantity} or \
            claim.span[0] - previous.span[1] > SHARE_REACH:
        return claim
    span, text = folded.quote(first - 1, last)
    return replace(claim, quantity=previous.quantity, subject=previous.subject or claim.subject,
                   span=span, text=text, part_of=previous.id)


@cache
def dual_nouns() -> dict[str, tuple[str, str, str | None]]:
    """Folded dual → (unit, quantity, subject or None) (``dual_nouns.tsv``)."""
    return {normalize(row["form"]): (row["unit"], row["quantity"], row["subject"] or None)
            for row in load_tsv(f"{LEXICONS}/dual_nouns.tsv")}


def _dual(article: Article, folded: FoldedText, k: int, number: int,
          statements: list[Statement]) -> Claim | None:
    """«خلال يومين»: a dual noun is a figure of two, unless a number says more
    («يومين اثنين» is read from the number word). A dual of people is counted like a
    number: the words around it say what it counts («مقتل جنديين», «قتل المتمردون
    جنديين»: killed)."""
    tokens = folded.tokens
    found = dual_nouns().get(tokens[k].form) or dual_nouns().get(_bare(tokens[k].form))
    following = read_quantity(tokens, k + 1) if k + 1 < len(tokens) else None
    if found is None or (following is not None and following.words):
        return None  # «يومين اثنين»: the number word is the figure
    unit, what, subject = found
    first = last = k
    if unit == "count":  # the dual is its own counted noun: only an event word before it
        said, first = _event_word_before(tokens, k)
        what = said.quantity if said is not None and said.quantity != "people" else what
        if what == "people":
            return None  # «التقى الرجلان»: two people, no figure anyone reports
        subject = subject or (said.subject if said else None) or _subject(tokens, k, k)
    return _new_claim(article, folded.quote(first, last), number, statements, value=2,
                      value_high=None, approx=False, unit=unit, quantity=what,
                      subject=subject)


@cache
def singular_nouns() -> dict[str, str | None]:
    """Folded singular noun of a person → subject or None (``singular_nouns.tsv``)."""
    return {normalize(row["form"]): row["subject"] or None
            for row in load_tsv(f"{LEXICONS}/singular_nouns.tsv")}


def _one(article: Article, folded: FoldedText, k: int, number: int,
         statements: list[Statement]) -> Claim | None:
    """«مقتل جندي», «وقتل شرطي»: an indefinite singular noun of a person right after the
    event word that counts it is a figure of one. A definite one is left out: it names a
    person, often one of a figure told before or the first of a list («استشهد 3 رجال أمن
    … واستشهاد العريف …، والجندي أول …»), and ACLED keeps the lowest toll."""
    tokens = folded.tokens
    if k == 0 or not tokens[k].is_word:
        return None
    nouns = singular_nouns()
    form = tokens[k].form
    found = next((word for word in (form, form[1:] if form[:1] in "وبلف" else form)
                  if word in nouns), None)
    if found is None:
        return None
    said, first = _event_word_before(tokens, k)
    if said is None or first != k - 1 or said.quantity in {"people", "attacks", "cases"}:
        return None
    subject = nouns[found] or said.subject or _subject(tokens, k, k)
    return _new_claim(article, folded.quote(first, k), number, statements, value=1,
                      value_high=None, approx=False, unit="count", quantity=said.quantity,
                      subject=subject)


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _bare(form: str) -> str:
    """A word without one proclitic: «بالمئة» stays, «لمدة» → «مدة» is not needed here."""
    for prefix in PREFIXES:
        if form.startswith(prefix) and len(form) - len(prefix) >= 2:
            return form[len(prefix):]
    return form


def _not_a_claim(folded: FoldedText, quantity: Quantity) -> bool:
    """Dates, years, clock times, labels, list markers, ids and phone numbers."""
    tokens = folded.tokens
    k = quantity.first
    before = tokens[k - 1].form if k > 0 else ""
    after = tokens[quantity.last + 1].form if quantity.last + 1 < len(tokens) else ""
    value = quantity.value
    if before in context_words("label_before"):
        return True
    if after in context_words("month") or _bare(after) in context_words("month") or (
            after in {"/", "-"} and quantity.last + 2 < len(tokens)
            and tokens[quantity.last + 2].form in context_words("month")):
        return not quantity.words or value <= 31  # «8 مايو», «الرابع من أبريل» are dates
    if before in context_words("month") and YEARS[0] <= value <= YEARS[1]:
        return True  # «مايو 2018»
    year_like = YEARS[0] <= value <= YEARS[1] or HIJRI_YEARS[0] <= value <= HIJRI_YEARS[1]
    counts_something = _unit_after(tokens, quantity.last + 1)[0] is not None or any(
        form in counted_nouns() for form in _forms(tokens, quantity.last + 1)
    ) if quantity.last + 1 < len(tokens) else False
    if year_like and not quantity.words and not counts_something:
        return True  # «2014», «عام 2015», «1436 هـ»: a year, not «أكثر من 1300 شخص»
    if year_like and not quantity.words and not counts_something and (
            _bare(before) in context_words("time_before") or after in context_words("year_after")
            or (quantity.value_high is None and before in context_words("year_preposition"))):
        return True
    if year_like and not quantity.words and k > 0 and (
            (previous := digits_value(before)) is not None and YEARS[0] <= previous <= YEARS[1]):
        return True  # «عامي 2012 و2013»
    if _bare(before) in context_words("clock_before") and value <= 24:
        return True
    if _unit_after(tokens, quantity.last + 1)[0] == "years" and (
            _bare(before) in context_words("age_before") or before == "(" or (
                k > 1 and tokens[k - 2].form in context_words("age_before"))):
        return True  # «البالغ من العمر 34 عاما», «مور (52 عاما)»: an age names a person
    if (before == ":" and k > 1 and digits_value(tokens[k - 2].form) is not None) or (
            after == ":" and quantity.last + 2 < len(tokens)
            and digits_value(tokens[quantity.last + 2].form) is not None):
        return True  # «12:58»: a time of day or a score, not «وقال: 31 …»
    form = tokens[k].form
    if form.isdigit() and len(form) >= 7:
        return True  # a phone number or an id
    if not quantity.words and _starts_line(folded, k) and after in {"-", ".", ")", "/"}:
        return True  # «1- …»: a list marker
    return not quantity.words and (after == "/" or before == "/")  # «8/5», «2018/5/8»


def _starts_line(folded: FoldedText, k: int) -> bool:
    start = folded.tokens[k].start
    return start == 0 or folded.folded.text[:start].rstrip(" \t").endswith("\n") or \
        folded.folded.text[:start].strip() == ""


def _approx_before(tokens: tuple[Token, ...], k: int) -> int | None:
    """Where an approximation marker before token k starts («قرابة», «أكثر من», «ما لا يقل
    عن»), or None. A marker may carry a clitic («لقرابة», «بحوالي»)."""
    markers = context_words("approx_before")
    for width in (4, 3, 2, 1):
        start = k - width
        if start < 0:
            continue
        words = [t.form for t in tokens[start:k]]
        if " ".join(words) in markers or " ".join([_bare(words[0]), *words[1:]]) in markers:
            return start
    return None


def _unit_after(tokens: tuple[Token, ...], k: int) -> tuple[str | None, int]:
    """The unit written at token k (longest form first, a clitic allowed), and its last token."""
    table = units()
    for width in (3, 2, 1):
        if k + width > len(tokens):
            continue
        words = [t.form for t in tokens[k:k + width]]
        for form in (" ".join(words), " ".join([_bare(words[0]), *words[1:]])):
            if form in table:
                return table[form], k + width - 1
    return None, k - 1


def _quantity_for_unit(unit: str, tokens: tuple[Token, ...], first: int) -> str:
    """What a measured figure is: distance, area, duration, money … An area or percent is of
    territory controlled when its sentence speaks of control; a km figure only when the words
    just before it do («سيطر على 480 كم من مدينة درنة», but «تواصل القوات دخول درنة بحوالي
    3 كم، واستطاعوا …» is a distance)."""
    if unit in {"km2", "m2", "hectare", "percent"}:
        controlled = any(_controls(token.form) for token in _sentence(tokens, first))
        return "area_controlled" if controlled else ("other" if unit == "percent" else "area")
    if unit == "km" and first > 0 and tokens[first - 1].form not in \
            context_words("distance_before") and any(
                _controls(tokens[j].form) for j in range(first - 1, max(-1, first - 7), -1)
                if all(t.is_word for t in tokens[j:first])):
        return "area_controlled"  # as written: the unit stays km
    if unit in {"km", "m"}:
        return "distance"
    if unit in {"minutes", "hours", "days", "weeks", "months", "years"}:
        return "duration"
    if len(unit) == 3 and unit.isupper():
        return "money"
    return "other"


def _controls(form: str) -> bool:
    stems = tuple(context_words("area_control"))
    return form.startswith(stems) or _bare(form).startswith(stems)


def _sentence(tokens: tuple[Token, ...], k: int) -> tuple[Token, ...]:
    """The tokens of the sentence around token k."""
    start = k
    while start > 0 and tokens[start - 1].form not in SENTENCE_END:
        start -= 1
    end = k
    while end < len(tokens) and tokens[end].form not in SENTENCE_END:
        end += 1
    return tokens[start:end]


def _counted(tokens: tuple[Token, ...], quantity: Quantity, first: int, last: int
             ) -> tuple[str, str | None, int, int]:
    """What a count counts and whose, and the span grown to cover the nouns that say so.

    After the number: «31 قتيلا», «22 شخصا سلموا أنفسهم» (the specific noun wins over
    «شخصا»), «8 من القاعدة». Before it: «مقتل 31», «اعتقلت 21 إرهابيا»."""
    nouns = counted_nouns()
    found: CountedNoun | None = None
    found_at = None
    for j in range(quantity.last + 1, min(quantity.last + 1 + NOUN_WINDOW, len(tokens))):
        if not tokens[j].is_word or read_quantity(tokens, j) is not None:
            break
        if j + 1 < len(tokens) and read_quantity(tokens, j + 1) is not None:
            break  # «مقتل 90 وإصابة 150»: «وإصابة» opens the next figure
        for form in _forms(tokens, j):
            noun = nouns.get(form)
            if noun is not None and noun.where in {"after", "either"} and (
                    found is None or found.quantity == "people"):
                found, found_at = noun, j + form.count(" ")
                break
    if found is None or found.quantity == "people":
        before, first = _event_word_before(tokens, first)
        found = before or found
    if found is None or found.quantity == "people":
        found = _count_named_before(tokens, first) or found
    if found_at is not None:
        last = max(last, found_at)
    elif last + 1 < len(tokens) and (tokens[last + 1].form in subject_words()
                                     or _bare(tokens[last + 1].form) in subject_words()):
        last += 1  # «31 مسلحا»: the noun that says whose is part of the figure
    elif found is None and last + 1 < len(tokens) and _is_counted_noun(tokens[last + 1]):
        last += 1  # «8 أجانب», «100 عمارة»: the noun after a count is what it counts
    if found is None:
        return "other", _subject(tokens, quantity.first, last), first, last
    if found.subject or found.quantity in {"attacks", "cases"}:
        return found.quantity, found.subject, first, last  # strikes and cases are nobody's
    return found.quantity, _subject(tokens, quantity.first, last), first, last


def _event_word_before(tokens: tuple[Token, ...], first: int) -> tuple[CountedNoun | None, int]:
    """The event word that says what a figure counts, just before it («مقتل 31», «اعتقلت
    21»), and where the figure's span starts: at the word when it is right before the
    figure, else at the figure (not across «في الغارة»)."""
    nouns = counted_nouns()
    for j in range(first - 1, max(-1, first - 1 - EVENT_WINDOW), -1):  # before «أكثر من»
        if not tokens[j].is_word:
            break
        noun = nouns.get(tokens[j].form) or nouns.get(_bare(tokens[j].form))
        if noun is not None and noun.where in {"before", "either"}:
            return noun, j if j == first - 1 else first
    return None, first


def _count_named_before(tokens: tuple[Token, ...], first: int) -> CountedNoun | None:
    """«عدد الإرهابيين الذين سلموا أنفسهم … 34»: a count word («عدد»، «حصيلة») earlier in
    the sentence, and the counted noun just after it."""
    nouns, count_words = counted_nouns(), context_words("count_of")
    for k in range(first - 1, max(-1, first - 1 - COUNT_REACH), -1):
        if tokens[k].form in SENTENCE_END:
            return None
        if tokens[k].form in count_words or _bare(tokens[k].form) in count_words:
            for j in range(k + 1, min(first, k + 1 + NOUN_WINDOW)):
                for form in _forms(tokens, j):
                    noun = nouns.get(form)
                    if noun is not None and noun.quantity != "people":
                        return noun
            return None
    return None


def _is_counted_noun(token: Token) -> bool:
    """A word that can be the noun a bare count counts: a content word, not a number, and not
    «و» glued to a three-letter word («4 وفاز»: a new clause; «5 وزراء» is longer)."""
    form = token.form
    return (token.is_word and form.isalpha() and len(form) >= MIN_NOUN_LETTERS
            and form not in function_words() and not (form.startswith("و") and len(form) == 4))


def _forms(tokens: tuple[Token, ...], j: int) -> list[str]:
    """Two-word then one-word forms at token j, bare of a clitic too («وجرحى»)."""
    forms = []
    if j + 1 < len(tokens):
        forms.append(f"{tokens[j].form} {tokens[j + 1].form}")
    forms += [tokens[j].form, _bare(tokens[j].form)]
    return forms


def _subject(tokens: tuple[Token, ...], first: int, last: int) -> str | None:
    """Whose count: a subject word just after the figure («31 إرهابيا», «8 من القاعدة») or
    just before it («استشهاد 5 جنود»); else the nearest one earlier in its sentence, where
    the actor usually stands («سيطر الجيش على 480 كم مربع»). Measured on both gold sets, the
    earlier words guess better than the whole sentence."""
    words = subject_words()

    def subject_at(j: int) -> str | None:
        form = tokens[j].form
        if _cleared_party(tokens, j):
            return None
        return words.get(form) or words.get(_bare(form))

    window = [*range(first + 1, min(last + 4, len(tokens))), *range(first - 1,
                                                                   max(-1, first - 3), -1)]
    for j in window:
        if (subject := subject_at(j)) is not None:
            return subject
    j = first - 3
    while j >= 0 and first - j < SENTENCE_REACH and tokens[j].form not in SENTENCE_END:
        if (subject := subject_at(j)) is not None:
            return subject
        j -= 1
    return None


def _cleared_party(tokens: tuple[Token, ...], j: int) -> bool:
    """«المنطقة التي تم تطهيرها من الإرهابيين»: a party cleared out of the area is not whose
    the area is (``clearing_word`` in number_context.tsv, then «من», then the party)."""
    if j < 2 or tokens[j - 1].form != "من":
        return False
    clearing = tuple(context_words("clearing_word"))
    return any(tokens[i].form.startswith(clearing) or _bare(tokens[i].form).startswith(clearing)
               for i in range(max(0, j - 3), j - 1))


def _statement_around(statements: list[Statement], span: tuple[int, int]) -> Statement | None:
    """The statement whose content holds the figure: the speaker's claim, not the outlet's."""
    inside = [s for s in statements
              if s.content_span[0] <= span[0] and span[1] <= s.content_span[1]]
    return min(inside, key=lambda s: s.content_span[1] - s.content_span[0]) if inside else None
