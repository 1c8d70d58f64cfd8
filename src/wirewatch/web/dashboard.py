"""The dashboard: four HTML pages whose data the browser loads from the JSON API.

Pages are Jinja2 templates rendered with autoescaping on, and they never mark page text safe;
the script (static/dashboard.js) builds every piece of scraped text with ``textContent``, so a
page whose text holds ``<script>`` shows it as text. A Content-Security-Policy allows scripts,
styles and fetches from this server only, so the dashboard works with no internet and an
injected inline script would not run anyway.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import Response

from wirewatch.store import Store

HERE = Path(__file__).resolve().parent
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


@cache
def templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, **context: str) -> HTMLResponse:
    html = templates().get_template(name).render(**context)
    return HTMLResponse(html, headers={"Content-Security-Policy": CSP,
                                       "X-Content-Type-Options": "nosniff"})


def mount_dashboard(app: FastAPI, store: Store) -> None:
    """Add the dashboard pages and their static assets to ``app``."""
    del store  # the pages read everything through the JSON API
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/", include_in_schema=False)
    def overview() -> Response:
        return render("overview.html", title="Overview")

    @app.get("/pair/{source}/{target}", include_in_schema=False)
    def pair(source: str, target: str, request: Request) -> Response:
        day = request.query_params.get("day", "")
        return render("pair.html", title=f"{source} → {target}", source=source,
                      target=target, day=day)

    @app.get("/article/{article_id}", include_in_schema=False)
    def article(article_id: str) -> Response:
        return render("article.html", title="Article", article_id=article_id)

    @app.get("/story/{story_id}", include_in_schema=False)
    def story(story_id: str) -> Response:
        return render("story.html", title="Story", story_id=story_id)
