"""The analyst's desk: a read-only REST API and Arabic web pages over a khabar store.

``create_app(store)`` builds a FastAPI application; ``khabar serve`` runs it with uvicorn on
127.0.0.1. The API (``/api/…``, documented at ``/docs``) returns the output contract's
records, paged; the pages (server-rendered Jinja2, ``dir="rtl"``, fonts served from the
package, no CDN) show the same records for people: a story's timeline, its chain of
transmission, its figures with disagreements marked; an article with its statements,
numbers, places and reused passages marked; a person's statements; events on a map.

Safety: the store is opened read-only per request; every parameter is typed and bounded;
ids must match ``ID_PATTERN``; SQL is parameterized (``web.queries``); templates escape
everything, and the SVG builders escape their labels themselves.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from khabar import __version__
from khabar.resources import load_tsv
from khabar.store import db
from khabar.web import queries
from khabar.web.annotate import Mark, article_marks, segments
from khabar.web.graph import Edge, Node, provenance_svg
from khabar.web.mapsvg import MapPoint, events_map_svg, timeline_svg

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:>-]{0,99}$"
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
PAGE_SIZE = 50
MENTIONS_SHOWN = 200  # on a person's page; the API record has them all
CONTEXT_CHARS = 200  # of the report shown around a statement or claim on its page

RecordId = Annotated[str, PathParam(pattern=ID_PATTERN)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Filter = Annotated[str | None, Query(max_length=200)]
Date = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]  # empty: no filter


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the app's store for one request."""
    conn = db.open_store(request.app.state.store_path, read_only=True)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(connection)]
api = APIRouter(tags=["records"])
pages = APIRouter(include_in_schema=False)
TEMPLATES = Jinja2Templates(directory=str(resources.files("khabar.web").joinpath("templates")))
LABELS = {row["code"]: row["label"] for row in load_tsv("web/labels.tsv")}
TEMPLATES.env.filters["ar"] = lambda code: LABELS.get(str(code), code)  # «killed» → «قتلى»


def create_app(store: str | Path) -> FastAPI:
    """The web application over the store at ``store`` (which must exist)."""
    store_path = Path(store)
    if not store_path.exists():
        raise FileNotFoundError(f"no khabar store at {store_path}")
    _upgrade(store_path)
    # Swagger UI and ReDoc load their scripts from a CDN; the site must work offline, so
    # /docs is the site's own page over /openapi.json.
    app = FastAPI(title="khabar", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news reports as traceable, attributed records "
                              "(read-only). Records follow khabar's output contract.")
    app.state.store_path = store_path
    app.include_router(api, prefix="/api")
    app.include_router(pages)
    static = resources.files("khabar.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def _upgrade(store_path: Path) -> None:
    """A store written by an older khabar gets the newer tables (additive migrations) once,
    before the site opens it read-only: the pages need ``record_docs``."""
    conn = db.open_store(store_path, read_only=True)
    try:
        current = db.schema_version(conn)
    finally:
        conn.close()
    if current < db.migrations()[-1][0]:
        db.open_store(store_path).close()


# --- API ----------------------------------------------------------------------------------


@api.get("/articles", summary="Articles, newest first; filter by outlet, dates, text")
def list_articles(conn: Conn, outlet: Filter = None, date_from: Date = None,
                  date_to: Date = None, q: Filter = None, limit: Limit = PAGE_SIZE,
                  offset: Offset = 0) -> dict[str, Any]:
    return queries.articles(conn, limit, offset, outlet, date_from, date_to, q).to_json()


@api.get("/articles/{doc_id}", summary="One article record")
def get_article(conn: Conn, doc_id: RecordId) -> dict[str, Any]:
    return _found(queries.article(conn, doc_id))


@api.get("/stories", summary="Stories, latest first")
def list_stories(conn: Conn, doc_id: Filter = None, limit: Limit = PAGE_SIZE,
                 offset: Offset = 0) -> dict[str, Any]:
    return queries.records(conn, "stories", {}, limit, offset, doc_id).to_json()


@api.get("/entities", summary="People, organizations and places, most mentioned first")
def list_entities(conn: Conn, type: Filter = None, doc_id: Filter = None,
                  limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict[str, Any]:
    return queries.records(conn, "entities", {"type": type}, limit, offset,
                           doc_id).to_json()


@api.get("/statements", summary="Statements; filter by speaker entity, polarity, mode")
def list_statements(conn: Conn, speaker: Filter = None, polarity: Filter = None,
                    mode: Filter = None, doc_id: Filter = None, limit: Limit = PAGE_SIZE,
                    offset: Offset = 0) -> dict[str, Any]:
    filters = {"speaker": speaker, "polarity": polarity, "mode": mode, "doc_id": doc_id}
    return queries.records(conn, "statements", filters, limit, offset).to_json()


@api.get("/claims", summary="Numeric claims; filter by quantity, report, speaker")
def list_claims(conn: Conn, quantity: Filter = None, doc_id: Filter = None,
                attributed_to: Filter = None, limit: Limit = PAGE_SIZE,
                offset: Offset = 0) -> dict[str, Any]:
    filters = {"quantity": quantity, "doc_id": doc_id, "attributed_to": attributed_to}
    return queries.records(conn, "claims", filters, limit, offset).to_json()


@api.get("/comparisons", summary="One quantity across a story's sources")
def list_comparisons(conn: Conn, story_id: Filter = None, verdict: Filter = None,
                     quantity: Filter = None, limit: Limit = PAGE_SIZE,
                     offset: Offset = 0) -> dict[str, Any]:
    filters = {"story_id": story_id, "verdict": verdict, "quantity": quantity}
    return queries.records(conn, "comparisons", filters, limit, offset).to_json()


@api.get("/events", summary="ACLED-style events, latest first")
def list_events(conn: Conn, event_type: Filter = None, country: Filter = None,
                doc_id: Filter = None, limit: Limit = PAGE_SIZE,
                offset: Offset = 0) -> dict[str, Any]:
    filters = {"event_type": event_type, "country": country}
    return queries.records(conn, "events", filters, limit, offset, doc_id).to_json()


@api.get("/reuse", summary="The reuse graph: who took text from whom")
def list_reuse(conn: Conn, doc_id: Filter = None, kind: Filter = None,
               limit: Limit = PAGE_SIZE, offset: Offset = 0) -> dict[str, Any]:
    return queries.records(conn, "reuse", {"kind": kind}, limit, offset,
                           doc_id).to_json()


def _getter(kind: str):
    def get_record(record_id: RecordId, conn: Conn) -> dict[str, Any]:
        return _found(queries.record(conn, kind, record_id))
    get_record.__name__ = f"get_{kind}"
    return get_record


for kind in ("stories", "entities", "statements", "claims", "comparisons", "events"):
    api.add_api_route(f"/{kind}/{{record_id}}", _getter(kind),
                         methods=["GET"], summary=f"One {kind[:-1]} record")


def _found(record: dict[str, Any] | None) -> dict[str, Any]:
    if record is None:
        raise HTTPException(status_code=404, detail="no such record")
    return record


# --- pages --------------------------------------------------------------------------------


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context)


@pages.get("/", response_class=HTMLResponse)
def overview(request: Request, conn: Conn) -> HTMLResponse:
    latest = queries.records(conn, "stories", {}, 12, 0).items
    return render(request, "overview.html", overview=queries.overview(conn),
                  stories=latest)


@pages.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API's endpoints and parameters, from the OpenAPI schema, without a CDN."""
    schema = request.app.openapi()
    endpoints = [(path, operation) for path, methods in schema["paths"].items()
                 for operation in methods.values()]
    return render(request, "docs.html", endpoints=endpoints, info=schema["info"])


@pages.get("/articles", response_class=HTMLResponse)
def articles(request: Request, conn: Conn, outlet: Filter = None, q: Filter = None,
             date_from: Date = None, date_to: Date = None,
             offset: Offset = 0) -> HTMLResponse:
    page = queries.articles(conn, PAGE_SIZE, offset, outlet, date_from, date_to, q)
    return render(request, "articles.html", page=page, outlet=outlet, q=q,
                  date_from=date_from, date_to=date_to)


@pages.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, q: Filter = None,
           offset: Offset = 0) -> HTMLResponse:
    return articles(request, conn, None, q, None, None, offset)


@pages.get("/articles/{doc_id}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, doc_id: RecordId) -> HTMLResponse:
    record = _page_found(queries.article(conn, doc_id))
    statements = queries.of_article(conn, "statements", doc_id)
    claims = queries.of_article(conn, "claims", doc_id)
    entities = queries.entities_in(conn, doc_id)
    reuse = queries.of_article(conn, "reuse", doc_id)
    marks = article_marks(doc_id, statements, claims, entities, reuse)
    others = queries.article_heads(
        conn, sorted({r["source_id"] for r in reuse} | {r["target_id"] for r in reuse}))
    return render(request, "article.html", article=record,
                  segments=segments(record["text"], marks), statements=statements,
                  claims=claims, reuse=reuse, others=others,
                  people=[e for e in entities if e.get("type") not in {"GPE", "LOC"}],
                  places=[e for e in entities if e.get("type") in {"GPE", "LOC"}],
                  stories=queries.of_article(conn, "stories", doc_id),
                  events=queries.of_article(conn, "events", doc_id))


@pages.get("/stories", response_class=HTMLResponse)
def stories(request: Request, conn: Conn, offset: Offset = 0) -> HTMLResponse:
    return render(request, "stories.html",
                  page=queries.records(conn, "stories", {}, PAGE_SIZE, offset))


@pages.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, conn: Conn, story_id: RecordId) -> HTMLResponse:
    record = _page_found(queries.record(conn, "stories", story_id))
    members = queries.article_heads(conn, record["doc_ids"])
    reports = sorted(members.values(), key=lambda a: (a.get("published") or "", a["id"]))
    reuse = [pair for doc_id in record["doc_ids"]
             for pair in queries.of_article(conn, "reuse", doc_id)
             if pair["target_id"] == doc_id and pair["source_id"] in members]
    comparisons = queries.records(conn, "comparisons", {"story_id": story_id},
                                  MAX_LIMIT, 0).items
    graph = provenance_svg(
        [Node(a["id"], a.get("outlet") or "?", (a.get("published") or "")[:10]
              or (a.get("title") or "")[:30], f"/articles/{a['id']}") for a in reports],
        [Edge(p["source_id"], p["target_id"], p["kind"], bool(p.get("citation")))
         for p in reuse])
    return render(request, "story.html", story=record, reports=reports, reuse=reuse,
                  graph=graph, comparisons=comparisons, articles=members)


@pages.get("/entities", response_class=HTMLResponse)
def entities(request: Request, conn: Conn, type: Filter = None,
             offset: Offset = 0) -> HTMLResponse:
    return render(request, "entities.html", type=type,
                  page=queries.records(conn, "entities", {"type": type}, PAGE_SIZE,
                                       offset))


@pages.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, conn: Conn, entity_id: RecordId) -> HTMLResponse:
    record = _page_found(queries.record(conn, "entities", entity_id))
    said = queries.records(conn, "statements", {"speaker": entity_id}, MAX_LIMIT, 0)
    shown = (record.get("mentions") or [])[:MENTIONS_SHOWN]
    reports = queries.article_heads(
        conn, sorted({s["doc_id"] for s in said.items} | {m["doc_id"] for m in shown}))
    timeline = sorted(said.items, key=lambda s: (
        (reports.get(s["doc_id"]) or {}).get("published") or "", s["id"]))
    outlets: dict[str, int] = {}
    for statement in said.items:
        outlet = (reports.get(statement["doc_id"]) or {}).get("outlet") or "?"
        outlets[outlet] = outlets.get(outlet, 0) + 1
    documents = len({m["doc_id"] for m in record.get("mentions") or []})
    return render(request, "entity.html", entity=record, statements=timeline,
                  total=said.total, articles=reports, outlets=outlets, mentions=shown,
                  documents=documents)


@pages.get("/statements/{record_id}", response_class=HTMLResponse)
def statement(request: Request, conn: Conn, record_id: RecordId) -> HTMLResponse:
    record = _page_found(queries.record(conn, "statements", record_id))
    return _record_page(request, conn, "statement", record,
                        [record.get("speaker_span"), record.get("content_span")])


@pages.get("/claims/{record_id}", response_class=HTMLResponse)
def claim(request: Request, conn: Conn, record_id: RecordId) -> HTMLResponse:
    record = _page_found(queries.record(conn, "claims", record_id))
    return _record_page(request, conn, "claim", record, [record.get("span")])


@pages.get("/events", response_class=HTMLResponse)
def events(request: Request, conn: Conn, event_type: Filter = None,
           country: Filter = None, offset: Offset = 0) -> HTMLResponse:
    filters = {"event_type": event_type, "country": country}
    page = queries.records(conn, "events", filters, PAGE_SIZE, offset)
    everything = queries.records(conn, "events", filters, MAX_LIMIT, 0).items
    points = [MapPoint(e["latitude"], e["longitude"],
                       f"{e.get('location') or ''}: {e.get('sub_event_type') or ''}",
                       f"/events/{e['id']}", kind=e.get("event_type") or "")
              for e in everything if e.get("latitude") is not None]
    days: dict[str, int] = {}
    for event in everything:
        if event.get("event_date"):
            days[event["event_date"][:10]] = days.get(event["event_date"][:10], 0) + 1
    return render(request, "events.html", page=page, event_type=event_type,
                  country=country, map=events_map_svg(points),
                  timeline=timeline_svg(sorted(days.items())), undated=sum(
                      1 for e in everything if not e.get("event_date")))


@pages.get("/events/{record_id}", response_class=HTMLResponse)
def event(request: Request, conn: Conn, record_id: RecordId) -> HTMLResponse:
    record = _page_found(queries.record(conn, "events", record_id))
    reports = queries.article_heads(conn, record.get("doc_ids") or [])
    point = ([MapPoint(record["latitude"], record["longitude"],
                       record.get("location") or "", f"/events/{record['id']}",
                       kind=record.get("event_type") or "")]
             if record.get("latitude") is not None else [])
    return render(request, "event.html", event=record, articles=reports,
                  map=events_map_svg(point))


def _record_page(request: Request, conn: sqlite3.Connection, kind: str,
                 record: dict[str, Any], spans: list[Any]) -> HTMLResponse:
    """A statement or claim with the sentence around it, its own words marked."""
    source = queries.article(conn, record["doc_id"]) or {}
    text = source.get("text") or ""
    spans = [tuple(span) for span in spans if span]
    start = max(0, min((s[0] for s in spans), default=0) - CONTEXT_CHARS)
    end = min(len(text), max((s[1] for s in spans), default=0) + CONTEXT_CHARS)
    marks = [Mark(s[0], s[1], kind, "", "") for s in spans]
    context = [seg for seg in segments(text, marks) if seg.start < end
               and seg.start + len(seg.text) > start]
    return render(request, "record.html", kind=kind, record=record, article=source,
                  context=context, clipped=(start > 0, end < len(text)),
                  speaker=queries.record(conn, "entities", record.get("speaker")
                                         or record.get("attributed_to") or ""))


def _page_found(record: dict[str, Any] | None) -> dict[str, Any]:
    if record is None:
        raise HTTPException(status_code=404, detail="لا يوجد سجل بهذا المعرّف")
    return record
