"""Commands over articles: run, extract, show, export.

Each parses arguments, calls the library and maps WirewatchError to a one-line message:
exit 0 when every input was processed or skipped with a reason, 1 when the database cannot be
written or a record is missing, 2 for usage errors.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn, cast

import click
import orjson

from wirewatch.cli.app import main
from wirewatch.errors import (
    ConfigError,
    NotFoundError,
    QueryError,
    WirewatchError,
)
from wirewatch.records import Analysis, Article, Skip

if TYPE_CHECKING:
    from wirewatch.read.fetch import Fetcher
    from wirewatch.run import RunSummary
    from wirewatch.store import Store

DB_OPTION = click.option(
    "--db", default="wirewatch.db", show_default=True, envvar="WIREWATCH_DB",
    help="SQLite file, or a postgresql+psycopg:// URL.",
)


class PathOrURL(click.ParamType[Any]):
    """An existing path, ``-``, or an http(s) URL (fetched behind the SSRF guard)."""

    name = "path"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        from wirewatch.read.links import is_web_url

        if isinstance(value, str) and is_web_url(value):
            return value
        return click.Path(exists=True, allow_dash=True).convert(value, param, ctx)


PATHS = click.argument("paths", nargs=-1, required=True, type=PathOrURL())
MAX_SKIP_LINES = 50
# run.deadline.PAGE_SECONDS, written out: importing wirewatch.run here would load the store
# and the executors for every command (a test keeps the two equal).
PAGE_SECONDS = 10.0
INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


ALLOW_OPTION = click.option(
    "--allow-address", "allow", multiple=True, metavar="NETWORK",
    help="Let the fetcher reach this network although it is not public (an intranet mirror, "
         "a local test server), e.g. 10.1.0.0/16; repeatable. Everything else stays refused.")


def guarded_fetcher(allow: Sequence[str], **options: Any) -> Fetcher:
    """A fetcher whose SSRF guard also lets ``allow`` networks through."""
    from wirewatch.read.fetch import Fetcher, FetchOptions
    from wirewatch.read.guard import AddressGuard, allow_networks

    try:
        networks = allow_networks(*allow)
    except ValueError as exc:
        raise ConfigError(f"--allow-address: {exc}") from exc
    return Fetcher(FetchOptions(**options), guard=AddressGuard(allow=networks))


def fail(exc: WirewatchError) -> NoReturn:
    """Print ``exc`` as one line on stderr and exit with its status."""
    code = 2 if isinstance(exc, ConfigError | QueryError) else 1
    if isinstance(exc, NotFoundError):
        code = 1
    click.echo(f"wirewatch: error: {' '.join(str(exc).split())}", err=True)
    sys.exit(code)


def to_json(record: Any, *, indent: bool = False) -> bytes:
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(dataclasses.asdict(record), option=option)


def skip_line(skip: Skip) -> str:
    return f"skipped {skip.source}: {skip.reason} ({skip.detail})"


# -- run ---------------------------------------------------------------------------------------
def count_files(paths: Sequence[str]) -> int | None:
    """How many files the paths hold (the progress bar's total), None for stdin."""
    if "-" in paths:
        return None
    total = 0
    for path in paths:
        if Path(path).is_dir():
            total += sum(len(files) for _, _, files in os.walk(path))
        else:
            total += 1
    return total


@contextmanager
def progress_bar(paths: Sequence[str], enabled: bool) -> Iterator[Callable[[str], None] | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    total = count_files(paths)
    columns = (TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("run", total=total)
        yield lambda _source: bar.advance(task)


def print_summary(summary: RunSummary) -> None:
    lines = [
        f"run {summary.run_id} done in {summary.seconds:.1f} s",
        f"  pages read       {summary.pages_read}",
        f"  articles stored  {summary.articles_stored}",
        f"  unchanged        {summary.unchanged}",
        f"  quotes stored    {summary.quotes_stored}",
        f"  events stored    {summary.events_stored}",
        f"  skipped          {summary.skipped_total}",
    ]
    lines += [f"    {reason:<15} {n}" for reason, n in sorted(summary.skipped.items())]
    if summary.not_analyzed:
        lines.append(f"  not analysed     {len(summary.not_analyzed)}")
        lines += [f"    {article_id}: {error}"
                  for article_id, error in summary.not_analyzed[:MAX_SKIP_LINES]]
    for skip in summary.skips[:MAX_SKIP_LINES]:
        lines.append(f"  {skip_line(skip)}")
    if len(summary.skips) > MAX_SKIP_LINES:
        lines.append(f"  ... and {len(summary.skips) - MAX_SKIP_LINES} more (table inputs)")
    click.echo("\n".join(lines))


@main.command("run")
@PATHS
@DB_OPTION
@click.option("--no-analyze", is_flag=True, help="Store articles without quotes and events.")
@click.option("--workers", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Processes for extraction and analysis.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr [default: when stderr is a terminal].")
@click.option("--no-watch", is_flag=True,
              help="Do not update stories, merged events and tension at the end.")
@click.option("--force", is_flag=True,
              help="Process pages again even when their content is already stored.")
@click.option("--executor", type=click.Choice(["loop", "pool", "ray"]), default=None,
              help="loop, pool (--workers processes) or ray (a local Ray with --workers CPUs, "
                   "or the cluster at --ray-address) [default: loop for one worker, pool for "
                   "more, ray with --ray-address].")
@click.option("--ray-address", envvar="WIREWATCH_RAY_ADDRESS", default=None,
              help="Ray cluster to run on (host:port of its head, or auto).")
@click.option("--no-fetch", is_flag=True,
              help="Do not fetch the links of feeds, sitemaps and URL lists (nor URL PATHS).")
@ALLOW_OPTION
@click.option("--page-timeout", type=click.FloatRange(min=0), default=PAGE_SECONDS,
              show_default=True, metavar="SECONDS",
              help="Wall-clock budget of one page in each stage; a page over it is recorded "
                   "as timeout (0: no limit).")
def run_cmd(paths: tuple[str, ...], db: str, no_analyze: bool, workers: int,
            progress: bool | None, no_watch: bool, force: bool, executor: str | None,
            ray_address: str | None, no_fetch: bool, allow: tuple[str, ...],
            page_timeout: float) -> None:
    """Read PATHS (files, folders, WARC, feeds, sitemaps, URL lists, URLs, - for stdin) and
    store their articles in the database.

    Ctrl-C or SIGTERM stops the run: its row is marked failed and the exit status is 130.
    """
    from wirewatch.run import choose_executor, run_paths
    from wirewatch.run.interrupt import stop_on_signals
    from wirewatch.store import open_store

    show_bar = sys.stderr.isatty() if progress is None else progress
    try:
        chosen = choose_executor(executor, workers, ray_address)
        fetcher = guarded_fetcher(allow) if allow else None
        with stop_on_signals(), open_store(db) as store:
            with progress_bar(paths, show_bar) as tick:
                summary = run_paths(list(paths), store, analyze=not no_analyze,
                                    progress=tick, workers=workers, force=force,
                                    executor=chosen, ray_address=ray_address,
                                    fetch=not no_fetch, fetcher=fetcher,
                                    watch=not no_watch, page_seconds=page_timeout)
            print_summary(summary)
            if summary.watch is not None:
                watch = summary.watch
                click.echo(f"  watch {'rebuilt' if watch.full else 'updated'}: "
                           f"{watch.stories} stories, {watch.merged_events} merged events, "
                           f"{watch.dyad_days} dyad days, {watch.alerts} alerts")
    except WirewatchError as exc:
        fail(exc)
    except KeyboardInterrupt:
        click.echo("wirewatch: interrupted; the run is recorded as failed", err=True)
        sys.exit(INTERRUPTED)


# -- extract -----------------------------------------------------------------------------------
def article_text(article: Article) -> str:
    meta = [f"id: {article.id}", f"source: {article.source}"]
    meta += [f"{name}: {value}" for name, value in (
        ("url", article.url), ("site", article.site), ("published", article.published),
        ("authors", ", ".join(article.authors)), ("section", article.section),
        ("caption", article.image_caption),
        ("short", "yes (a real article under 10 words)" if article.short else None)) if value]
    return "\n".join([f"# {article.title or '(no title)'}", *meta, "", article.body_text, ""])


def analysis_text(analysis: Analysis) -> str:
    lines = [article_text(analysis.article)]
    if analysis.quotes:
        lines.append("## quotes")
        for q in analysis.quotes:
            speaker = q.speaker.name if q.speaker else "?"
            lines.append(f"- [{q.start}:{q.end}] {speaker} ({q.kind}): {q.text}")
    if analysis.events:
        lines.append("## events")
        for e in analysis.events:
            src = "+".join(a.code or a.name for a in e.source) or "?"
            tgt = "+".join(a.code or a.name for a in e.target) or "?"
            lines.append(f"- {e.type} {src} -> {tgt} ({e.modality}, {e.intensity:+.1f}, "
                         f"{e.coder}): {e.sentence}")
    return "\n".join(lines) + "\n"


@main.command("extract")
@PATHS
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True, help="JSON Lines (one article a line) or readable text.")
@click.option("--analyze", is_flag=True, help="Also find quotes and events.")
def extract_cmd(paths: tuple[str, ...], fmt: str, analyze: bool) -> None:
    """Print the articles in PATHS (- for stdin); skipped inputs go to stderr, one a line."""
    from wirewatch.read import read_pages
    from wirewatch.run import BATCH_SIZE, analyze_batch, extract_or_skip

    out = sys.stdout.buffer

    def flush(batch: list[Article]) -> None:
        # Analysis runs on batches so the NLP model can pipe them; output keeps input order.
        records: list[Article | Analysis] = list(batch)
        if analyze:
            records = []
            for analysis, error in analyze_batch(batch, True):
                if error is not None:
                    click.echo(f"not analysed {analysis.article.source}: {error}", err=True)
                records.append(analysis)
        for record in records:
            if fmt == "json":
                out.write(to_json(record) + b"\n")
            elif isinstance(record, Analysis):
                out.write(analysis_text(record).encode("utf-8") + b"\n")
            else:
                out.write(article_text(record).encode("utf-8") + b"\n")
        out.flush()
        batch.clear()

    pending: list[Article] = []
    try:
        for item in read_pages(list(paths)):
            article = item if isinstance(item, Skip) else extract_or_skip(item)
            if isinstance(article, Skip):
                click.echo(skip_line(article), err=True)
                continue
            pending.append(article)
            if len(pending) >= (BATCH_SIZE if analyze else 1):
                flush(pending)
        flush(pending)
    except WirewatchError as exc:
        fail(exc)


# -- show, export --------------------------------------------------------------------------------
@main.command("show")
@click.argument("article_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json",
              show_default=True)
def show_cmd(article_id: str, db: str, fmt: str) -> None:
    """Show a stored article with its quotes, events and actors."""
    from wirewatch.store import open_store

    try:
        with open_store(db, create=False) as store:
            analysis = store.get_article(article_id)
    except WirewatchError as exc:
        fail(exc)
    if fmt == "json":
        click.echo(to_json(analysis, indent=True).decode("utf-8"))
    else:
        click.echo(analysis_text(analysis), nl=False)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt",
                                                     "plover"]),
              default="jsonl", show_default=True,
              help="jsonl, csv, parquet: one table; gdelt (GDELT 2.0 event-table columns, "
                   "tab-separated) and plover (PLOVER/POLECAT-style JSON Lines): the merged "
                   "events.")
@click.option("--table", default="articles", show_default=True,
              type=click.Choice(["articles", "drops", "quotes", "events", "actors", "inputs",
                                 "runs", "stories", "story_members", "duplicates",
                                 "merged_events", "event_mentions", "dyad_days", "alerts",
                                 "dyad_pairs"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="File to write [default: stdout; parquet needs a file].")
@DB_OPTION
def export_cmd(fmt: str, table: str, output: str, db: str) -> None:
    """Export one table of the database, or the merged events as GDELT rows or PLOVER JSON."""
    from wirewatch.store import open_store
    from wirewatch.store.export import ExportFormat, export_table
    from wirewatch.store.export_events import export_gdelt, export_plover

    if fmt == "parquet" and output == "-":
        raise click.UsageError("parquet needs --output FILE")

    def write(store: Store, out: BinaryIO) -> int:
        if fmt == "gdelt":
            return export_gdelt(store, out)
        if fmt == "plover":
            return export_plover(store, out)
        return export_table(store, table, cast(ExportFormat, fmt), out)

    what = "merged events" if fmt in ("gdelt", "plover") else f"rows of {table}"
    try:
        with open_store(db, create=False) as store:
            if output == "-":
                write(store, sys.stdout.buffer)
            else:
                with _open_output(output) as out:
                    n = write(store, out)
                click.echo(f"exported {n} {what} to {output}", err=True)
    except WirewatchError as exc:
        fail(exc)


@contextmanager
def _open_output(path: str) -> Iterator[BinaryIO]:
    from wirewatch.errors import StoreError

    try:
        with Path(path).open("wb") as handle:
            yield handle
    except OSError as exc:
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from exc
