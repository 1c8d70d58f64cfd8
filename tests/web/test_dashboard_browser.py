"""The dashboard in a real headless browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import XSS_TITLE

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="Debian's chromium is not at /usr/bin/chromium "
                              "(run: bash scripts/system-deps.sh)"),
]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(web_db: Path) -> Iterator[str]:
    import uvicorn

    from wirewatch.web.api import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(web_db)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url)
    pg = context.new_page()
    pg.dialogs = []  # any alert() that runs would land here
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    yield pg
    assert outside == [], f"the dashboard asked for outside resources: {outside}"
    assert pg.errors == []
    context.close()


def ready(pg: Any) -> None:
    pg.wait_for_selector("body[data-ready='1']", timeout=15_000)


def test_overview_lists_pairs_with_sparklines_and_alerts(page: Any) -> None:
    page.goto("/")
    ready(page)
    assert page.locator("#active tr").count() >= 2
    assert page.locator("#active a").first.inner_text() == "RUS → NATO"
    assert page.locator("#active svg.spark polyline").count() >= 1
    assert "2024-03-14 RUS → NATO" in page.locator("#alerts").inner_text()


def test_pair_chart_draws_and_clicking_a_day_shows_its_events(page: Any) -> None:
    page.goto("/pair/RUS/NATO")
    ready(page)
    bars = page.locator("#chart svg rect.bar")
    assert bars.count() == 14
    heights = [float(bars.nth(i).get_attribute("height") or 0) for i in range(bars.count())]
    assert max(heights) > 20  # the escalation day towers over the quiet days
    assert page.locator("#chart circle.alert-dot").count() == 1
    page.locator("g.day[data-day='2024-03-03']").click()
    # locator assertions poll without evaluating strings in the page (its CSP forbids eval)
    from playwright.sync_api import expect

    expect(page.locator("#day-title")).to_contain_text("03-03")
    # the list of the alert day, picked on load, may still be shown: wait for the clicked day's
    page.wait_for_selector("#day-events[data-day='2024-03-03'] .merged-event")
    text = page.locator("#day-events").inner_text()
    assert "ACCUSE" in text and "statement number 2 said" in text
    page.locator("g.day[data-day='2024-03-14']").click()
    expect(page.locator("#day-title")).to_contain_text("03-14")
    expect(page.locator("#day-events[data-day='2024-03-14'] .merged-event")).to_have_count(3)
    assert "missile strikes" in page.locator("#day-events").inner_text()


def test_article_page_highlights_quotes_and_events_in_place(page: Any) -> None:
    page.goto("/article/art13")
    ready(page)
    assert page.locator("h1").inner_text() == "Report 13: Russia and NATO"
    assert page.locator("#body span.hl-quote").first.inner_text() == "provocations"
    events = page.locator("#body span.hl-event")
    assert "missile strikes" in " ".join(events.all_inner_texts())
    assert page.locator("#body p").count() == 4


def test_story_page_lists_outlets(page: Any) -> None:
    page.goto("/article/copy13")
    ready(page)
    page.locator("#meta a", has_text="story").click()
    ready(page)
    text = page.locator("#members").inner_text()
    assert "wire.example" in text and "reprint.example" in text
    assert "syndicated copy" in text


def test_scraped_html_and_script_show_as_text(page: Any) -> None:
    page.goto("/article/xss")
    ready(page)
    assert page.locator("h1").inner_text() == XSS_TITLE
    body = page.locator("#body")
    assert "<script>alert(1)</script>" in body.inner_text()
    assert "<b>bold</b>" in body.inner_text()
    assert body.locator("script").count() == 0 and body.locator("b").count() == 0
    assert page.locator("#quotes").inner_text().startswith("<b>bold</b>")
    page.goto("/story/nope")
    ready(page)
    assert "Could not load" in page.locator("#members").inner_text()
    # Hostile text in the address renders as text too
    page.goto("/pair/%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E/NATO")
    ready(page)
    assert "<img src=x onerror=alert(2)>" in page.locator("h1").inner_text()
    assert page.locator("main img").count() == 0
    assert page.dialogs == []
