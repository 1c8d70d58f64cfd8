"""HTML extraction on pages nobody tuned on: the blind set first, then AEB and trafilatura-eval.

    .venv/bin/python bench/bench_html_blind.py

One process, wirewatch and trafilatura side by side in the same run:
1. the blind HTML set (bench/html_blind: 30 pages written for wirewatch and frozen, with their
   truth, before any extractor ran on them; PROTOCOL.md): body F1 with the AEB benchmark's
   shingle scoring, title accuracy, pages that gave an article, and F1 per page template;
2. AEB (181 pages, bench_html.py's methods; wirewatch must stay at F1 >= 0.97);
3. trafilatura-eval-en (141 pages, bench_meta_html.py's methods): title, author, date and body
   snippets.
Writes bench/results/bench_html_blind.md.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_html
import bench_meta_html
from aeb_scoring import Score, load_html, load_truth, score
from meta_scoring import load_eval, title_match
from wirewatch.errors import NoArticleError
from wirewatch.extract.html.article import HtmlOptions, extract_html_page
from wirewatch.records import Page

HERE = Path(__file__).resolve().parent
BLIND = HERE / "html_blind"
RESULTS = HERE / "results" / "bench_html_blind.md"
Extracted = tuple[str | None, str]  # title, body text ("" when no article)


@dataclass(frozen=True)
class BlindSet:
    htmls: dict[str, str]
    bodies: dict[str, str]
    titles: dict[str, str]
    templates: dict[str, str]


def load_blind() -> BlindSet:
    truth = json.loads((BLIND / "truth.json").read_text(encoding="utf-8"))
    return BlindSet(
        htmls={f: (BLIND / "pages" / f).read_text(encoding="utf-8") for f in truth},
        bodies={f: "\n".join(item["body"]) for f, item in truth.items()},
        titles={f: item["title"] for f, item in truth.items()},
        templates={f: item["template"] for f, item in truth.items()},
    )


def wirewatch_with(options: HtmlOptions) -> Callable[[str, str], Extracted]:
    def run(html: str, name: str) -> Extracted:
        try:
            article = extract_html_page(Page(source=name, form="html", content=html),
                                        options=options)
        except NoArticleError:
            return None, ""
        return article.title, article.body_text

    return run


def trafilatura_with(**kwargs: object) -> Callable[[str, str], Extracted]:
    import trafilatura

    def run(html: str, _name: str) -> Extracted:
        document = trafilatura.bare_extraction(html, with_metadata=True, **kwargs)
        if document is None:
            return None, ""
        return document.title, str(document.text or "")

    return run


@dataclass(frozen=True)
class BlindRow:
    name: str
    score: Score
    titles: int
    articles: int
    by_template: dict[str, float]
    cpu_s: float


def run_blind(name: str, fn: Callable[[str, str], Extracted], blind: BlindSet) -> BlindRow:
    start = time.process_time()
    out = {f: fn(html, f) for f, html in blind.htmls.items()}
    cpu = time.process_time() - start
    bodies = {f: body for f, (_, body) in out.items()}
    by_template: dict[str, float] = {}
    for template in dict.fromkeys(blind.templates.values()):
        files = [f for f, t in blind.templates.items() if t == template]
        by_template[template] = score(
            {f: bodies[f] for f in files}, {f: blind.bodies[f] for f in files}
        ).f1
    titles = sum(bool(title_match(out[f][0], blind.titles[f])) for f in blind.htmls)
    row = BlindRow(name, score(bodies, blind.bodies), titles,
                   sum(bool(b.strip()) for b in bodies.values()), by_template, cpu)
    print(f"blind {name}: F1 {row.score.f1:.3f}", file=sys.stderr)
    return row


BLIND_METHODS: list[tuple[str, Callable[[str, str], Extracted]]] = [
    ("**wirewatch.html** (full Article, defaults)", wirewatch_with(HtmlOptions())),
    ("wirewatch.html without its layers (prepare_page=False)",
     wirewatch_with(HtmlOptions(prepare_page=False))),
    ("anchor: trafilatura default (with metadata)", trafilatura_with()),
    ("anchor: trafilatura, comments off", trafilatura_with(include_comments=False)),
    ("anchor: trafilatura favor_precision, comments off",
     trafilatura_with(favor_precision=True, include_comments=False)),
]
AEB_METHODS = [m for m in bench_html.METHODS if not m[0].startswith("option")]
EVAL_METHODS: list[tuple[str, Callable[[bench_meta_html.EvalPage], bench_meta_html.Output]]] = [
    ("**wirewatch.html** (defaults)", bench_meta_html.wirewatch_with(HtmlOptions())),
    ("wirewatch.html without its layers (prepare_page=False)",
     bench_meta_html.wirewatch_with(HtmlOptions(prepare_page=False))),
    ("anchor: trafilatura default (with metadata)", bench_meta_html.trafilatura_with()),
    ("anchor: trafilatura favor_precision, comments off",
     bench_meta_html.trafilatura_with(favor_precision=True, include_comments=False)),
]


def blind_tables(rows: list[BlindRow], blind: BlindSet) -> str:
    pages = len(blind.htmls)
    lines = [
        "| method | body F1 ± std | precision | recall | exact | title | pages with an article |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        s = row.score
        lines.append(
            f"| {row.name} | {s.f1:.3f} ± {s.f1_std:.3f} | {s.precision:.3f} | {s.recall:.3f} "
            f"| {s.accuracy:.3f} | {row.titles}/{pages} | {row.articles}/{pages} |"
        )
    ours, theirs = rows[0], rows[2]
    lines += ["", "Body F1 per page template (first row against the third):", "",
              "| template | pages | wirewatch.html | trafilatura default |", "|---|---|---|---|"]
    counts: dict[str, int] = {}
    for template in blind.templates.values():
        counts[template] = counts.get(template, 0) + 1
    for template, f1 in ours.by_template.items():
        lines.append(f"| {template} | {counts[template]} | {f1:.3f} "
                     f"| {theirs.by_template[template]:.3f} |")
    return "\n".join(lines)


def main() -> int:
    blind = load_blind()
    for _, fn in BLIND_METHODS:  # imports and lazy caches before anything is scored
        fn(next(iter(blind.htmls.values())), "warm-up")
    blind_rows = [run_blind(name, fn, blind) for name, fn in BLIND_METHODS]
    truth = load_truth()
    htmls = {doc_id: load_html(doc_id) for doc_id in truth}
    aeb_rows = [bench_html.run(name, fn, htmls, truth) for name, fn in AEB_METHODS]
    pages = load_eval()
    eval_rows = [bench_meta_html.run(name, fn, pages) for name, fn in EVAL_METHODS]
    text = (
        "## 1. Blind set (30 pages, 12 templates; bench/html_blind/PROTOCOL.md)\n\n"
        + blind_tables(blind_rows, blind)
        + "\n\n## 2. AEB (181 pages; wirewatch's options were chosen here)\n\n"
        + bench_html.table(aeb_rows)
        + "\n\n## 3. trafilatura-eval-en (141 pages; trafilatura's authors tune on it)\n\n"
        + bench_meta_html.table(eval_rows)
    )
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        "# HTML extraction on pages nobody tuned on, then the anchors\n\n"
        "`.venv/bin/python bench/bench_html_blind.py`. One process, every method in the same "
        "run. (1) The blind set: 30 news and blog pages in 12 CMS-like templates, written and "
        "frozen with their truth before any extractor ran on them (its protocol, and its known "
        "bias: the templates' author also wrote wirewatch's layers, is in "
        "bench/html_blind/PROTOCOL.md); body scored with the AEB shingle method (F1 ± std over "
        "1000 bootstrap resamples), title = normalised equality with the page's headline. "
        "(2) AEB with its own scoring (bench_html.md has every option set). (3) "
        "trafilatura-eval-en: field accuracy and trafilatura's snippet scoring "
        "(bench_meta_html.md). \"without its layers\" is wirewatch's trafilatura policy "
        "without the page preparation and repeat restoring of issue 10 "
        "(wirewatch.extract.html.prepare). Speeds: this process's CPU time on a shared 2-core "
        "machine, compare within a table only.\n\n" + text + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
