"""The REST API over a store: lists, filters, paging, records, validation."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from khabar.web.app import create_app
from tests.web.conftest import OTHER, REWRITE, SOURCE


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    return TestClient(create_app(web_store))


def test_articles_filter_by_outlet_date_and_text(client, doc_ids) -> None:
    every = client.get("/api/articles").json()
    assert every["total"] == 4 and len(every["items"]) == 4
    assert [a["published"][:10] for a in every["items"]] == sorted(
        (a["published"][:10] for a in every["items"]), reverse=True)
    one = client.get("/api/articles", params={"outlet": "موقع الثالث"}).json()
    assert [a["id"] for a in one["items"]] == [doc_ids[OTHER]]
    dated = client.get("/api/articles", params={"date_from": "2025-03-11",
                                                "date_to": "2025-03-11"}).json()
    assert {a["id"] for a in dated["items"]} == {doc_ids[REWRITE], doc_ids[OTHER]}
    found = client.get("/api/articles", params={"q": "النزوح"}).json()
    assert [a["id"] for a in found["items"]] == [doc_ids[OTHER]]


def test_paging_is_bounded_and_consistent(client) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    assert client.get("/api/articles", params={"limit": 0}).status_code == 422
    assert client.get("/api/articles", params={"limit": 100_000}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422
    assert client.get("/api/articles", params={"date_from": "yesterday"}).status_code == 422


def test_statements_filter_by_speaker_and_polarity(client) -> None:
    statements = client.get("/api/statements", params={"limit": 500}).json()["items"]
    speaker = next(s["speaker"] for s in statements if s["speaker"])
    said = client.get("/api/statements", params={"speaker": speaker}).json()
    assert said["total"] == sum(1 for s in statements if s["speaker"] == speaker)
    assert all(s["speaker"] == speaker for s in said["items"])
    polarity = statements[0]["polarity"]
    assert all(s["polarity"] == polarity for s in client.get(
        "/api/statements", params={"polarity": polarity}).json()["items"])
    assert client.get("/api/statements", params={"polarity": "nonsense"}).json()["total"] == 0


def test_records_round_trip_and_match_the_contract(client, doc_ids) -> None:
    texts = {a["id"]: a["text"] for a in client.get("/api/articles").json()["items"]}
    for kind in ("statements", "claims"):
        for record in client.get(f"/api/{kind}", params={"limit": 500}).json()["items"]:
            assert client.get(f"/api/{kind}/{record['id']}").json() == record
            span = record.get("content_span") or record.get("span")
            field = "content" if kind == "statements" else "text"
            assert texts[record["doc_id"]][span[0]:span[1]] == record[field]
    [pair] = client.get("/api/reuse").json()["items"]
    assert (pair["source_id"], pair["target_id"]) == (doc_ids[SOURCE], doc_ids[REWRITE])
    assert client.get("/api/reuse", params={"doc_id": doc_ids[OTHER]}).json()["total"] == 0


def test_comparisons_show_the_disagreement_and_stories_hold_their_reports(client,
                                                                          doc_ids) -> None:
    differ = client.get("/api/comparisons", params={"verdict": "differ"}).json()["items"]
    assert differ and differ[0]["quantity"] == "killed"
    assert {v["value"] for v in differ[0]["values"]} == {12, 15}
    # the rewrite repeats its source's figure: one source, not two
    assert differ[0]["independent_sources"] == 2
    story = client.get(f"/api/stories/{differ[0]['story_id']}").json()
    assert {doc_ids[SOURCE], doc_ids[REWRITE], doc_ids[OTHER]} <= set(story["doc_ids"])


def test_bad_ids_and_missing_records(client) -> None:
    assert client.get("/api/statements/no-such-id").status_code == 404
    assert client.get("/api/articles/..%2F..%2Fetc%2Fpasswd").status_code in {404, 422}
    assert client.get("/api/events/%3Cscript%3E").status_code == 422
    assert client.get("/static/../khabar.db").status_code == 404
    assert client.post("/api/articles").status_code == 405  # read-only


def test_openapi_documents_every_list(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for kind in ("articles", "stories", "entities", "statements", "claims", "comparisons",
                 "events", "reuse"):
        assert f"/api/{kind}" in paths
