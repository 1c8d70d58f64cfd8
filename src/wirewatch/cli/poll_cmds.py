"""``wirewatch watch``: the continuous mode, a thin shell over :mod:`wirewatch.run.poll`."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from types import FrameType

import click

from wirewatch.cli.app import main
from wirewatch.cli.article_cmds import ALLOW_OPTION, DB_OPTION, fail, guarded_fetcher
from wirewatch.errors import ConfigError, WirewatchError


def read_sources(feeds: tuple[str, ...], sources_file: str | None) -> list[str]:
    """The feeds given as arguments, then those of the sources file (one a line, # comments)."""
    found = list(feeds)
    if sources_file is not None:
        text = Path(sources_file).read_text(encoding="utf-8")
        found += [line.strip() for line in text.splitlines()
                  if line.strip() and not line.strip().startswith("#")]
    if not found:
        raise ConfigError("give FEEDS or --sources FILE")
    return list(dict.fromkeys(found))


@main.command("watch")
@click.argument("feeds", nargs=-1)
@click.option("--sources", "sources_file", type=click.Path(exists=True, dir_okay=False),
              help="A file of feed, sitemap or URL-list URLs (or paths), one a line.")
@DB_OPTION
@click.option("--interval", type=click.FloatRange(min=1), default=900.0, show_default=True,
              help="Seconds from the start of one cycle to the start of the next.")
@click.option("--once", is_flag=True, help="Run one cycle and exit.")
@click.option("--no-analyze", is_flag=True, help="Store articles without quotes and events.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Processes for extraction and analysis.")
@click.option("--batch", type=click.IntRange(1, 100_000), default=256, show_default=True,
              help="New URLs fetched and stored per step.")
@click.option("--per-host", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Requests at once to one host.")
@click.option("--no-watch", is_flag=True,
              help="Do not update stories, merged events and tension after each cycle's run.")
@ALLOW_OPTION
def watch_cmd(feeds: tuple[str, ...], sources_file: str | None, db: str, interval: float,
              once: bool, no_analyze: bool, workers: int, batch: int, per_host: int,
              no_watch: bool, allow: tuple[str, ...]) -> None:
    """Poll FEEDS (RSS/Atom, news sitemaps, URL lists: URLs or paths) and store what is new.

    One line is printed per cycle; the state is in the database (GET /status of
    ``wirewatch serve``). Stop with Ctrl-C or SIGTERM (the cycle in progress ends first).
    """
    from wirewatch.run.poll import PollOptions, watch
    from wirewatch.store import open_store

    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    try:
        sources = read_sources(feeds, sources_file)
        options = PollOptions(interval=interval, analyze=not no_analyze, workers=workers,
                              batch=batch, watch=not no_watch)
        signal.signal(signal.SIGTERM, request_stop)
        with open_store(db) as store, guarded_fetcher(allow, per_host=per_host) as fetcher:
            watch(store, sources, options=options, fetcher=fetcher, once=once, stop=stop,
                  log=lambda line: click.echo(line, file=sys.stdout))
    except KeyboardInterrupt:
        sys.exit(130)
    except WirewatchError as exc:
        fail(exc)
