"""The web pages, rendered by the test client: every page answers, in Arabic, right to left,
with news text escaped."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from khabar.web.app import create_app
from tests.web.conftest import HOSTILE, REWRITE, SOURCE


@pytest.fixture(scope="module")
def client(web_store) -> TestClient:
    return TestClient(create_app(web_store))


def first_id(client: TestClient, kind: str, **params: str) -> str:
    return client.get(f"/api/{kind}", params=params).json()["items"][0]["id"]


def test_every_page_answers_right_to_left(client, doc_ids) -> None:
    pages = ["/", "/stories", "/articles", "/search?q=سرت", "/entities", "/entities?type=PER",
             "/events", f"/articles/{doc_ids[REWRITE]}",
             f"/stories/{first_id(client, 'stories')}",
             f"/entities/{first_id(client, 'entities', type='PER')}",
             f"/statements/{first_id(client, 'statements')}",
             f"/claims/{first_id(client, 'claims')}",
             f"/events/{first_id(client, 'events')}"]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert '<html lang="ar" dir="rtl">' in response.text, page


def test_the_article_page_marks_statements_numbers_places_and_reuse(client, doc_ids) -> None:
    page = client.get(f"/articles/{doc_ids[REWRITE]}").text
    assert 'class="mark' in page
    for kind in ("statement", "claim", "place", "speaker", "reuse"):
        assert f" {kind}" in page or f'"mark {kind}' in page, kind
    # a reused passage links to where it stands in its source
    assert f'href="/articles/{doc_ids[SOURCE]}#c' in page
    source = client.get(f"/articles/{doc_ids[SOURCE]}").text
    assert "copied" in source and f"/articles/{doc_ids[REWRITE]}#c" in source


def test_news_text_is_escaped_everywhere(client, doc_ids) -> None:
    for page in ("/", "/articles", f"/articles/{doc_ids[HOSTILE]}", "/search?q=طرابلس"):
        html = client.get(page).text
        assert "<script>window.pwned" not in html and "<script>document.title" not in html
        assert "<img src=x" not in html and "<b>تجريبي</b>" not in html
    article = client.get(f"/articles/{doc_ids[HOSTILE]}").text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in article
    assert 'href="javascript:' not in article


def test_a_missing_record_is_a_404_page(client) -> None:
    response = client.get("/stories/story-000000000000")
    assert response.status_code == 404


def test_the_api_docs_page_needs_no_cdn(client) -> None:
    page = client.get("/docs").text
    assert "/api/statements" in page and "speaker" in page
    assert "cdn" not in page.lower() and "https://" not in page
