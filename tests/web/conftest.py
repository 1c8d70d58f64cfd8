"""A small hand-made database for the API and dashboard tests (no NLP model needed)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest

from wirewatch.records import Actor, Analysis, Article, Event, Quote
from wirewatch.store import open_store
from wirewatch.watch.rebuild import rebuild_watch

XSS_TITLE = "<script>alert(1)</script> Breaking"
XSS_BODY = ("Officials said <script>alert(1)</script> and <b>bold</b> text appeared in the feed.",
            "Russia accused NATO of provocations near the border on Friday.")
START = date(2024, 3, 1)
SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "ga", "zu")


def background(seed: int, words: int = 30) -> str:
    """Filler words of the article's own, so daily reports are different stories (as real
    daily reports are) and only the republished copy joins the escalation report's story."""
    rng = random.Random(seed)
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(words))
ACTORS = {"RUS": Actor("Russia", "RUS", "GOV"), "NATO": Actor("NATO", "NATO", "IGO"),
          "UKR": Actor("Ukraine", "UKR", "GOV"), "USA": Actor("United States", "USA", "GOV")}


def event(type_: str, src: str, tgt: str, sentence: str, start: int, *, intensity: float,
          quad: str, modality: str = "asserted") -> Event:
    return Event(type=type_, mode=None, source=(ACTORS[src],), target=(ACTORS[tgt],),
                 modality=modality,  # type: ignore[arg-type]
                 attribution=None, intensity=intensity, quad=quad, trigger=type_.lower(),
                 sentence=sentence, start=start, end=start + len(sentence), rule="test",
                 coder="test/1")


def daily_article(i: int, *, hard: bool) -> Analysis:
    day = (START + timedelta(days=i)).isoformat()
    s1 = f"Russia accused NATO of provocations, statement number {i} said."
    body = [s1, f"Background: {background(i)}."]
    events = [event("ACCUSE", "RUS", "NATO", s1, 0, intensity=-2.0, quad="VERBAL CONFLICT")]
    if hard:
        s2 = f"Russian troops attacked positions held by Ukraine near the river, report {i}."
        s3 = "Russia threatened NATO with missile strikes."
        offset = len(s1) + 2 + len(body[1]) + 2
        body += [s2, s3]
        events += [
            event("ASSAULT", "RUS", "UKR", s2, offset, intensity=-9.0, quad="MATERIAL CONFLICT"),
            event("THREATEN", "RUS", "NATO", s3, offset + len(s2) + 2, intensity=-4.0,
                  quad="VERBAL CONFLICT"),
            event("MOBILIZE", "RUS", "NATO", s3, offset + len(s2) + 2, intensity=-6.0,
                  quad="MATERIAL CONFLICT"),
        ]
    art = Article(id=f"art{i:02d}", source=f"day{i}.txt", form="text", site="wire.example",
                  title=f"Report {i}: Russia and NATO", published=day, body=tuple(body),
                  authors=("Staff",))
    quote_text = "provocations"
    quotes = (Quote(text=quote_text, kind="partial", speaker=ACTORS["RUS"], cue="accused",
                    start=s1.index(quote_text), end=s1.index(quote_text) + len(quote_text),
                    speaker_start=0, speaker_end=6),)
    return Analysis(article=art, events=tuple(events), quotes=quotes,
                    actors=(ACTORS["RUS"], ACTORS["NATO"]))


def build_db(path: Path) -> None:
    with open_store(path) as store:
        for i in range(14):
            analysis = daily_article(i, hard=(i == 13))
            store.save_analysis(analysis)
        last = daily_article(13, hard=True)
        # A second outlet republishes the escalation report: one story, copies count once.
        copy = Analysis(article=Article(
            id="copy13", source="copy13.txt", form="text", site="reprint.example",
            title="Republished: Russia and NATO", published=last.article.published,
            body=last.article.body), events=last.events, actors=last.actors)
        store.save_analysis(copy)
        xss = Article(id="xss", source="xss.txt", form="html", site="evil.example",
                      title=XSS_TITLE, published="2024-03-10", body=XSS_BODY)
        s = XSS_BODY[1]
        start = len(XSS_BODY[0]) + 2
        store.save_analysis(Analysis(
            article=xss,
            events=(event("ACCUSE", "RUS", "NATO", s, start, intensity=-2.0,
                          quad="VERBAL CONFLICT"),),
            quotes=(Quote(text="<b>bold</b>", kind="direct", speaker=None, cue=None,
                          start=XSS_BODY[0].index("<b>"),
                          end=XSS_BODY[0].index("<b>") + len("<b>bold</b>")),),
        ))
        rebuild_watch(store)


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    build_db(path)
    return path


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(web_db: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The app over the hand-made database, in-process through httpx.ASGITransport."""
    from wirewatch.web.api import create_app

    app = create_app(str(web_db))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c
    app.state.store.close()
