"""A ``store`` fixture run against SQLite, and PostgreSQL when WIREWATCH_TEST_PG_URL is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from wirewatch.records import Actor, Analysis, Article, Drop, Event, Quote
from wirewatch.store import Store, open_store

PG_URL = os.environ.get("WIREWATCH_TEST_PG_URL")


def _fresh_pg(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    if not PG_URL:
        pytest.skip("PostgreSQL: WIREWATCH_TEST_PG_URL is not set (run under "
                    "scripts/with-postgres.sh with a server installed)")
    _fresh_pg(PG_URL)
    return PG_URL


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def make_analysis(
    article_id: str = "a1",
    *,
    site: str | None = "example.org",
    published: str | None = "2024-03-05T10:00:00",
    n_events: int = 2,
) -> Analysis:
    """A small hand-made analysis: two paragraphs, a drop, a quote, events and actors."""
    body = ("Officials in Washington accused Beijing of hacking.",
            "“We will respond,” the minister said.")
    article = Article(
        id=article_id, source=f"{article_id}.txt", form="text", url=None, site=site,
        title=f"Title {article_id}", published=published, authors=("A. Writer", "B. Writer"),
        section="World", language="en", image_caption=None, image_credit=None, body=body,
        related=("Other story",), drops=(Drop("chrome.share", "Share this", 4),),
        extractor="test/1",
    )
    usa, chn = Actor("United States", "USA", "GOV"), Actor("China", "CHN", None)
    events = tuple(
        Event(type="ACCUSE", mode=None, source=(usa,), target=(chn,), modality="asserted",
              attribution=None if i % 2 == 0 else Actor("the minister", None, "GOV"),
              intensity=-3.0 - i, quad="VERBAL CONFLICT", trigger="accused",
              sentence=body[0], start=0, end=len(body[0]), rule=f"rule{i}",
              coder="wirewatch.events/1", date="2024-03-04" if i == 1 else None)
        for i in range(n_events)
    )
    quote = Quote(text="We will respond,", kind="direct", speaker=Actor("the minister"),
                  cue="said", start=len(body[0]) + 3, end=len(body[0]) + 19,
                  speaker_start=len(body[0]) + 21, speaker_end=len(body[0]) + 33)
    return Analysis(article=article, quotes=(quote,), events=events, actors=(usa, chn))
