"""Score a khabar output directory against gold annotations (``khabar eval``).

Gold is in the format of ``shared/gold/seeds_gold.json``. Gold and system differ in two ways
the scorer bridges:

- Documents. Gold names a document by its file name, the system by its own article ``id``.
  A predicted article stands for the gold document whose ``doc_id`` is the basename of the
  article's ``source`` (else equals its ``id``, so gold written against ids works too).
  Records on articles that stand for no gold document are ignored: the gold cannot judge
  them.
- Offsets. Gold spans count characters of the raw file; predicted spans count characters of
  ``Article.text``, which lacks the dropped boilerplate lines. Each gold span is re-anchored
  by its quoted text: the occurrence in the predicted text nearest the gold offset; failing
  that, the same search with whitespace runs collapsed; failing that, the gold item cannot
  be matched (it still counts in recall and the row's note counts it). Gold without quoted
  text keeps its offsets.

Matching rules:

- Two spans match when they are in the same document and overlap by at least half of the
  shorter one.
- Numbers match when ``value`` and ``value_high`` are both equal (null equals null).
- Records pair one-to-one, greedily, best overlap (intersection over union) first, each pair
  meeting every condition of its kind. Stricter variants (``statements_speaker``,
  ``claims_unit_quantity``, ``events_typed``) are matched afresh, not filtered.
- P = tp / n_pred, R = tp / n_gold, F1 their harmonic mean, 0.0 when a divisor is 0. A kind
  the gold has nothing of is reported as not scored.

Kinds:

- ``outlets``: gold documents with a known outlet (not ``unknown``/null). A predicted
  non-null outlet is a prediction, right when its folded form (alef forms, ى/ي, ة/ه,
  diacritics, tatweel, quote marks, case, leading ال of each word, punctuation, spaces)
  equals, contains or is contained in (3+ characters) the gold ``outlet`` or ``outlet_ar``.
  A parenthesised remark («(likely)») is dropped; a parenthesised domain is a name too.
- ``titles``: each predicted article of a gold document predicts its title (null
  included); right when equal after collapsing whitespace (null equals null).
- ``reuse``: ordered (source, target) document pairs; ``reuse_unordered`` ignores direction;
  ``reuse_passages`` matches passage ``target_span`` within the same ordered pair (passages
  of wrong pairs count as predictions).
- ``stories``: pairwise P/R/F1 over document pairs sharing a story. ``stories_bcubed``:
  B-cubed over the gold documents, each document's cluster being itself plus every document
  it shares a story with (no predicted stories: all singletons). Gold themes (``theme:
  true``, ``kind``/``type`` "theme", an id like ``T1``, a label saying "theme") are ignored.
- ``entities``: sets of (document, folded gold form) against (document, folded mention
  text). ``entities_linked``: pairs of gold (document, form) nodes of one gold entity
  against pairs of those nodes found in one predicted entity; other nodes are not judged.
- ``statements``: ``content_span``. ``statements_speaker`` also needs the speaker: a last
  word (of each comma-separated part, folded, leading ال dropped) of the predicted
  ``speaker_text`` or linked entity ``name`` equals one of the gold ``speaker_name``,
  ``speaker_text`` or the names of the gold entities in ``speaker`` («P12+P02»).
  ``statements_verb``, ``statements_polarity`` and ``statements_mode`` also need the same cue
  (last word, folded, و/ف dropped; null equals null), polarity, or mode.
- ``claims``: span and numbers. ``claims_unit_quantity`` also needs ``unit`` and
  ``quantity`` (gold quantity ``other`` or null accepts any). A predicted claim matching no
  gold claim but a gold ``dates`` span is not counted: gold keeps dates apart and the
  contract leaves open whether they are claims. ``claims_attribution`` also needs the same
  voice: both the outlet's own (gold without ``statement_id`` or ``speaker_name``,
  prediction without ``statement_id`` or ``attributed_to``), or a shared name key (as for
  statements) between the gold speaker (``speaker_name``/``speaker_text``, or the speaker of
  the gold statement ``statement_id`` names) and the predicted one (the ``attributed_to``
  entity's name, or the speaker of the predicted statement).
- ``comparisons``: a predicted value is located through its ``claim_id`` in claims.jsonl and
  matches a gold value on span and value; comparisons match when at least two of their
  values match distinct values of each other.
- ``events``: any predicted supporting span matches any gold one; ``events_typed`` also
  needs equal ``event_type`` (case and spaces around "/" ignored); ``events_located`` needs
  coordinates within ``EVENT_PLACE_KM`` of the gold's, or none when the gold has none.
  ``events_dated`` needs the predicted ``event_date`` inside the gold's dates (the ISO days
  in the gold's ``event_date``: one day, or the first and last of a range; a gold of a month
  alone is that month; a gold with no date in it is never met). ``events_actor1`` needs
  the same ``actor1``: the names compare on their words before any "(", "–" or "/" (each
  "/"-part of the gold is an alternative), and on the starting year in parentheses when
  both give one («Military Forces of Libya (2014-)» is not «(2016-)»). ``events_sub_typed``
  needs equal ``event_type`` and ``sub_event_type`` (a gold note in parentheses after the
  sub-type, «Other (troop movement)», is not compared); ``events_fatalities`` needs the same
  ``fatalities`` (none and 0 are the same; a gold that is not a number is never met).

The scorer folds text with its own small table, not ``khabar.text``: a bug in the system's
normalization must not hide itself by also shaping the scores.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from khabar.model import RECORD_KINDS, Span

# Spelling variants news sites disagree on, folded away before names are compared.
_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "\u0640": "", "\u00a0": " "}
    | dict.fromkeys("\"'«»“”„‘’‚‹›`", "")
)
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_PARENS = re.compile(r"\([^)]*\)")
_NON_WORD = re.compile(r"\W+")
_THEME_ID = re.compile(r"^T\d+$")
_UNIT_ALIASES = {"km²": "km2", "km^2": "km2", "%": "percent", "٪": "percent"}
_ANY_QUANTITY = {"", "other"}
EVENT_PLACE_KM = 25.0  # ACLED codes a district or a place near a town at the town
_UNKNOWN_OUTLET = {"", "unknown"}

_Extra = Callable[["_Item", "_Item"], bool]


@dataclass
class KindScore:
    """The score of one record kind.

    ``tp``, ``n_pred`` and ``n_gold`` are kept beside the rates so a reader can tell 0/0
    from 0/40; ``scored`` is False when the gold has nothing of this kind, and ``note``
    says why or how many gold items could not be located.
    """

    kind: str
    tp: int
    n_pred: int
    n_gold: int
    precision: float
    recall: float
    f1: float
    note: str = ""
    scored: bool = True


@dataclass(frozen=True)
class _Item:
    """A gold or predicted record reduced to its located spans and the fields to compare."""

    spans: tuple[tuple[str, Span], ...]  # (gold doc id, span in the predicted text)
    rec: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Pred:
    """A prediction directory, its articles keyed by the gold document each stands for."""

    doc_of: dict[str, str]  # predicted article id -> gold doc id
    articles: dict[str, dict[str, Any]]  # gold doc id -> article record
    records: dict[str, list[dict[str, Any]]]  # contract file stem -> records

    def doc(self, article_id: Any) -> str | None:
        return self.doc_of.get(str(article_id))


def load_gold(path: Path | str) -> dict[str, Any]:
    """Read a gold annotation file.

    Args:
        path: a JSON file in the format of ``seeds_gold.json``.

    Returns:
        The parsed gold dict.

    Raises:
        ValueError: the file holds no JSON object, so it cannot be gold.
    """
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(gold, dict):
        raise ValueError(f"{path}: gold must be a JSON object, not {type(gold).__name__}")
    return gold


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    # A missing file means "predicted nothing of this kind", which the contract allows;
    # a broken line is an error, since silently skipping it would flatter the system.
    if not path.exists():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON: {error}") from error
    return [record for record in records if isinstance(record, dict)]


def _gold_doc_ids(gold: dict[str, Any]) -> set[str]:
    ids = {d["doc_id"] for d in gold.get("documents") or []}
    ids |= {r[key] for r in gold.get("reuse") or [] for key in ("source_id", "target_id")}
    ids |= {doc for story in gold.get("stories") or [] for doc in story.get("docs") or []}
    for key in ("statements", "claims", "dates"):
        ids |= {r["doc_id"] for r in gold.get(key) or []}
    ids |= {m["doc"] for e in gold.get("entities") or [] for m in e.get("mentions") or []}
    ids |= {v["doc"] for c in gold.get("comparisons") or [] for v in c.get("values") or []}
    ids |= {s["doc_id"] for e in gold.get("events") or [] for s in e.get("spans") or []}
    return ids


def _load_pred(pred_dir: Path, gold_ids: set[str]) -> _Pred:
    records = {kind: _read_jsonl(pred_dir / f"{kind}.jsonl") for kind in RECORD_KINDS}
    doc_of: dict[str, str] = {}
    articles: dict[str, dict[str, Any]] = {}
    for article in records["articles"]:
        article_id = str(article.get("id"))
        doc = re.split(r"[/\\]", str(article.get("source") or ""))[-1]
        if doc not in gold_ids:
            doc = article_id if article_id in gold_ids else ""
        if doc and doc not in articles:  # a second copy of one gold document is ignored
            articles[doc] = article
            doc_of[article_id] = doc
    return _Pred(doc_of, articles, records)


def _fold(text: str | None) -> str:
    """Fold spelling variants so that المسمارى and المسماري compare equal."""
    text = unicodedata.normalize("NFKC", text or "").translate(_FOLD)
    return " ".join(_DIACRITICS.sub("", text).casefold().split())


def _words(text: str | None) -> list[str]:
    return _NON_WORD.sub(" ", _fold(text)).split()


def _strip_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _collapse_ws(text: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space, keeping each kept character's offset."""
    pieces = [(m.start(), m.group()[:1]) for m in re.finditer(r"\s+|\S", text)]
    return "".join(" " if c.isspace() else c for _, c in pieces), [i for i, _ in pieces]


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, start = [], haystack.find(needle)
    while start >= 0 and needle:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _anchor(quote: str, gold_start: int, text: str) -> Span | None:
    """Find a gold quote in a predicted text, nearest the gold offset.

    Gold offsets count the boilerplate lines the system drops, so they only say where to
    look; the nearest occurrence wins because a figure may be quoted twice («480 كم مربع»).
    """
    found = [(start, start + len(quote)) for start in _occurrences(text, quote)]
    if not found:  # the quote may span a line break the system re-spaced
        squeezed, index = _collapse_ws(text)
        needle = " ".join(quote.split())
        found = [
            (index[start], index[start + len(needle) - 1] + 1)
            for start in _occurrences(squeezed, needle)
        ]
    return min(found, key=lambda span: abs(span[0] - gold_start)) if found else None


def _as_span(value: Any) -> Span | None:
    try:
        start, end = (int(bound) for bound in value)
    except (TypeError, ValueError):
        return None
    return (start, end) if 0 <= start <= end else None


def _gold_item(
    pred: _Pred, located: Iterable[tuple[str, str | None, Any]], rec: dict[str, Any] | None = None
) -> _Item:
    """A gold record with each of its (doc, quote, raw span) re-anchored in the prediction."""
    spans = []
    for doc, quote, raw in located:
        article, span = pred.articles.get(doc), _as_span(raw)
        if article is None:
            continue
        text = str(article.get("text") or "")
        if quote is None:  # no quoted text: the offsets are all there is
            found = span if span and span[1] <= len(text) else None
        else:
            found = _anchor(quote, span[0] if span else 0, text)
        if found:
            spans.append((doc, found))
    return _Item(tuple(spans), rec or {})


def _pred_items(
    pred: _Pred, kind: str, located: Callable[[dict[str, Any]], Iterable[tuple[Any, Any]]]
) -> list[_Item]:
    """Predicted records on gold documents, each with its (doc, span) pairs."""
    items = []
    for rec in pred.records[kind]:
        pairs = [(pred.doc(doc), _as_span(span)) for doc, span in located(rec)]
        if any(doc for doc, _ in pairs):  # records on other articles are not judged
            items.append(_Item(tuple((d, s) for d, s in pairs if d and s), rec))
    return items


def _overlap(a: Span, b: Span) -> float | None:
    """IoU of two spans that overlap by at least half the shorter one, else None."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    if inter <= 0 or 2 * inter < shorter:
        return None
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def _span_score(gold: _Item, pred: _Item, extra: _Extra | None = None) -> float | None:
    scores = [
        score
        for gold_doc, gold_span in gold.spans
        for pred_doc, pred_span in pred.spans
        if gold_doc == pred_doc and (score := _overlap(gold_span, pred_span)) is not None
    ]
    if not scores or (extra is not None and not extra(gold, pred)):
        return None
    return max(scores)


def _num_equal(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def _same_value(gold: _Item, pred: _Item) -> bool:
    return all(_num_equal(gold.rec.get(k), pred.rec.get(k)) for k in ("value", "value_high"))


def _greedy(
    golds: list[Any], preds: list[Any], score: Callable[[Any, Any], float | None]
) -> list[tuple[int, int]]:
    """Pair gold and predicted records one-to-one, best score first."""
    candidates = sorted(
        (-value, i, j)
        for i, gold in enumerate(golds)
        for j, pred in enumerate(preds)
        if (value := score(gold, pred)) is not None
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((i, j))
    return pairs


def _make(kind: str, tp: int, n_pred: int, n_gold: int, *notes: str) -> KindScore:
    note = "; ".join(filter(None, notes))
    if n_gold == 0:
        note = "; ".join(filter(None, ["not scored: the gold has none", note]))
        return KindScore(kind, tp, n_pred, n_gold, 0.0, 0.0, 0.0, note, scored=False)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold
    return KindScore(kind, tp, n_pred, n_gold, precision, recall, _f1(precision, recall), note)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _lost_note(golds: list[_Item], what: str = "gold records") -> str:
    lost = sum(1 for item in golds if not item.spans)
    return f"{lost} {what} not found in the predicted text" if lost else ""


def _span_kind(
    kind: str, golds: list[_Item], preds: list[_Item], extra: _Extra | None
) -> KindScore:
    pairs = _greedy(golds, preds, lambda g, p: _span_score(g, p, extra))
    return _make(kind, len(pairs), len(preds), len(golds), _lost_note(golds))


def _outlet_key(name: str) -> str:
    return "".join(_strip_al(word) for word in _words(name))


def _outlet_names(doc: dict[str, Any]) -> list[str]:
    """Keys a correct outlet may take; none when the gold does not know the outlet."""
    names = [str(n) for n in (doc.get("outlet"), doc.get("outlet_ar")) if n]
    if all(name.strip().casefold() in _UNKNOWN_OUTLET for name in names):
        return []
    keys = [_outlet_key(_PARENS.sub(" ", name)) for name in names]
    # «المرصد (almarsad.co)»: a domain in parentheses is a name; «(likely)» is a remark.
    keys += [_outlet_key(inner) for n in names for inner in re.findall(r"\(([^)]*\.[^)]*)\)", n)]
    return [key for key in keys if key and key not in _UNKNOWN_OUTLET]


def _outlet_matches(predicted: str, names: list[str]) -> bool:
    key = _outlet_key(predicted)
    return any(
        key == name or (min(len(key), len(name)) >= 3 and (key in name or name in key))
        for name in names
    )


def _score_outlets(gold: dict[str, Any], pred: _Pred) -> KindScore:
    tp = n_pred = n_gold = 0
    for doc in gold.get("documents") or []:
        names = _outlet_names(doc)
        if not names:
            continue  # an unknown outlet cannot be judged either way
        n_gold += 1
        predicted = str((pred.articles.get(doc["doc_id"]) or {}).get("outlet") or "").strip()
        if predicted:
            n_pred += 1
            tp += _outlet_matches(predicted, names)
    return _make("outlets", tp, n_pred, n_gold)


def _score_titles(gold: dict[str, Any], pred: _Pred) -> KindScore:
    tp = n_pred = n_gold = 0
    for doc in gold.get("documents") or []:
        if "title" not in doc:
            continue
        n_gold += 1
        article = pred.articles.get(doc["doc_id"])
        if article is not None:
            n_pred += 1
            tp += " ".join((doc["title"] or "").split()) == " ".join(
                str(article.get("title") or "").split()
            )
    return _make("titles", tp, n_pred, n_gold)


def _score_reuse(gold: dict[str, Any], pred: _Pred) -> list[KindScore]:
    gold_pairs = {(r["source_id"], r["target_id"]): r for r in gold.get("reuse") or []}
    pred_pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rec in pred.records["reuse"]:
        source, target = pred.doc(rec.get("source_id")), pred.doc(rec.get("target_id"))
        if source and target and source != target:
            pred_pairs.setdefault((source, target), []).extend(rec.get("passages") or [])
    unordered_gold = {frozenset(pair) for pair in gold_pairs}
    unordered_pred = {frozenset(pair) for pair in pred_pairs}
    # Passages are compared only inside the same ordered pair: a passage of a wrong pair
    # is wrong whatever its offsets.
    tp, golds = 0, []
    for (source, target), rec in gold_pairs.items():
        wanted = [
            _gold_item(pred, [(target, p.get("target_text"), p.get("target_span"))])
            for p in rec.get("passages") or []
        ]
        found = [
            _Item(((target, span),) if (span := _as_span(p.get("target_span"))) else ())
            for p in pred_pairs.get((source, target), [])
        ]
        tp += len(_greedy(wanted, found, _span_score))
        golds += wanted
    n_passages = sum(len(passages) for passages in pred_pairs.values())
    return [
        _make("reuse", len(gold_pairs.keys() & pred_pairs), len(pred_pairs), len(gold_pairs)),
        _make(
            "reuse_unordered",
            len(unordered_gold & unordered_pred),
            len(unordered_pred),
            len(unordered_gold),
        ),
        _make("reuse_passages", tp, n_passages, len(golds), _lost_note(golds)),
    ]


def _is_theme(story: dict[str, Any]) -> bool:
    """Whether gold marks a cross-document theme (seeds: «T1»), which is not a story."""
    if story.get("theme") is True or "theme" in {story.get("kind"), story.get("type")}:
        return True
    story_id = str(story.get("story_id") or story.get("id") or "")
    return bool(_THEME_ID.match(story_id)) or "theme" in str(story.get("label") or "").lower()


def _pairs(clusters: Iterable[set[Any]]) -> set[frozenset[Any]]:
    return {frozenset(pair) for cluster in clusters for pair in combinations(sorted(cluster), 2)}


def _clusters_of(docs: set[str], clusters: list[set[str]]) -> dict[str, set[str]]:
    """Each document with every document it shares a cluster with (clusters may overlap)."""
    return {doc: {doc}.union(*(c for c in clusters if doc in c)) & docs for doc in docs}


def _score_stories(gold: dict[str, Any], pred: _Pred) -> list[KindScore]:
    gold_clusters = [
        set(story.get("docs") or []) for story in gold.get("stories") or [] if not _is_theme(story)
    ]
    pred_clusters = [
        {doc for doc in map(pred.doc, story.get("doc_ids") or []) if doc}
        for story in pred.records["stories"]
    ]
    gold_pairs, pred_pairs = _pairs(gold_clusters), _pairs(pred_clusters)
    pairwise = _make("stories", len(gold_pairs & pred_pairs), len(pred_pairs), len(gold_pairs))
    docs = {d["doc_id"] for d in gold.get("documents") or []}.union(*gold_clusters)
    if not gold_clusters:
        return [pairwise, _make("stories_bcubed", 0, len(pred_clusters), 0)]
    want, got = _clusters_of(docs, gold_clusters), _clusters_of(docs, pred_clusters)
    precision = sum(len(want[d] & got[d]) / len(got[d]) for d in docs) / len(docs)
    recall = sum(len(want[d] & got[d]) / len(want[d]) for d in docs) / len(docs)
    exact = sum(want[d] == got[d] for d in docs)
    note = f"mean over {len(docs)} documents; tp = documents whose cluster is exactly right"
    f1 = _f1(precision, recall)
    return [
        pairwise,
        KindScore("stories_bcubed", exact, len(docs), len(docs), precision, recall, f1, note),
    ]


def _score_entities(gold: dict[str, Any], pred: _Pred) -> list[KindScore]:
    gold_groups = [
        {(m["doc"], _fold(m["form"])) for m in entity.get("mentions") or [] if m.get("form")}
        for entity in gold.get("entities") or []
    ]
    pred_groups = [
        {
            (doc, _fold(m.get("text")))
            for m in entity.get("mentions") or []
            if (doc := pred.doc(m.get("doc_id"))) and m.get("text")
        }
        for entity in pred.records["entities"]
    ]
    gold_nodes: set[tuple[str, str]] = set().union(*gold_groups)
    pred_nodes: set[tuple[str, str]] = set().union(*pred_groups)
    # Links are judged only between forms the gold lists, so a missed or extra mention
    # is not punished twice (once here, once in ``entities``).
    gold_links = _pairs(gold_groups)
    pred_links = _pairs(group & gold_nodes for group in pred_groups)
    return [
        _make("entities", len(gold_nodes & pred_nodes), len(pred_nodes), len(gold_nodes)),
        _make(
            "entities_linked",
            len(gold_links & pred_links),
            len(pred_links),
            len(gold_links),
            "pairs of gold (doc, form) mentions in one entity",
        ),
    ]


def _name_keys(names: Iterable[str | None]) -> set[str]:
    """Last words of names, so «العميد أحمد المسمارى» and «أحمد المسماري» agree."""
    keys = set()
    for name in filter(None, names):
        for part in re.split(r"[،,]", _PARENS.sub(" ", name)):
            if words := _words(part):
                keys.add(_strip_al(words[-1]))
    return keys


def _score_statements(gold: dict[str, Any], pred: _Pred) -> list[KindScore]:
    gold_names = {e.get("id"): e.get("name") for e in gold.get("entities") or []}
    pred_names = {str(e.get("id")): e.get("name") for e in pred.records["entities"]}
    golds = []
    for s in gold.get("statements") or []:
        # «P12+P02»: a joint statement; either speaker's name will do.
        linked = [gold_names.get(i.strip()) for i in str(s.get("speaker") or "").split("+")]
        keys = _name_keys([s.get("speaker_name"), s.get("speaker_text"), *linked])
        golds.append(
            _gold_item(pred, [(s["doc_id"], s.get("content"), s.get("content_span"))],
                       {"k": keys, "verb": _verb_key(s.get("verb")),
                        "polarity": s.get("polarity"), "mode": s.get("mode")})
        )
    preds = []
    for item in _pred_items(
        pred, "statements", lambda r: [(r.get("doc_id"), r.get("content_span"))]
    ):
        linked = pred_names.get(str(item.rec.get("speaker")))
        preds.append(_Item(item.spans, {"k": _name_keys([item.rec.get("speaker_text"), linked]),
                                        "verb": _verb_key(item.rec.get("verb")),
                                        "polarity": item.rec.get("polarity"),
                                        "mode": item.rec.get("mode")}))

    def same(field_name: str) -> _Extra:
        return lambda g, p: g.rec[field_name] == p.rec[field_name]

    return [
        _span_kind("statements", golds, preds, None),
        _span_kind("statements_speaker", golds, preds, lambda g, p: bool(g.rec["k"] & p.rec["k"])),
        _span_kind("statements_verb", golds, preds, same("verb")),
        _span_kind("statements_polarity", golds, preds, same("polarity")),
        _span_kind("statements_mode", golds, preds, same("mode")),
    ]


def _verb_key(verb: str | None) -> str | None:
    """A cue compared by its last word, folded, without و/ف («وأكد» = «أكد», «قد أعلن» =
    «أعلن»); interview answers have none (null equals null)."""
    words = _words(verb or "")
    if not words:
        return None
    last = words[-1]
    return last[1:] if len(last) > 3 and last[0] in "وف" else last


def _unit(value: Any) -> str:
    text = str(value or "").strip().casefold()
    return _UNIT_ALIASES.get(text, text)


def _same_unit_quantity(gold: _Item, pred: _Item) -> bool:
    quantity = str(gold.rec.get("quantity") or "").casefold()
    return (
        _same_value(gold, pred)
        and _unit(gold.rec.get("unit")) == _unit(pred.rec.get("unit"))
        and (quantity in _ANY_QUANTITY or quantity == str(pred.rec.get("quantity")).casefold())
    )


def _score_claims(gold: dict[str, Any], pred: _Pred) -> list[KindScore]:
    golds = [
        _gold_item(pred, [(c["doc_id"], c.get("text"), c.get("span"))], c)
        for c in gold.get("claims") or []
    ]
    dates = [
        _gold_item(pred, [(d["doc_id"], d.get("text"), d.get("span"))])
        for d in gold.get("dates") or []
    ]
    gold_speakers = _gold_statement_speakers(gold)

    def gold_voice(claim: dict[str, Any]) -> set[str]:
        if claim.get("statement_id"):
            return gold_speakers.get(str(claim["statement_id"])) or {"?"}
        return _name_keys([claim.get("speaker_name"), claim.get("speaker_text")]) or {"outlet"}

    golds = [_Item(g.spans, {**g.rec, "voice": gold_voice(g.rec)}) for g in golds]
    pred_speakers = _pred_statement_speakers(pred)
    pred_names = {str(e.get("id")): e.get("name") for e in pred.records["entities"]}

    def pred_voice(claim: dict[str, Any]) -> set[str]:
        if not claim.get("statement_id") and not claim.get("attributed_to"):
            return {"outlet"}
        keys = _name_keys([pred_names.get(str(claim.get("attributed_to")))])
        return keys | pred_speakers.get(str(claim.get("statement_id")), set()) or {"?"}

    preds = [_Item(p.spans, {**p.rec, "voice": pred_voice(p.rec)}) for p in _pred_items(
        pred, "claims", lambda r: [(r.get("doc_id"), r.get("span"))])]

    def same_voice(g: _Item, p: _Item) -> bool:
        return _same_value(g, p) and bool(g.rec["voice"] & p.rec["voice"] - {"?"})

    scores = []
    for kind, extra in (("claims", _same_value), ("claims_unit_quantity", _same_unit_quantity),
                        ("claims_attribution", same_voice)):
        pairs = _greedy(golds, preds, lambda g, p, e=extra: _span_score(g, p, e))
        matched = {j for _, j in pairs}
        on_dates = sum(
            1
            for j, item in enumerate(preds)
            if j not in matched and any(_span_score(d, item) is not None for d in dates)
        )
        note = f"{on_dates} predictions on gold dates not counted" if on_dates else ""
        scores.append(
            _make(kind, len(pairs), len(preds) - on_dates, len(golds), _lost_note(golds), note)
        )
    return scores


def _gold_statement_speakers(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Gold statement id → name keys of its speaker."""
    names = {e.get("id"): e.get("name") for e in gold.get("entities") or []}
    return {
        str(s.get("id")): _name_keys([s.get("speaker_name"), s.get("speaker_text"),
                                      *[names.get(i.strip())
                                        for i in str(s.get("speaker") or "").split("+")]])
        for s in gold.get("statements") or []
    }


def _pred_statement_speakers(pred: _Pred) -> dict[str, set[str]]:
    """Predicted statement id → name keys of its speaker (text and linked entity)."""
    names = {str(e.get("id")): e.get("name") for e in pred.records["entities"]}
    return {
        str(s.get("id")): _name_keys([s.get("speaker_text"), names.get(str(s.get("speaker")))])
        for s in pred.records["statements"]
    }


def _score_comparisons(gold: dict[str, Any], pred: _Pred) -> KindScore:
    golds = [
        [
            _gold_item(
                pred, [(v["doc"], v.get("span"), (v.get("char_start"), v.get("char_end")))], v
            )
            for v in comparison.get("values") or []
        ]
        for comparison in gold.get("comparisons") or []
    ]
    claims = {str(c.get("id")): c for c in pred.records["claims"]}
    preds = []
    for comparison in pred.records["comparisons"]:
        values, on_gold = [], False
        for value in comparison.get("values") or []:
            claim = claims.get(str(value.get("claim_id")), {})
            doc = pred.doc(value.get("doc_id") or claim.get("doc_id"))
            span = _as_span(claim.get("span"))
            values.append(_Item(((doc, span),) if doc and span else (), value))
            on_gold = on_gold or bool(doc)
        if on_gold:  # comparisons wholly on other articles are not judged
            preds.append(values)

    def shared_values(g: list[_Item], p: list[_Item]) -> float | None:
        same = _greedy(g, p, lambda a, b: _span_score(a, b, _same_value))
        return float(len(same)) if len(same) >= 2 else None

    tp = len(_greedy(golds, preds, shared_values))
    lost = _lost_note([item for values in golds for item in values], "gold values")
    return _make("comparisons", tp, len(preds), len(golds), lost)


def _event_type(value: Any) -> str:
    return re.sub(r"\s*/\s*", "/", " ".join(str(value or "").casefold().split()))


def _score_events(gold: dict[str, Any], pred: _Pred) -> list[KindScore]:
    golds = [
        _gold_item(
            pred, [(s["doc_id"], s.get("text"), s.get("span")) for s in e.get("spans") or []], e
        )
        for e in gold.get("events") or []
    ]
    preds = _pred_items(
        pred, "events", lambda r: [(s.get("doc_id"), s.get("span")) for s in r.get("spans") or []]
    )

    def same_type(g: _Item, p: _Item) -> bool:
        return _event_type(g.rec.get("event_type")) == _event_type(p.rec.get("event_type"))

    def same_place(g: _Item, p: _Item) -> bool:
        points = [(r.get("latitude"), r.get("longitude")) for r in (g.rec, p.rec)]
        missing = [lat is None or lon is None for lat, lon in points]
        if any(missing):
            return all(missing)  # «n/a (phone call)»: right only when neither has a place
        return _km(*points[0], *points[1]) <= EVENT_PLACE_KM

    def same_date(g: _Item, p: _Item) -> bool:
        days = _gold_days(str(g.rec.get("event_date") or ""))
        predicted = str(p.rec.get("event_date") or "")[:10]
        return days is not None and days[0] <= predicted <= days[1]

    def same_actor1(g: _Item, p: _Item) -> bool:
        predicted = _actor_key(str(p.rec.get("actor1") or ""))
        return any(_same_actor(alternative, predicted)
                   for alternative in _actor_keys(str(g.rec.get("actor1") or "")))

    def same_sub_type(g: _Item, p: _Item) -> bool:
        gold_sub = str(g.rec.get("sub_event_type") or "").split(" (", 1)[0]
        return same_type(g, p) and _event_type(gold_sub) == _event_type(
            p.rec.get("sub_event_type"))

    def same_fatalities(g: _Item, p: _Item) -> bool:
        return _deaths(g.rec.get("fatalities")) == _deaths(p.rec.get("fatalities"))

    return [
        _span_kind("events", golds, preds, None),
        _span_kind("events_typed", golds, preds, same_type),
        _span_kind("events_located", golds, preds, same_place),
        _span_kind("events_dated", golds, preds, same_date),
        _span_kind("events_actor1", golds, preds, same_actor1),
        _span_kind("events_sub_typed", golds, preds, same_sub_type),
        _span_kind("events_fatalities", golds, preds, same_fatalities),
    ]


def _deaths(value: Any) -> float | None:
    """A fatalities figure as a number; none given and none counted are both no deaths."""
    try:
        return float(value) if value not in (None, "") else 0.0
    except (TypeError, ValueError):
        return None


_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4}-\d{2})\b")
_ACTOR_YEAR = re.compile(r"\((\d{4})-")


def _gold_days(value: str) -> tuple[str, str] | None:
    """First and last ISO day a gold ``event_date`` allows, or None when it gives none."""
    days = _ISO_DAY.findall(value)
    if days:
        return days[0], days[-1]
    months = _ISO_MONTH.findall(value)
    return (months[0] + "-01", months[-1] + "-31") if months else None


def _actor_keys(name: str) -> list[tuple[str, str | None]]:
    return [_actor_key(part) for part in name.split(" / ") if part.strip()]


def _actor_key(name: str) -> tuple[str, str | None]:
    """(lower-cased words before any "(", "–" or "—", starting year in parentheses)."""
    year = _ACTOR_YEAR.search(name)
    head = re.split(r"[(–—]", name, maxsplit=1)[0]
    return " ".join(head.lower().split()), year.group(1) if year else None


def _same_actor(gold: tuple[str, str | None], pred: tuple[str, str | None]) -> bool:
    return bool(gold[0]) and gold[0] == pred[0] and (
        gold[1] is None or pred[1] is None or gold[1] == pred[1])


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), kilometres."""
    rad = math.radians
    a = (math.sin(rad(lat2 - lat1) / 2) ** 2
         + math.cos(rad(lat1)) * math.cos(rad(lat2)) * math.sin(rad(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def evaluate(gold: dict[str, Any], pred_dir: Path | str) -> dict[str, KindScore]:
    """Score a prediction directory against gold, one score per record kind.

    Args:
        gold: annotations as returned by :func:`load_gold`.
        pred_dir: a directory holding the contract's JSONL files; any may be missing.

    Returns:
        Kind name -> score, in the order the contract's data flows.
    """
    pred = _load_pred(Path(pred_dir), _gold_doc_ids(gold))
    scores = [
        _score_outlets(gold, pred),
        _score_titles(gold, pred),
        *_score_reuse(gold, pred),
        *_score_stories(gold, pred),
        *_score_entities(gold, pred),
        *_score_statements(gold, pred),
        *_score_claims(gold, pred),
        _score_comparisons(gold, pred),
        *_score_events(gold, pred),
    ]
    return {score.kind: score for score in scores}


def format_table(scores: dict[str, KindScore]) -> str:
    """Render scores as a plain-text table for a terminal or a CI log.

    Args:
        scores: as returned by :func:`evaluate`.

    Returns:
        A header and one line per kind; an unscored kind shows "-" for P, R and F1.
    """
    header = f"{'kind':<22} {'tp':>5} {'pred':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}  note"
    lines = [header, "-" * len(header)]
    for s in scores.values():
        rates = (s.precision, s.recall, s.f1) if s.scored else ("-", "-", "-")
        shown = " ".join(f"{r:>6.3f}" if isinstance(r, float) else f"{r:>6}" for r in rates)
        row = f"{s.kind:<22} {s.tp:>5} {s.n_pred:>5} {s.n_gold:>5} {shown}  {s.note}"
        lines.append(row.rstrip())
    return "\n".join(lines)


def scores_to_json(scores: dict[str, KindScore]) -> dict[str, dict[str, Any]]:
    """Turn scores into JSON-ready dicts, for ``--json`` output and evaluation gates.

    Args:
        scores: as returned by :func:`evaluate`.

    Returns:
        Kind name -> the score's fields, rates rounded to four decimals.
    """
    rates = ("precision", "recall", "f1")
    return {
        kind: asdict(score) | {key: round(getattr(score, key), 4) for key in rates}
        for kind, score in scores.items()
    }
