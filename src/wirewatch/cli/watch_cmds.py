"""``wirewatch tension``, ``wirewatch stories`` and ``wirewatch serve``: thin shells over
:mod:`wirewatch.watch.tension`, :mod:`wirewatch.watch.rebuild` and :mod:`wirewatch.web`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from wirewatch.cli.app import main
from wirewatch.errors import QueryError, WirewatchError
from wirewatch.store import Store, open_store

DEFAULT_DB = "wirewatch.db"


@contextmanager
def _store(db: str) -> Iterator[Store]:
    """Open an existing store (these commands never create one: a mistyped ``--db`` is an
    error, not a new empty database); map wirewatch errors to a one-line message and exit
    status."""
    try:
        with open_store(db, create=False) as store:
            yield store
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except WirewatchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--since", metavar="DATE", help="first day to show, YYYY-MM-DD")
@click.option("--until", metavar="DATE", help="last day to show, YYYY-MM-DD")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file or database URL")
@click.option("--all-days", is_flag=True, help="also print quiet days (no events)")
def tension(source: str, target: str, since: str | None, until: str | None, db: str,
            all_days: bool) -> None:
    """Print the daily tension series of SOURCE -> TARGET (e.g. RUS NATO) and its alerts."""
    from wirewatch.watch.series import tension_series
    from wirewatch.watch.tension import event_count

    with _store(db) as store:
        series = tension_series(store, source.upper(), target.upper(), since=since,
                                until=until)
    alert_days = {a.day for a in series.alerts}
    click.echo(f"{'day':10}  {'events':>6}  {'v.coop':>6}  {'m.coop':>6}  {'v.conf':>6}  "
               f"{'m.conf':>6}  {'int.sum':>8}  {'int.mean':>8}  {'tension':>8}")
    for d in series.days:
        n = event_count(d)
        if n == 0 and not all_days:
            continue
        flag = "  ALERT" if d.day in alert_days else ""
        click.echo(f"{d.day:10}  {n:6d}  {d.verbal_cooperation:6d}  {d.material_cooperation:6d}"
                   f"  {d.verbal_conflict:6d}  {d.material_conflict:6d}  {d.intensity_sum:8.2f}"
                   f"  {d.intensity_mean:8.2f}  {d.tension:8.2f}{flag}")
    if not series.days:
        click.echo(f"no events for {source.upper()} -> {target.upper()}")
    click.echo(f"\nalerts ({len(series.alerts)}):")
    for a in sorted(series.alerts, key=lambda a: a.day):
        click.echo(f"  {a.day}  tension {a.tension:.2f}  baseline {a.baseline:.2f}  "
                   f"threshold {a.threshold:.2f}  score {a.score:.2f}  [{a.method}]")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file or database URL")
@click.option("--full", is_flag=True,
              help="Rebuild everything (and the index) instead of adding what is new.")
def stories(db: str, full: bool) -> None:
    """Update duplicates, stories, merged events, dyad days and alerts; print the counts."""
    from wirewatch.watch.rebuild import update_watch

    with _store(db) as store:
        summary = update_watch(store, full=full)
    for field in ("articles", "duplicates", "stories", "merged_events", "dyad_days", "alerts",
                  "added", "removed", "full"):
        click.echo(f"{field:14} {getattr(summary, field)}")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file or database URL")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="interface to listen on (loopback by default)")
def serve(db: str, port: int, host: str) -> None:
    """Serve the dashboard and the read-only JSON API (schema at /openapi.json)."""
    import uvicorn

    from wirewatch.watch.rebuild import ensure_fresh
    from wirewatch.web.api import create_app
    from wirewatch.web.edge import JsonErrorProtocol

    with _store(db) as store:
        ensure_fresh(store)
    try:
        app = create_app(db)
    except WirewatchError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"wirewatch: dashboard at http://{host}:{port}/  (API schema at /openapi.json)")
    # uvicorn's own 400s (unparsable request, URL past the parser's limit) in the API's shape.
    uvicorn.run(app, host=host, port=port, log_level="warning", http=JsonErrorProtocol)
