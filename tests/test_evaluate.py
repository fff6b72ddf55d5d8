"""Tests for khabar.evaluate: tiny gold dicts scored against prediction dirs in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from khabar.evaluate import KindScore, evaluate, format_table, load_gold, scores_to_json

SHARED = Path(__file__).parents[1] / ".." / "shared"

# Raw file text as the gold sees it: a boilerplate first line the system may drop.
RAW = (
    "اقرأ أيضا: خبر آخر\n"
    "قال العميد أحمد المسماري إن الجيش سيطر على 480 كم مربع من درنة.\n"
    "وأضاف المسماري أن 31 إرهابيا قتلوا في المعارك.\n"
)
DOC = "000_seed.txt"


def span_of(text: str, quote: str, nth: int = 0) -> list[int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return [start, start + len(quote)]


def write(pred_dir: Path, kind: str, records: list[dict[str, Any]]) -> None:
    pred_dir.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    (pred_dir / f"{kind}.jsonl").write_text(lines, encoding="utf-8")


def article(article_id: str, text: str, doc: str = DOC, **fields: Any) -> dict[str, Any]:
    return {"id": article_id, "source": f"/data/seeds/{doc}", "text": text} | fields


def claim_gold(quote: str, value: float, unit: str = "count", **fields: Any) -> dict[str, Any]:
    return {
        "doc_id": DOC,
        "text": quote,
        "span": span_of(RAW, quote),
        "value": value,
        "value_high": None,
        "unit": unit,
        "quantity": "killed",
    } | fields


def claim_pred(text: str, quote: str, value: float, unit: str = "count", **fields: Any) -> dict:
    return {
        "id": f"c{value}",
        "doc_id": "a1",
        "span": span_of(text, quote),
        "text": quote,
        "value": value,
        "value_high": None,
        "unit": unit,
        "quantity": "killed",
    } | fields


def full_gold() -> dict[str, Any]:
    statement = "إن الجيش سيطر على 480 كم مربع من درنة"
    event = "أن 31 إرهابيا قتلوا في المعارك"
    return {
        "documents": [
            {"doc_id": DOC, "outlet": "Al-Ain News", "outlet_ar": "العين الإخبارية", "title": None}
        ],
        "claims": [
            claim_gold("480 كم مربع", 480, unit="km2", quantity="area_controlled"),
            claim_gold("31 إرهابيا", 31),
        ],
        "statements": [
            {
                "doc_id": DOC,
                "speaker": "P01",
                "speaker_name": "أحمد المسماري",
                "speaker_text": "العميد أحمد المسماري",
                "content": statement,
                "content_span": span_of(RAW, statement),
            }
        ],
        "events": [
            {
                "event_type": "Battles",
                "event_date": "2018-05-07/2018-05-09",
                "actor1": "Military Forces of Libya (2014-) – LNA (Haftar)",
                "spans": [{"doc_id": DOC, "span": span_of(RAW, event), "text": event}],
            }
        ],
        "entities": [
            {
                "id": "P01",
                "name": "أحمد المسماري",
                "mentions": [
                    {"doc": DOC, "form": "العميد أحمد المسماري", "count": 1},
                    {"doc": DOC, "form": "المسماري", "count": 1},
                ],
            }
        ],
    }


def full_prediction(pred_dir: Path, text: str) -> None:
    gold = full_gold()
    write(pred_dir, "articles", [article("a1", text, outlet="العين الإخبارية", title=None)])
    write(
        pred_dir,
        "claims",
        [
            claim_pred(text, "480 كم مربع", 480, unit="km2", quantity="area_controlled"),
            claim_pred(text, "31 إرهابيا", 31),
        ],
    )
    content = gold["statements"][0]["content"]
    write(
        pred_dir,
        "statements",
        [
            {
                "id": "s1",
                "doc_id": "a1",
                "speaker": "e1",
                "speaker_text": "العميد أحمد المسماري",
                "content_span": span_of(text, content),
            }
        ],
    )
    event = gold["events"][0]["spans"][0]["text"]
    write(
        pred_dir,
        "events",
        [
            {
                "id": "v1",
                "event_type": "Battles",
                "event_date": "2018-05-08",
                "actor1": "Military Forces of Libya (2014-) Libyan National Army",
                "spans": [{"doc_id": "a1", "span": span_of(text, event), "text": event}],
            }
        ],
    )
    mentions = [
        {"doc_id": "a1", "span": span_of(text, form), "text": form}
        for form in ("العميد أحمد المسماري", "المسماري")
    ]
    write(pred_dir, "entities", [{"id": "e1", "name": "أحمد المسماري", "mentions": mentions}])


def test_evaluate_perfect_prediction_scores_one(tmp_path: Path) -> None:
    full_prediction(tmp_path, RAW)
    scores = evaluate(full_gold(), tmp_path)
    scored = {kind: s.f1 for kind, s in scores.items() if s.scored}
    assert set(scored) >= {"outlets", "titles", "claims", "statements_speaker", "events_typed"}
    assert set(scored) >= {"entities", "entities_linked", "claims_unit_quantity"}
    assert all(f1 == 1.0 for f1 in scored.values()), scored


def test_evaluate_dropped_first_line_still_matches_by_quoted_text(tmp_path: Path) -> None:
    shifted = RAW.split("\n", 1)[1]
    full_prediction(tmp_path, shifted)
    scores = evaluate(full_gold(), tmp_path)
    assert scores["claims"].tp == 2
    assert scores["statements"].f1 == 1.0
    assert scores["events"].f1 == 1.0


def test_evaluate_gold_quote_found_after_whitespace_collapse(tmp_path: Path) -> None:
    text = RAW.replace("من درنة.\nوأضاف", "من درنة.  وأضاف")
    quote = "درنة.\nوأضاف المسماري"
    gold = {"documents": [{"doc_id": DOC}], "claims": [claim_gold(quote, 1)]}
    write(tmp_path, "articles", [article("a1", text)])
    write(tmp_path, "claims", [claim_pred(text, "درنة.  وأضاف المسماري", 1)])
    assert evaluate(gold, tmp_path)["claims"].tp == 1


def test_evaluate_nearest_occurrence_of_a_repeated_quote(tmp_path: Path) -> None:
    raw = "سيطر على 480 كم.\nثم قال: 480 كم.\n"
    second = span_of(raw, "480 كم", nth=1)
    gold = {
        "documents": [{"doc_id": DOC}],
        "claims": [{"doc_id": DOC, "text": "480 كم", "span": second, "value": 480}],
    }
    write(tmp_path, "articles", [article("a1", raw)])
    write(tmp_path, "claims", [{"id": "c", "doc_id": "a1", "span": [9, 15], "value": 480}])
    assert evaluate(gold, tmp_path)["claims"].tp == 0
    write(tmp_path, "claims", [{"id": "c", "doc_id": "a1", "span": second, "value": 480}])
    assert evaluate(gold, tmp_path)["claims"].tp == 1


@pytest.mark.parametrize(
    ("quote", "value", "value_high", "matches"),
    [
        ("31 إرهابيا", 31, None, True),
        ("31 إرهابيا قتلوا", 31, None, True),  # overlap 10 of the shorter 10
        ("هابيا قتلوا في المعارك", 31, None, True),  # overlap 5 of 10: exactly half
        ("بيا قتلوا في المعارك", 31, None, False),  # overlap 3 of 10
        ("31 إرهابيا", 32, None, False),
        ("31 إرهابيا", 31, 35, False),
    ],
)
def test_evaluate_claim_needs_half_overlap_and_equal_values(
    tmp_path: Path, quote: str, value: float, value_high: float | None, matches: bool
) -> None:
    gold = {"documents": [{"doc_id": DOC}], "claims": [claim_gold("31 إرهابيا", 31)]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "claims", [claim_pred(RAW, quote, value, value_high=value_high)])
    assert evaluate(gold, tmp_path)["claims"].tp == int(matches)


def test_evaluate_missing_file_counts_as_no_predictions(tmp_path: Path) -> None:
    write(tmp_path, "articles", [article("a1", RAW)])
    score = evaluate(full_gold(), tmp_path)["claims"]
    assert (score.tp, score.n_pred, score.n_gold) == (0, 0, 2)
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)
    assert score.scored


def test_evaluate_unknown_article_counts_as_unmatchable(tmp_path: Path) -> None:
    write(tmp_path, "articles", [article("a1", RAW, doc="other.txt")])
    write(tmp_path, "claims", [claim_pred(RAW, "31 إرهابيا", 31)])
    score = evaluate(full_gold(), tmp_path)["claims"]
    assert (score.tp, score.n_pred, score.recall) == (0, 0, 0.0)
    assert "2 gold records not found" in score.note


def test_evaluate_matches_gold_written_against_article_ids(tmp_path: Path) -> None:
    gold = {"documents": [{"doc_id": "a1"}], "claims": [claim_gold("31 إرهابيا", 31, doc_id="a1")]}
    write(tmp_path, "articles", [article("a1", RAW, doc="whatever.html")])
    write(tmp_path, "claims", [claim_pred(RAW, "31 إرهابيا", 31)])
    assert evaluate(gold, tmp_path)["claims"].f1 == 1.0


def test_evaluate_kind_without_gold_is_not_scored(tmp_path: Path) -> None:
    write(tmp_path, "articles", [article("a1", RAW)])
    scores = evaluate({"documents": [{"doc_id": DOC}]}, tmp_path)
    assert not scores["events"].scored
    assert "not scored" in scores["events"].note
    row = next(line for line in format_table(scores).splitlines() if line.startswith("events "))
    assert row.split()[4:7] == ["-", "-", "-"]


def test_evaluate_claims_unit_quantity_needs_unit_and_quantity(tmp_path: Path) -> None:
    gold = {"documents": [{"doc_id": DOC}], "claims": [claim_gold("480 كم مربع", 480, "km2")]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "claims", [claim_pred(RAW, "480 كم مربع", 480, unit="km")])
    scores = evaluate(gold, tmp_path)
    assert (scores["claims"].tp, scores["claims_unit_quantity"].tp) == (1, 0)
    write(tmp_path, "claims", [claim_pred(RAW, "480 كم مربع", 480, unit="km²")])
    assert evaluate(gold, tmp_path)["claims_unit_quantity"].tp == 1


@pytest.mark.parametrize(
    ("statement_id", "attributed_to", "agrees"),
    [
        ("s1", None, True),  # through the predicted statement's speaker
        (None, "e1", True),  # through the attributed entity
        (None, None, False),  # the outlet's voice, but the gold gives a speaker
    ],
)
def test_evaluate_claims_attribution_by_speaker(
    tmp_path: Path, statement_id: str | None, attributed_to: str | None, agrees: bool
) -> None:
    gold = {"documents": [{"doc_id": DOC}],
            "claims": [claim_gold("31 إرهابيا", 31, speaker_name="أحمد المسماري"),
                       claim_gold("480 كم مربع", 480, "km2", quantity="area_controlled")]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "entities", [{"id": "e1", "name": "أحمد المسمارى"}])
    write(tmp_path, "statements", [{"id": "s1", "doc_id": "a1", "speaker_text": "المسماري",
                                    "content_span": span_of(RAW, "أن 31 إرهابيا قتلوا")}])
    write(tmp_path, "claims", [
        claim_pred(RAW, "31 إرهابيا", 31, statement_id=statement_id, attributed_to=attributed_to),
        claim_pred(RAW, "480 كم مربع", 480, "km2", statement_id=None, attributed_to=None),
    ])
    assert evaluate(gold, tmp_path)["claims_attribution"].tp == (2 if agrees else 1)


@pytest.mark.parametrize(
    ("speaker_text", "entity_name", "agrees"),
    [
        ("المسمارى", None, True),  # Egyptian final ya
        (None, "اللواء أحمد المسمارى", True),  # through the linked entity
        ("رئيس العمليات", None, False),
    ],
)
def test_evaluate_statement_speaker_by_last_name(
    tmp_path: Path, speaker_text: str | None, entity_name: str | None, agrees: bool
) -> None:
    gold = full_gold()
    content = gold["statements"][0]["content"]
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "entities", [{"id": "e9", "name": entity_name, "mentions": []}])
    write(
        tmp_path,
        "statements",
        [
            {
                "doc_id": "a1",
                "speaker": "e9",
                "speaker_text": speaker_text,
                "content_span": span_of(RAW, content),
            }
        ],
    )
    scores = evaluate(gold, tmp_path)
    assert scores["statements"].tp == 1
    assert scores["statements_speaker"].tp == int(agrees)


@pytest.mark.parametrize(
    ("gold_outlet", "predicted", "tp", "n_gold"),
    [
        ("الوسط الليبي", "الوسط الليبى", 1, 1),
        ("الوسط الليبي", "بوابة الوسط الليبي", 1, 1),  # contains the gold name
        ("الوسط الليبي", "اليوم السابع", 0, 1),
        (None, "اليوم السابع", 0, 0),  # unknown outlet: not judged
    ],
)
def test_evaluate_outlet_normalization(
    tmp_path: Path, gold_outlet: str | None, predicted: str, tp: int, n_gold: int
) -> None:
    outlet = "Al-Wasat" if gold_outlet else "unknown"
    gold = {"documents": [{"doc_id": DOC, "outlet": outlet, "outlet_ar": gold_outlet}]}
    write(tmp_path, "articles", [article("a1", RAW, outlet=predicted)])
    score = evaluate(gold, tmp_path)["outlets"]
    assert (score.tp, score.n_gold) == (tp, n_gold)


def test_evaluate_titles_null_gold_accepts_null(tmp_path: Path) -> None:
    gold = {
        "documents": [
            {"doc_id": "a.txt", "title": None},
            {"doc_id": "b.txt", "title": "المسماري:  هدف الجيش"},
        ]
    }
    write(
        tmp_path,
        "articles",
        [
            article("1", RAW, doc="a.txt", title=None),
            article("2", RAW, doc="b.txt", title="المسماري: هدف الجيش"),
        ],
    )
    assert evaluate(gold, tmp_path)["titles"].tp == 2


def test_evaluate_reuse_direction_and_passages(tmp_path: Path) -> None:
    passage = "وأضاف المسماري أن 31 إرهابيا قتلوا في المعارك."
    gold = {
        "documents": [{"doc_id": "a.txt"}, {"doc_id": "b.txt"}],
        "reuse": [
            {
                "source_id": "a.txt",
                "target_id": "b.txt",
                "passages": [{"target_span": span_of(RAW, passage), "target_text": passage}],
            }
        ],
    }
    shifted = RAW.split("\n", 1)[1]
    write(tmp_path, "articles", [article("1", RAW, doc="a.txt"), article("2", shifted, "b.txt")])
    pair = {"source_id": "1", "target_id": "2"}
    write(tmp_path, "reuse", [pair | {"passages": [{"target_span": span_of(shifted, passage)}]}])
    scores = evaluate(gold, tmp_path)
    assert (scores["reuse"].tp, scores["reuse_passages"].tp) == (1, 1)
    write(tmp_path, "reuse", [{"source_id": "2", "target_id": "1", "passages": []}])
    scores = evaluate(gold, tmp_path)
    assert (scores["reuse"].tp, scores["reuse_unordered"].tp) == (0, 1)


def test_evaluate_stories_pairwise_and_bcubed_by_hand(tmp_path: Path) -> None:
    docs = ["a", "b", "c", "d", "e"]
    gold = {
        "documents": [{"doc_id": f"{d}.txt"} for d in docs],
        "stories": [
            {"story_id": "S1", "docs": ["a.txt", "b.txt", "c.txt"]},
            {"story_id": "S2", "docs": ["d.txt", "e.txt"]},
            {"story_id": "T1", "label": "theme", "docs": ["a.txt", "b.txt", "d.txt", "e.txt"]},
        ],
    }
    write(tmp_path, "articles", [article(d, RAW, doc=f"{d}.txt") for d in docs])
    write(
        tmp_path,
        "stories",
        [{"id": "1", "doc_ids": ["a", "b"]}, {"id": "2", "doc_ids": ["c", "d", "e"]}],
    )
    scores = evaluate(gold, tmp_path)
    # Gold pairs ab ac bc de; predicted ab cd ce de; shared ab de.
    assert (scores["stories"].tp, scores["stories"].n_pred, scores["stories"].n_gold) == (2, 4, 4)
    assert scores["stories"].f1 == pytest.approx(0.5)
    # B-cubed precision per doc: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    bcubed = scores["stories_bcubed"]
    assert bcubed.precision == pytest.approx(11 / 15)
    assert bcubed.recall == pytest.approx(11 / 15)
    assert bcubed.f1 == pytest.approx(11 / 15)


def test_evaluate_entities_linked_pairs(tmp_path: Path) -> None:
    gold = full_gold()
    write(tmp_path, "articles", [article("a1", RAW)])
    split = [
        {"id": "e1", "name": "x", "mentions": [{"doc_id": "a1", "text": "العميد أحمد المسمارى"}]},
        {"id": "e2", "name": "y", "mentions": [{"doc_id": "a1", "text": "المسماري"}]},
    ]
    write(tmp_path, "entities", split)
    scores = evaluate(gold, tmp_path)
    assert scores["entities"].tp == 2
    assert (scores["entities_linked"].tp, scores["entities_linked"].n_gold) == (0, 1)


def test_evaluate_comparisons_need_two_matching_values(tmp_path: Path) -> None:
    gold_values = [
        {"doc": DOC, "span": q, "value": v, "char_start": s[0], "char_end": s[1]}
        for q, v in (("480 كم مربع", 480), ("31 إرهابيا", 31))
        for s in [span_of(RAW, q)]
    ]
    gold = {"documents": [{"doc_id": DOC}], "comparisons": [{"id": "C1", "values": gold_values}]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(
        tmp_path, "claims", [claim_pred(RAW, "480 كم مربع", 480), claim_pred(RAW, "31 إرهابيا", 31)]
    )
    values = [
        {"doc_id": "a1", "claim_id": "c480", "value": 480},
        {"doc_id": "a1", "claim_id": "c31", "value": 31},
    ]
    write(tmp_path, "comparisons", [{"story_id": "s", "values": values}])
    assert evaluate(gold, tmp_path)["comparisons"].tp == 1
    write(tmp_path, "comparisons", [{"story_id": "s", "values": values[:1]}])
    assert evaluate(gold, tmp_path)["comparisons"].tp == 0


@pytest.mark.parametrize(("lat", "located"), [(32.76, 1), (32.0, 0)])
def test_evaluate_events_located_needs_coordinates_near_the_golds(
    tmp_path: Path, lat: float, located: int
) -> None:
    quote = "قال العميد أحمد المسماري إن الجيش سيطر على 480 كم مربع من درنة."
    span = {"doc_id": DOC, "text": quote, "span": span_of(RAW, quote)}
    gold = {"documents": [{"doc_id": DOC}], "events": [
        {"id": "E1", "event_type": "Battles", "latitude": 32.767, "longitude": 22.639,
         "spans": [span]}]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "events", [{"id": "e", "event_type": "Battles", "latitude": lat,
                                "longitude": 22.64, "spans": [span | {"doc_id": "a1"}]}])
    scores = evaluate(gold, tmp_path)
    assert (scores["events"].tp, scores["events_located"].tp) == (1, located)


def test_evaluate_rejects_broken_jsonl(tmp_path: Path) -> None:
    (tmp_path / "articles.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"articles\.jsonl:1"):
        evaluate(full_gold(), tmp_path)


def test_format_table_and_json_have_one_entry_per_kind(tmp_path: Path) -> None:
    full_prediction(tmp_path, RAW)
    scores = evaluate(full_gold(), tmp_path)
    assert all(isinstance(score, KindScore) for score in scores.values())
    table = format_table(scores).splitlines()
    assert len(table) == 2 + len(scores)
    data = json.loads(json.dumps(scores_to_json(scores)))
    assert data["claims"]["f1"] == 1.0 and data["events"]["scored"] is True


def test_evaluate_seeds_gold_claims_copied_from_gold(tmp_path: Path) -> None:
    gold_file, seeds = SHARED / "gold" / "seeds_gold.json", SHARED / "seeds"
    if not gold_file.exists() or not seeds.is_dir():
        pytest.skip(f"development gold not available at {SHARED.resolve()} (../shared is absent)")
    gold = load_gold(gold_file)
    articles, cut = [], {}
    for number, doc in enumerate(gold["documents"]):
        raw = (seeds / doc["doc_id"]).read_text(encoding="utf-8")
        # Drop 003's breadcrumb line, as the cleaner does, so offsets really shift.
        cut[doc["doc_id"]] = raw.index("\n") + 1 if doc["doc_id"].startswith("003") else 0
        articles.append(article(f"art{number}", raw[cut[doc["doc_id"]] :], doc=doc["doc_id"]))
    ids = {a["source"].rsplit("/", 1)[1]: a["id"] for a in articles}
    claims = [
        {key: c[key] for key in ("id", "value", "value_high", "unit", "quantity", "text")}
        | {"doc_id": ids[c["doc_id"]], "span": [p - cut[c["doc_id"]] for p in c["span"]]}
        for c in gold["claims"]
    ]
    write(tmp_path, "articles", articles)
    write(tmp_path, "claims", claims)
    scores = evaluate(gold, tmp_path)
    assert scores["claims"].f1 == 1.0
    assert scores["claims_unit_quantity"].f1 == 1.0
    assert scores["statements"].recall == 0.0 and scores["statements"].scored


@pytest.mark.parametrize(("gold_date", "gold_actor", "dated", "same_actor"), [
    ("2018-05-08", "Military Forces of Libya (2014-) – LNA", 1, 1),
    ("2018-05 (month only)", "Derna Protection Force / Military Forces of Libya", 1, 1),
    ("2018-05-09/2018-05-12", "Military Forces of Libya (2016-2021) – GNA", 0, 0),
    ("a Sunday before publication", "Islamic State", 0, 0),
])
def test_evaluate_events_dated_and_actor1(tmp_path: Path, gold_date: str, gold_actor: str,
                                          dated: int, same_actor: int) -> None:
    quote = "قال العميد أحمد المسماري إن الجيش سيطر على 480 كم مربع من درنة."
    span = {"doc_id": DOC, "text": quote, "span": span_of(RAW, quote)}
    gold = {"documents": [{"doc_id": DOC}], "events": [
        {"id": "E1", "event_type": "Battles", "event_date": gold_date, "actor1": gold_actor,
         "spans": [span]}]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "events", [{
        "id": "e", "event_type": "Battles", "event_date": "2018-05-08",
        "actor1": "Military Forces of Libya (2014-) Libyan National Army",
        "spans": [span | {"doc_id": "a1"}]}])
    scores = evaluate(gold, tmp_path)
    assert (scores["events_dated"].tp, scores["events_actor1"].tp) == (dated, same_actor)


@pytest.mark.parametrize(("gold_sub", "gold_deaths", "sub_typed", "deaths"), [
    ("Armed clash", 12, 1, 1),
    ("Armed clash (two days of fighting)", "12", 1, 1),
    ("Government regains territory", 3, 0, 0),
    ("Armed clash", None, 1, 0),
])
def test_evaluate_events_sub_typed_and_fatalities(tmp_path: Path, gold_sub: str,
                                                  gold_deaths: object, sub_typed: int,
                                                  deaths: int) -> None:
    quote = "قال العميد أحمد المسماري إن الجيش سيطر على 480 كم مربع من درنة."
    span = {"doc_id": DOC, "text": quote, "span": span_of(RAW, quote)}
    gold = {"documents": [{"doc_id": DOC}], "events": [
        {"id": "E1", "event_type": "Battles", "sub_event_type": gold_sub,
         "fatalities": gold_deaths, "spans": [span]}]}
    write(tmp_path, "articles", [article("a1", RAW)])
    write(tmp_path, "events", [{
        "id": "e", "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 12,
        "spans": [span | {"doc_id": "a1"}]}])
    scores = evaluate(gold, tmp_path)
    assert (scores["events_sub_typed"].tp, scores["events_fatalities"].tp) == (sub_typed, deaths)
