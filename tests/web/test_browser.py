"""The pages in a real browser (Debian's chromium, driven by Playwright): they load right to
left, the seeds' story draws its 000 → 001 rewrite, a disagreement is marked, a statement
opens its record, and hostile report text never runs.

Skipped with a reason when chromium or Playwright is missing (``.ci/run`` installs both).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.pipeline import analyze
from khabar.store import db
from khabar.web.app import create_app
from tests.conftest import SEEDS
from tests.web.conftest import HOSTILE, REWRITE, SOURCE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

# As the machine notes say: no background networking on this closed network.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def serve(store: Path) -> Iterator[str]:
    """Run the site on a free loopback port in a thread; yield its base URL."""
    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(web_store) -> Iterator[str]:
    yield from serve(web_store)


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context()
    opened = context.new_page()
    opened.dialogs = []  # any alert() would land here
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message),
                                        dialog.dismiss()))
    yield opened
    context.close()


def test_every_page_loads_right_to_left(site, page, doc_ids) -> None:
    for path in ("/", "/stories", "/articles", "/entities?type=PER", "/events",
                 f"/articles/{doc_ids[REWRITE]}"):
        response = page.goto(site + path)
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_the_figures_table_marks_a_disagreement(site, page, doc_ids) -> None:
    page.goto(f"{site}/articles/{doc_ids[SOURCE]}")
    page.locator("a[href^='/stories/']").first.click()
    row = page.locator("table.figures tr.verdict-differ")
    assert row.count() >= 1
    assert row.first.locator(".differ").is_visible()
    colour = row.first.evaluate("row => getComputedStyle(row).backgroundColor")
    assert colour not in {"rgba(0, 0, 0, 0)", "transparent"}


def test_clicking_a_statement_opens_its_record(site, page, doc_ids) -> None:
    page.goto(f"{site}/articles/{doc_ids[REWRITE]}")
    mark = page.locator("a.mark[data-record=statement]").first
    mark.click()
    page.wait_for_url("**/statements/*")
    assert page.locator("table#record").is_visible()
    assert page.locator("blockquote.context mark").count() >= 1


def test_hostile_report_text_does_not_run(site, page, doc_ids) -> None:
    for path in ("/", "/articles", "/search?q=طرابلس", f"/articles/{doc_ids[HOSTILE]}"):
        page.goto(site + path)
        assert page.evaluate("window.pwned") is None, path
        assert page.title() != "pwned-title"
        assert page.locator("img[src=x]").count() == 0
        assert page.locator("a[href^='javascript:']").count() == 0
    assert page.dialogs == []
    assert "<script>" in page.locator("#text").inner_text()  # shown as text, inert


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory) -> Iterator[tuple[str, dict[str, str]]]:
    if not SEEDS.exists():
        pytest.skip(f"the seed reports are not at {SEEDS}")
    store = tmp_path_factory.mktemp("seeds-store") / "khabar.db"
    conn = db.open_store(store)
    analyze([SEEDS], conn=conn)
    ids = {Path(row["source"]).name[:3]: row["id"]
           for row in conn.execute("SELECT id, source FROM articles")}
    conn.close()
    for url in serve(store):
        yield url, ids


def test_the_seeds_story_draws_the_000_to_001_rewrite(seeds_site, page) -> None:
    site, ids = seeds_site
    page.goto(f"{site}/articles/{ids['001']}")
    page.locator("a[href^='/stories/']").first.click()
    edge = page.locator(f"svg.provenance g.edge[data-source='{ids['000']}']"
                        f"[data-target='{ids['001']}']")
    assert edge.count() == 1
    assert "cited" in edge.get_attribute("class").split()  # 001 names its source
    assert page.locator(f"svg.provenance a.node[data-id='{ids['000']}']").is_visible()
