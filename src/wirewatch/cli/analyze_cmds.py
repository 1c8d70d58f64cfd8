"""Commands over analysis: ``analyze`` (pages -> articles with quotes and events) and ``code``
(JSON lines of short texts -> one JSON line per PLOVER event).

Both are thin: they read, call ``wirewatch.analyze.pipeline`` and print JSON lines (orjson).
Exit status: 0 done (inputs that could not be read are reported on stderr and skipped),
1 runtime failure (e.g. the NLP model cannot be loaded), 2 usage error.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, NoReturn

import click
import orjson

from wirewatch.cli.app import main
from wirewatch.errors import ConfigError, InputError, QueryError, WirewatchError
from wirewatch.records import Analysis, Article, Drop, Event, Skip

ANALYZE_BATCH = 16
CODE_BATCH = 256


def _fail(exc: WirewatchError) -> NoReturn:
    code = 2 if isinstance(exc, ConfigError | QueryError) else 1
    click.echo(f"wirewatch: error: {' '.join(str(exc).split())}", err=True)
    sys.exit(code)


def analysis_json(analysis: Analysis, drops: Sequence[Drop] = ()) -> dict[str, Any]:
    """The article's fields plus ``body_text``, ``quotes``, ``events``, ``actors`` and
    ``event_drops`` (event candidates discarded, with reason codes; the article's own
    ``drops`` are the extractor's)."""
    record = dataclasses.asdict(analysis.article)
    record["body_text"] = analysis.article.body_text
    record["quotes"] = [dataclasses.asdict(q) for q in analysis.quotes]
    record["events"] = [dataclasses.asdict(e) for e in analysis.events]
    record["actors"] = [dataclasses.asdict(a) for a in analysis.actors]
    record["event_drops"] = [dataclasses.asdict(d) for d in drops]
    return record


def event_json(item_id: str, event: Event) -> dict[str, Any]:
    """One ``wirewatch code`` output line: the input's id and the event's fields."""
    return {"id": item_id, **dataclasses.asdict(event)}


def _articles(paths: Sequence[str]) -> Iterator[Article]:
    from wirewatch.extract import extract_page
    from wirewatch.read import read_pages

    for item in read_pages(list(paths)):
        if isinstance(item, Skip):
            click.echo(f"skipped {item.source}: {item.reason} ({item.detail})", err=True)
            continue
        try:
            yield extract_page(item)
        except InputError as exc:
            click.echo(f"skipped {item.source}: {exc.reason} ({exc.detail})", err=True)


def _write(record: dict[str, Any]) -> None:
    sys.stdout.buffer.write(orjson.dumps(record) + b"\n")


@main.command("analyze")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True,
              help="Output format: one JSON line per article.")
def analyze_cmd(paths: tuple[str, ...], fmt: str) -> None:
    """Read pages, extract articles, find quotes and PLOVER events: one JSON line each."""
    from wirewatch.analyze.pipeline import analyze_with_drops

    del fmt  # one format today; the option keeps the interface stable
    try:
        batch: list[Article] = []
        for article in _articles(paths):
            batch.append(article)
            if len(batch) >= ANALYZE_BATCH:
                for result in analyze_with_drops(batch):
                    _write(analysis_json(result.analysis, result.drops))
                batch.clear()
        for result in analyze_with_drops(batch):
            _write(analysis_json(result.analysis, result.drops))
    except WirewatchError as exc:
        _fail(exc)


def read_code_items(stream: BinaryIO) -> Iterator[tuple[str, str, str | None]]:
    """(id, text, date) from JSON lines; a bad line is reported on stderr and skipped."""
    for number, raw in enumerate(stream, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            click.echo(f"skipped line {number}: bad_json ({exc})", err=True)
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            click.echo(f"skipped line {number}: no_text (a JSON object with a \"text\" string)",
                       err=True)
            continue
        date = item.get("date")
        yield (str(item.get("id", number)), item["text"],
               date if isinstance(date, str) else None)


@main.command("code")
@click.argument("source", type=click.File("rb"), default="-")
@click.option("--no-prefilter", is_flag=True,
              help="Parse every text, even those without any trigger word.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
              show_default=True,
              help="Print only events with at least this confidence (the watch uses 0.6).")
def code_cmd(source: BinaryIO, no_prefilter: bool, min_confidence: float) -> None:
    """Code JSON lines {"id", "text", "date"?} (FILE or - for stdin): one JSON line per event."""
    from wirewatch.analyze.pipeline import code_texts

    below = 0
    try:
        for item_id, event in code_texts(read_code_items(source), batch_size=CODE_BATCH,
                                         prefilter=not no_prefilter):
            if event.confidence < min_confidence:
                below += 1
                continue
            _write(event_json(item_id, event))
    except WirewatchError as exc:
        _fail(exc)
    if below:
        click.echo(f"{below} events below --min-confidence {min_confidence}", err=True)
