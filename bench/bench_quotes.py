"""Quotes: wirewatch's find_quotes beside textacy's direct_quotations, same input, same run.

Input: the seed article's body (through wirewatch's scraped-text cleaner) and the 181 AEB
ground-truth article bodies (``articleBody``, paragraphs joined by a blank line), so that
extraction quality does not interfere. Both tools read the same spaCy Doc (the full pipeline,
lemmatizer included, because textacy's cue test reads lemmas); wirewatch then takes its names
as its analysis does by default (``names.tag_names``, not the NER, unless $WIREWATCH_NER=1).

There is no gold quote annotation for these pages, so the table reports counts, agreement
(a textacy quote and a wirewatch direct quote agree when their character spans overlap;
speakers agree when the names share a word, or when textacy's speaker is a pronoun that
wirewatch resolved to a named actor), and failures (exceptions per document).

Usage: .venv/bin/python bench/bench_quotes.py [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc
from textacy.extract.triples import direct_quotations

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.actors.names import tag_names
from wirewatch.analyze.nlp.load import load_nlp, model_version, pipe_texts
from wirewatch.analyze.pipeline import NER
from wirewatch.analyze.quotes.find import find_quotes
from wirewatch.extract.text.clean import clean_text_page
from wirewatch.records import BODY_SEPARATOR, Page, Quote

BENCH = Path(__file__).resolve().parent
SHARED = BENCH.parent.parent / "shared"
AEB_TRUTH = SHARED / "corpora" / "aeb" / "ground-truth.json"
SEED = SHARED / "seed" / "000_17d8a8fe762a2e75.txt"
RESULTS = BENCH / "results" / "bench_quotes.md"
T = TypeVar("T")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you", "him", "her", "them"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    speaker: str | None


@dataclass
class Tally:
    docs: int = 0
    failed: int = 0
    quotes: int = 0
    direct: int = 0
    partial: int = 0
    indirect: int = 0
    with_speaker: int = 0
    seconds: float = 0.0
    errors: dict[str, int] = field(default_factory=dict)


@dataclass
class Agreement:
    """Overlap between textacy's quotes and ours, over documents where textacy ran."""

    theirs: int = 0
    by_direct: int = 0  # textacy quotes overlapped by one of our direct quotes
    by_marked: int = 0  # ... by one of our direct or partial quotes
    our_direct: int = 0
    our_direct_matched: int = 0
    speaker_pairs: int = 0
    speaker_ok: int = 0

    def add(self, their: list[Span], ours: tuple[Quote, ...]) -> None:
        direct = [q for q in ours if q.kind == "direct"]
        marked = [q for q in ours if q.kind != "indirect"]
        self.theirs += len(their)
        self.our_direct += len(direct)
        for span in their:
            hit = next((q for q in direct if q.start < span.end and span.start < q.end), None)
            self.by_marked += any(q.start < span.end and span.start < q.end for q in marked)
            if hit is not None:
                self.by_direct += 1
                self.speaker_pairs += 1
                name = hit.speaker.name if hit.speaker else None
                self.speaker_ok += speakers_agree(span.speaker, name)
        self.our_direct_matched += sum(
            1 for q in direct if any(q.start < s.end and s.start < q.end for s in their)
        )


def bodies(limit: int | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if SEED.exists():
        page = Page(source=str(SEED), form="text", content=SEED.read_text(encoding="utf-8"))
        out.append(("seed", clean_text_page(page).body_text))
    truth = json.loads(AEB_TRUTH.read_text(encoding="utf-8"))
    for key in sorted(truth)[:limit]:
        paragraphs = [p.strip() for p in re.split(r"\n+", truth[key]["articleBody"])]
        out.append((key, BODY_SEPARATOR.join(p for p in paragraphs if p)))
    return out


def run_textacy(doc: Doc) -> list[Span]:
    found = []
    for triple in direct_quotations(doc):
        content = triple.content
        speaker = " ".join(t.text for t in triple.speaker) if triple.speaker else None
        found.append(Span(content.start_char, content.end_char, speaker))
    return found


def run_wirewatch(doc: Doc) -> tuple[Quote, ...]:
    # names as the analysis takes them by default (the tagger and the actor tables, unless
    # $WIREWATCH_NER=1); textacy has already read this doc
    named = doc if NER else tag_names(doc)
    return find_quotes(named, ArticleActors.from_doc(named))


def timed(fn: Callable[[Doc], T], doc: Doc, tally: Tally) -> T | None:
    started = time.perf_counter()
    try:
        result = fn(doc)
    except Exception as exc:  # noqa: BLE001 - the benchmark counts failures of either tool
        tally.failed += 1
        name = type(exc).__name__
        tally.errors[name] = tally.errors.get(name, 0) + 1
        return None
    finally:
        tally.seconds += time.perf_counter() - started
        tally.docs += 1
    return result


def speakers_agree(theirs: str | None, ours: str | None) -> bool:
    if not theirs or not ours:
        return False
    their_words = {w.lower() for w in re.findall(r"\w+", theirs)}
    if their_words <= _PRONOUNS:
        return True  # a pronoun textacy leaves unresolved; wirewatch named someone
    return bool(their_words & {w.lower() for w in re.findall(r"\w+", ours)})


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=None, help="first N AEB bodies only")
    parser.add_argument("--show", type=int, default=0, help="print N documents' quotes")
    args = parser.parse_args()
    if not AEB_TRUTH.exists():
        print(f"AEB ground truth not found at {AEB_TRUTH}", file=sys.stderr)
        return 2
    items = bodies(args.limit)
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(pipe_texts([text for _, text in items], nlp=nlp, disable=()))
    parse_s = time.perf_counter() - started
    ours, theirs, agree = Tally(), Tally(), Agreement()
    seed_rows: list[str] = []
    for (key, _text), doc in zip(items, docs, strict=True):
        their = timed(run_textacy, doc, theirs)
        our = timed(run_wirewatch, doc, ours)
        our_quotes = our or ()
        for q in our_quotes:
            ours.quotes += 1
            setattr(ours, q.kind, getattr(ours, q.kind) + 1)
            ours.with_speaker += q.speaker is not None
        if their is not None:
            theirs.quotes += len(their)
            theirs.direct += len(their)
            theirs.with_speaker += sum(1 for s in their if s.speaker)
            agree.add(their, our_quotes)
        if key == "seed" or args.show > 0:
            rows = _describe(key, doc.text, our_quotes, their)
            if key == "seed":
                seed_rows = rows
            if args.show > 0:
                print("\n".join(rows))
                args.show -= key != "seed"
    table = _table(len(items), parse_s, ours, theirs, agree, model_version(nlp))
    print(table)
    print("\n".join(seed_rows))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        table
        + "\n\nSeed quotes (ours, then textacy's):\n\n```\n"
        + "\n".join(seed_rows)
        + "\n```\n",
        encoding="utf-8",
    )
    return 0


def _describe(key: str, text: str, ours: tuple[Quote, ...], theirs: list[Span] | None) -> list[str]:
    rows = [f"-- {key}"]
    for q in ours:
        who = f"{q.speaker.name}/{q.speaker.code}/{q.speaker.sector}" if q.speaker else "-"
        rows.append(f"  ww  {q.kind:8} {who:40} {q.cue or '-':12} {q.text[:70]!r}")
    if theirs is None:
        rows.append("  textacy: raised")
    for s in theirs or []:
        rows.append(f"  tx  direct   {s.speaker or '-':40} {'':12} {text[s.start : s.end][:70]!r}")
    return rows


def _table(n: int, parse_s: float, ours: Tally, theirs: Tally, agree: Agreement, model: str) -> str:
    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:.0f} %" if b else "n/a"

    lines = [
        "## Quotes (seed + 181 AEB article bodies)",
        "",
        f"Model {model}; {n} documents; parsing (shared by both, full pipeline) "
        f"{parse_s:.1f} s = {n / parse_s:.1f} docs/s. Timings on a shared 2-core machine, noisy.",
        "No gold quote annotations exist for these pages: agreement, not accuracy.",
        "",
        "| | wirewatch | textacy 0.13 direct_quotations |",
        "|---|---|---|",
        f"| documents that raised | {ours.failed} of {ours.docs} ({pct(ours.failed, ours.docs)})"
        f" | {theirs.failed} of {theirs.docs} ({pct(theirs.failed, theirs.docs)})"
        f" {dict(sorted(theirs.errors.items()))} |",
        f"| quotes found | {ours.quotes} | {theirs.quotes} |",
        f"| direct | {ours.direct} | {theirs.direct} |",
        f"| partial (incl. scare quotes) | {ours.partial} | not extracted |",
        f"| indirect (reported speech) | {ours.indirect} | not extracted |",
        f"| quotes with a speaker | {ours.with_speaker} ({pct(ours.with_speaker, ours.quotes)})"
        f" | {theirs.with_speaker} ({pct(theirs.with_speaker, theirs.quotes)}) |",
        "| *agreement, documents where textacy ran:* | | |",
        f"| textacy quotes overlapped by a wirewatch direct quote | {agree.by_direct} of "
        f"{agree.theirs} ({pct(agree.by_direct, agree.theirs)}) | |",
        f"| textacy quotes overlapped by a wirewatch direct or partial quote | {agree.by_marked} "
        f"of {agree.theirs} ({pct(agree.by_marked, agree.theirs)}) | |",
        f"| wirewatch direct quotes overlapped by a textacy quote | {agree.our_direct_matched} "
        f"of {agree.our_direct} ({pct(agree.our_direct_matched, agree.our_direct)}) | |",
        f"| speaker agreement on overlapping direct pairs | {agree.speaker_ok} of "
        f"{agree.speaker_pairs} ({pct(agree.speaker_ok, agree.speaker_pairs)}) | |",
        f"| extraction time after parsing | {ours.seconds:.2f} s "
        f"({ours.docs / ours.seconds if ours.seconds else 0:.0f} docs/s, actors + quotes) "
        f"| {theirs.seconds:.2f} s |",
        "",
        "Anchor note: published quote extractors reach about 0.84 F1 on annotated news; textacy "
        "raises on an odd count of quote-like marks and has no reported speech.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
