"""The read-only REST API (FastAPI) and the app factory that also mounts the dashboard.

Every route is a GET; every error has one shape, ``{"error": {"code": ..., "message": ...}}``
(codes: ``invalid_parameter`` 400, ``bad_request`` 400 (a request the server cannot parse, as
uvicorn's protocol answers it: ``web.edge``), ``not_found`` 404, ``method_not_allowed`` 405,
``store_error`` and ``internal_error`` 500), with ``X-Content-Type-Options: nosniff`` and a
Content-Security-Policy on every response and HEAD wherever GET is; lists are paginated with
``limit`` (1..1000) and ``offset`` (>= 0) and answer
``{"items": [...], "limit", "offset", "next_offset"}``. The OpenAPI schema is at
``/openapi.json`` (no /docs page: it would load scripts from a CDN).
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch import __version__
from wirewatch.errors import NotFoundError, QueryError, StoreError
from wirewatch.records import Actor
from wirewatch.store import ArticleFilter, EventFilter, Store, StoredEvent, open_store
from wirewatch.store.poll_io import poll_status
from wirewatch.store.watch_io import read_alerts, read_dyad_days
from wirewatch.watch.series import tension_series
from wirewatch.web import queries
from wirewatch.web.edge import EDGE_HEADERS, EdgeMiddleware
from wirewatch.web.ranges import series_window

DATE = r"^\d{4}-\d{2}-\d{2}$"
CODE = r"^[A-Za-z0-9_.-]{1,32}$"
ID = r"^[A-Za-z0-9_.:-]{1,128}$"
Limit = Annotated[int, Query(ge=1, le=1000, description="page size, 1..1000")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
Day = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD, inclusive")]
Code = Annotated[str | None, Query(pattern=CODE, max_length=32)]
Text = Annotated[str | None, Query(max_length=200)]
# Path parameters are checked like query parameters (a bad one is a 400, not an empty 200).
PathCode = Annotated[str, Path(pattern=CODE, max_length=32)]
PathDay = Annotated[str, Path(pattern=DATE, description="YYYY-MM-DD")]
PathId = Annotated[str, Path(pattern=ID, max_length=128)]


class JSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def error(status: int, code: str, message: str) -> JSON:
    # The edge headers set here too: a 500 is answered outside the app's middleware.
    return JSON({"error": {"code": code, "message": message}}, status_code=status,
                headers=EDGE_HEADERS)


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(items) == limit else None}


def check_dates(**values: str | None) -> None:
    """Each value a real ``YYYY-MM-DD`` day (``date.fromisoformat`` alone also takes
    ``20191119`` and ``2024-W10-1``)."""
    for name, value in values.items():
        if value is not None:
            try:
                if not re.fullmatch(DATE, value):
                    raise ValueError(value)
                date.fromisoformat(value)
            except ValueError as exc:
                raise QueryError(f"{name} is not a valid date: {value!r}") from exc


def actor_json(actor: Actor | None) -> dict[str, str | None] | None:
    return None if actor is None else {"name": actor.name, "code": actor.code,
                                       "sector": actor.sector}


def event_json(stored: StoredEvent) -> dict[str, Any]:
    ev = stored.event
    return {
        "id": stored.id, "article_id": stored.article_id, "day": stored.day,
        "site": stored.site, "type": ev.type, "mode": ev.mode,
        "source": [actor_json(a) for a in ev.source],
        "target": [actor_json(a) for a in ev.target],
        "modality": ev.modality, "attribution": actor_json(ev.attribution),
        "intensity": ev.intensity, "quad": ev.quad, "trigger": ev.trigger,
        "sentence": ev.sentence, "start": ev.start, "end": ev.end, "rule": ev.rule,
        "coder": ev.coder, "location": ev.location, "date": ev.date,
        "confidence": ev.confidence,
    }


def api_router(store: Store) -> APIRouter:
    router = APIRouter()

    @router.get("/articles", tags=["articles"], summary="Articles, newest first")
    def articles(limit: Limit = 50, offset: Offset = 0, site: Text = None, since: Day = None,
                 until: Day = None) -> JSON:
        check_dates(since=since, until=until)
        found = store.list_articles(ArticleFilter(site=site, since=since, until=until),
                                    limit=limit, offset=offset)
        items = [{"id": a.id, "title": a.title, "site": a.site, "published": a.published,
                  "url": a.url, "source": a.source} for a in found]
        return JSON(page(items, limit, offset))

    @router.get("/articles/{article_id}", tags=["articles"],
                summary="One article: body, quotes, events, story")
    def article(article_id: PathId) -> JSON:
        found = store.get_article(article_id)
        art = found.article
        return JSON({
            "id": art.id, "title": art.title, "site": art.site, "url": art.url,
            "published": art.published, "authors": list(art.authors), "source": art.source,
            "body": list(art.body), "body_text": art.body_text,
            "image_caption": art.image_caption, "extractor": art.extractor, "short": art.short,
            "quotes": [{"text": q.text, "kind": q.kind, "speaker": actor_json(q.speaker),
                        "cue": q.cue, "start": q.start, "end": q.end,
                        "speaker_start": q.speaker_start, "speaker_end": q.speaker_end}
                       for q in found.quotes],
            "events": [{"type": e.type, "mode": e.mode, "quad": e.quad,
                        "modality": e.modality, "intensity": e.intensity,
                        "source": [actor_json(a) for a in e.source],
                        "target": [actor_json(a) for a in e.target], "trigger": e.trigger,
                        "sentence": e.sentence, "start": e.start, "end": e.end,
                        "confidence": e.confidence}
                       for e in found.events],
            **queries.article_context(store, art.id),
        })

    @router.get("/events", tags=["events"], summary="Coded events with filters")
    def events(limit: Limit = 50, offset: Offset = 0, actor: Code = None, source: Code = None,
               target: Code = None, type: Code = None, modality: Code = None,
               quad: Text = None, since: Day = None, until: Day = None,
               site: Text = None, article_id: Text = None,
               min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None) -> JSON:
        check_dates(since=since, until=until)
        filters = EventFilter(actor=actor, source=source, target=target,
                              type=type.upper() if type else None, quad=quad,
                              modality=modality, since=since, until=until, site=site,
                              article_id=article_id, min_confidence=min_confidence)
        found = store.list_events(filters, limit=limit, offset=offset)
        return JSON(page([event_json(e) for e in found], limit, offset))

    @router.get("/stories", tags=["stories"], summary="Stories across outlets")
    def list_stories(limit: Limit = 50, offset: Offset = 0, since: Day = None,
                     until: Day = None,
                     min_articles: Annotated[int, Query(ge=1, le=10_000)] = 1) -> JSON:
        check_dates(since=since, until=until)
        items = queries.list_stories(store, since=since, until=until,
                                     min_articles=min_articles, limit=limit, offset=offset)
        return JSON(page(items, limit, offset))

    @router.get("/stories/{story_id}", tags=["stories"],
                summary="One story: its articles and merged events")
    def story(story_id: PathId) -> JSON:
        return JSON(queries.get_story(store, story_id))

    @router.get("/dyads", tags=["dyads"], summary="Pairs, most active or most escalating")
    def dyads(order: Annotated[str, Query(pattern="^(active|escalating)$")] = "active",
              limit: Annotated[int, Query(ge=1, le=100)] = 10) -> JSON:
        return JSON(queries.pairs_overview(store, order=order, limit=limit))

    @router.get("/dyads/{source}/{target}", tags=["dyads"],
                summary="Daily tension series and alerts of an ordered pair, 3 years a page")
    def dyad(source: PathCode, target: PathCode, since: Day = None,
             until: Day = None) -> JSON:
        check_dates(since=since, until=until)
        window = series_window(read_dyad_days(store, source, target), since, until)
        series = tension_series(store, source, target, since=window.since,
                                until=window.until, refresh=False)
        return JSON({"source": source, "target": target, "since": window.since,
                     "until": window.until, "previous_until": window.previous_until,
                     "next_since": window.next_since,
                     "days": [asdict(d) for d in series.days],
                     "alerts": [asdict(a) for a in series.alerts]})

    @router.get("/dyads/{source}/{target}/{day}", tags=["dyads"],
                summary="Merged events of a pair on one day, with evidence sentences")
    def dyad_day(source: PathCode, target: PathCode, day: PathDay) -> JSON:
        check_dates(day=day)
        return JSON({"source": source, "target": target, "day": day,
                     "events": queries.day_events(store, source, target, day)})

    @router.get("/status", tags=["status"],
                summary="The watcher's state: last cycle, sources polled, URLs seen; counts")
    def status() -> JSON:
        counts = {str(table): n for table, n in store.counts().items()}  # keys: quoted_name
        return JSON({**poll_status(store), "counts": counts})

    @router.get("/alerts", tags=["alerts"], summary="Escalation alerts, newest first")
    def list_alerts(limit: Limit = 50, offset: Offset = 0, source: Code = None,
                    target: Code = None, since: Day = None, until: Day = None) -> JSON:
        check_dates(since=since, until=until)
        found = read_alerts(store, source=source, target=target, since=since, until=until,
                            limit=limit, offset=offset)
        return JSON(page([asdict(a) for a in found], limit, offset))

    return router


def install_errors(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def bad_request(_r: Request, exc: RequestValidationError) -> JSON:
        parts = [f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        return error(400, "invalid_parameter", "; ".join(parts) or "invalid request")

    @app.exception_handler(NotFoundError)
    async def not_found(_r: Request, exc: NotFoundError) -> JSON:
        return error(404, "not_found", str(exc))

    @app.exception_handler(QueryError)
    async def bad_query(_r: Request, exc: QueryError) -> JSON:
        return error(400, "invalid_parameter", str(exc))

    @app.exception_handler(StoreError)
    async def store_error(_r: Request, exc: StoreError) -> JSON:
        return error(500, "store_error", str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_r: Request, exc: StarletteHTTPException) -> JSON:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return error(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail))

    # A bug in a route answers in the same shape (Starlette's own 500 is plain text).
    @app.exception_handler(Exception)
    async def internal_error(_r: Request, exc: Exception) -> JSON:
        return error(500, "internal_error", type(exc).__name__)


def create_app(db_url: str, *, dashboard: bool = True) -> FastAPI:
    """The wirewatch web app over one database: the JSON API and (by default) the dashboard.

    >>> app = create_app("wirewatch.db")   # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)   # doctest: +SKIP
    """
    store = open_store(db_url)
    # No /docs or /redoc: FastAPI's pages load their scripts from a CDN, and wirewatch serves
    # every asset itself so that it works offline. The schema is at /openapi.json.
    # redirect_slashes off: "/articles/" is a 404 in the error shape, not a redirect.
    app = FastAPI(title="wirewatch", version=__version__, docs_url=None, redoc_url=None,
                  redirect_slashes=False,
                  description="Read-only API over articles, events, stories and tension.")
    app.state.store = store
    app.add_middleware(EdgeMiddleware)
    install_errors(app)
    app.include_router(api_router(store))
    if dashboard:
        from wirewatch.web.dashboard import mount_dashboard

        mount_dashboard(app, store)
    return app
