"""Which outlet published a report, from the best evidence available.

In order: the input's metadata (sidecar, JSONL field, HTML site name), the URL's domain, a
dateline that names the outlet («كيو بوست –») or is its house signature (Al Marsad's
«ليبيا –»), and finally the report naming itself as the interviewer («في حوار أجرته "العين
الإخبارية" معه», a headline «… لـ"العين الإخبارية"»). A dateline that is just a place
(«القاهرة –») says where, not who. ``outlet_evidence`` records which rule decided, so an
analyst can weigh a guessed outlet differently from a declared one.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from urllib.parse import urlsplit

from khabar.model import Article, Span
from khabar.resources import load_lines, load_tsv
from khabar.text.normalize import normalize, normalize_with_offsets
from khabar.text.quotes import QUOTE_MARKS
from khabar.text.search_form import word_forms

OUTLET_FILE = "outlets.tsv"
PLACE_FILE = "dateline_places.txt"
OUTLET_KIND_FILE = "outlet_kinds.txt"
NAME_WORD_FILE = "outlet_name_words.txt"

QUOTED = rf"[{QUOTE_MARKS}]\s*([^{QUOTE_MARKS}\n]{{2,40}}?)\s*[{QUOTE_MARKS}]"
# The report names itself as the one who did the interview or got the statement.
SELF_REFERENCE = (
    re.compile(r"(?:حوار|مقابلة|لقاء)\s+(?:خاص\s+)?(?:أجرته|اجرته|أجرتها|اجرتها)\s+" + QUOTED),
    re.compile(r"(?:في|فى)\s+(?:تصريحات?|حديث)\s+(?:خاصة?\s+)?(?:لـ|ل)\s*" + QUOTED),
)
HEADLINE_SELF_REFERENCE = re.compile(r"لـ\s*" + QUOTED)
INLINE_DATELINE = re.compile(r"^\s*([^\s.،,:–—-]+(?:\s+[^\s.،,:–—-]+){0,3})\s*[–—-]\s+\S")
DATELINE_LINE = re.compile(r"^\s*(.+?)\s*[–—-]\s*$")


@dataclasses.dataclass(frozen=True)
class Outlet:
    key: str
    name: str  # canonical Arabic name, the one written out
    name_en: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...]
    datelines: tuple[str, ...]


@cache
def known_outlets() -> tuple[Outlet, ...]:
    def split(cell: str) -> tuple[str, ...]:
        return tuple(part.strip() for part in cell.split(",") if part.strip())

    return tuple(
        Outlet(row["key"], row["name_ar"], row["name_en"], split(row["domains"]),
               split(row["aliases"]), split(row["datelines"]))
        for row in load_tsv(OUTLET_FILE)
    )


@cache
def _outlets_by_name() -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in known_outlets():
        for name in (outlet.key, outlet.name, outlet.name_en, *outlet.aliases):
            index.setdefault(fold_name(name), outlet)
    return index


@cache
def _outlets_by_dateline() -> dict[str, Outlet]:
    return {fold_name(sign): outlet for outlet in known_outlets() for sign in outlet.datelines}


@cache
def _dateline_places() -> frozenset[str]:
    return frozenset(fold_name(place) for place in load_lines(PLACE_FILE))


@cache
def outlet_kind_words() -> tuple[str, ...]:
    """Folded words naming a kind of outlet («موقع», «صحيفة»), from ``outlet_kinds.txt``."""
    return tuple(fold_name(word) for word in load_lines(OUTLET_KIND_FILE))


@dataclasses.dataclass(frozen=True)
class OutletMention:
    """A known outlet named in a report's text («لـ"العين الإخبارية"», «صحيفة الرياض»)."""

    span: Span  # the name as written, without quote marks or the kind word
    text: str
    outlet: Outlet


@cache
def _mention_pattern() -> re.Pattern[str]:
    """Every Arabic name and alias of a known outlet, folded, longest first."""
    names = {fold_name(name) for outlet in known_outlets()
             for name in (outlet.name, *outlet.aliases)}
    names = sorted((n for n in names if len(n) >= 3 and re.search("[\u0621-\u064a]", n)),
                   key=len, reverse=True)
    return re.compile(r"(?<![\w])[وف]?[بل]?(" + "|".join(map(re.escape, names)) + r")(?![\w])")


@cache
def _distinctive_words() -> tuple[str, ...]:
    return tuple(fold_name(word) for word in load_lines(NAME_WORD_FILE))


def find_outlet_mentions(text: str) -> list[OutletMention]:
    """Known outlets named in a text, where the words are the outlet: in quote marks, after a
    kind word («صحيفة», «قناة») or a lam («لـ سكاي نيوز»), or a name no ordinary phrase has
    (``outlet_name_words.txt``). «الشرق الأوسط» bare is the region, «الرياض» the city."""
    view = normalize_with_offsets(text)
    found = []
    for match in _mention_pattern().finditer(view.text):
        outlet = _outlets_by_name().get(match.group(1))
        if outlet is None or not _outlet_context(view.text, match.start(1), match.end(1)):
            continue
        start, end = view.to_original(match.start(1), match.end(1))
        found.append(OutletMention((start, end), text[start:end], outlet))
    return found


def _outlet_context(folded: str, start: int, end: int) -> bool:
    name = folded[start:end]
    if name.split()[0] in outlet_kind_words() or any(
            f" {word} " in f" {name} " for word in _distinctive_words()):
        return True  # «قناة الجزيرة», «وكالة أنباء الشرق الأوسط», «العين الإخبارية»
    before = folded[max(0, start - 30):start].rstrip()
    quoted = before.endswith(tuple(QUOTE_MARKS)) and folded[end:end + 1] in QUOTE_MARKS
    before = before.rstrip(QUOTE_MARKS).rstrip()
    last = before.split()[-1] if before.split() else ""
    kind = any(form in outlet_kind_words() for form in word_forms(last))  # «وبصحيفة»
    return quoted or kind or last in {"ل", "لـ"}


def find_outlet(name: str) -> Outlet | None:
    """The known outlet a name, key or alias refers to («موقع "العين الإخبارية"» included)."""
    folded = fold_name(name)
    index = _outlets_by_name()
    if folded in index:
        return index[folded]
    for word in outlet_kind_words():
        rest = folded.removeprefix(word + " ")
        if rest != folded and rest in index:
            return index[rest]
    return None


def outlet_for_url(url: str) -> Outlet | None:
    parts = urlsplit(url if "//" in url else f"//{url}")
    host = (parts.hostname or "").removeprefix("www.")
    path = parts.path or ""
    for outlet in known_outlets():
        for domain in outlet.domains:
            domain_host, _, domain_path = domain.partition("/")
            if (host == domain_host or host.endswith("." + domain_host)) and path.startswith(
                "/" + domain_path if domain_path else ""
            ):
                return outlet
    return None


def identify_outlet(article: Article) -> Article:
    """Return the article with ``outlet`` and ``outlet_evidence`` filled from its evidence."""
    if article.outlet:
        known = find_outlet(article.outlet)
        return dataclasses.replace(
            article,
            outlet=known.name if known else article.outlet,
            outlet_evidence=article.outlet_evidence or "metadata",
        )
    if article.url:
        known = outlet_for_url(article.url)
        if known:
            return dataclasses.replace(article, outlet=known.name, outlet_evidence="url")
    datelines = _datelines(article)
    for name, evidence in _outlet_clues(article, datelines):
        known = find_outlet(name)
        if known:
            return dataclasses.replace(article, outlet=known.name, outlet_evidence=evidence)
        if evidence == "dateline" and fold_name(name) not in _dateline_places():
            return dataclasses.replace(article, outlet=name, outlet_evidence=evidence)
    for dateline in datelines:
        signed = _outlets_by_dateline().get(fold_name(dateline))
        if signed:
            return dataclasses.replace(article, outlet=signed.name,
                                       outlet_evidence="dateline signature")
    return article


def _outlet_clues(article: Article, datelines: list[str]) -> list[tuple[str, str]]:
    """Names the report gives for itself, strongest first, with the rule that found each."""
    clues = [(dateline, "dateline") for dateline in datelines]
    lead = "\n".join(article.text.split("\n")[:12])
    for pattern in SELF_REFERENCE:
        clues += [(match.group(1), "self-reference") for match in pattern.finditer(lead)]
    if article.title:
        clues += [(m.group(1), "headline") for m in HEADLINE_SELF_REFERENCE.finditer(article.title)]
    return clues


def _datelines(article: Article) -> list[str]:
    """Dateline words: a dropped «X –» line, or «X –» opening one of the first paragraphs."""
    found = []
    for line in article.dropped:
        if line.reason == "dateline":
            match = DATELINE_LINE.match(line.text)
            if match:
                found.append(match.group(1))
    for paragraph in [p for p in article.text.split("\n") if p.strip()][:3]:
        match = INLINE_DATELINE.match(paragraph)
        if match:
            found.append(match.group(1))
    return found


def fold_name(name: str) -> str:
    """A name in the normalized view, quote marks and extra spaces removed, for comparing."""
    return " ".join(normalize(name).replace('"', " ").split())
