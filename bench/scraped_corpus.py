"""The multi-renderer scraped-text corpus: pages, ground truth and the dev / held-out split.

Protocol (kept here so that every bench reads it from one place):

Pages. The 181 AEB pages and the 141 trafilatura-eval-en pages, each rendered by the six
habits of ``scraped_render`` (bs4_glued, bs4_lines, inscriptis, lynx, markdown, article_only).
The cleaner gets the text alone: no URL, no HTML (the seed's form; a URL's slug would make the
title easy).

Ground truth.
- Body (AEB only): the benchmark's ``articleBody``; its paragraphs are separated by blank
  lines, so the first and the last paragraph are known. trafilatura-eval-en has no full body,
  only "with"/"without" snippets, which score chrome there.
- Title, trafilatura-eval-en: the file's ``title`` field.
- Title, AEB (the benchmark has none), by this rule on the page's HTML: the gold title is the
  first of the page's first three <h1> texts that has three words or more, 60 % of them
  (``\\w+``, case folded) in og:title or in <title> (the visible headline, confirmed by the
  page's own metadata); else og:title, else <title>, with a " | Site" / " - Site" / " — Site"
  suffix of at most four words removed (when three words or more remain). A page with no
  candidate of three words or more gets no title gold and is left out of the title figure.

Split. By site: a page's host (its URL's host, "www." removed) is held out when the first
eight hex digits of sha1(host) modulo 10 are below 3 (about 30 % of sites; a site's pages are
all on one side, in both corpora). By renderer: ``markdown`` is held out entirely. The dev
split is dev sites x dev renderers; HELD-OUT is every other page (held-out sites under every
renderer, and every site under the held-out renderer). Rules are written and tuned on dev
pages only; the held-out pages are scored, never read.

Scores per page.
- title: the cleaner's title equals the gold after normalisation (NFKC, ASCII quotes and
  dashes, whitespace collapsed, case folded; bench/meta_scoring.py).
- start / end (AEB): the first (last) twelve ``\\w+`` tokens (case folded) of the cleaned
  body equal the first (last) twelve of the truth, whose paragraphs are its lines. A truth
  paragraph of fewer than 15 tokens at an edge (a caption, a dateline, "© Agency", "See
  more photos:", a credit: the benchmark's truth keeps some such lines and a cleaner may
  rightly drop them) may be skipped, up to two at each edge. So paragraph one must be the
  article's first paragraph, not the headline or a date stamp, and the body must end where
  the article ends, neither short of a real paragraph nor with chrome after it.
- chrome-free: AEB: no body paragraph is foreign to the truth (a paragraph of four tokens or
  more is foreign when fewer than half its 4-token shingles occur in the truth; a shorter one
  when its tokens are not a run of the truth's tokens); trafilatura-eval-en: no "without"
  snippet is in the body.
- F1 (AEB): the benchmark's own 4-shingle scoring (bench/aeb_scoring.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlparse

from aeb_scoring import AEB, load_html
from scraped_render import CACHE, RENDERERS, rendered
from text_render import TEV, tev_html

HELD_OUT_RENDERERS = frozenset({"markdown"})
HELD_OUT_SHARE = 3  # of 10
_WORDS = re.compile(r"\w+")
CACHE_TITLES = CACHE.parent / "aeb_titles.json"  # bench/out/, git-ignored
_SUFFIX = re.compile(r"^(?P<head>.{10,})\s+(?:\||-|—|–|::)\s+(?P<site>[^|—–]{2,60})$")
H1_CONFIRMED = 0.6  # share of an <h1>'s words that og:title or <title> must hold


@dataclass(frozen=True)
class Source:
    """One HTML page with its ground truth."""

    corpus: str  # "aeb" or "tev"
    key: str  # AEB id or trafilatura-eval URL
    url: str
    host: str
    title: str | None
    body: str | None  # AEB only
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()

    @property
    def held_out_site(self) -> bool:
        digest = hashlib.sha1(self.host.encode("utf-8")).hexdigest()
        return int(digest[:8], 16) % 10 < HELD_OUT_SHARE

    def html(self) -> str:
        if self.corpus == "aeb":
            return load_html(self.key)
        return tev_html(self.file_name)

    @property
    def file_name(self) -> str:
        return _tev_files()[self.key]


@dataclass(frozen=True)
class Sample:
    """One source page rendered by one renderer."""

    source: Source
    renderer: str
    text: str

    @property
    def held_out(self) -> bool:
        return self.source.held_out_site or self.renderer in HELD_OUT_RENDERERS


def host_of(url: str) -> str:
    host = (urlparse(url).hostname or "").lower()
    return host.removeprefix("www.")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def _strip_suffix(candidate: str) -> str:
    """``Headline | Site`` -> ``Headline`` (a suffix of at most four words after a separator)."""
    match = _SUFFIX.match(candidate)
    if match is None or len(match.group("site").split()) > 4:
        return candidate
    head = match.group("head")
    return head if len(_words(head)) >= 3 else candidate


def _shares(words: list[str], other: str) -> float:
    others = set(_words(other))
    return sum(1 for w in words if w in others) / len(words) if words else 0.0


def aeb_title(html: str) -> str | None:
    """The AEB page's gold title by the module docstring's rule."""
    from lxml import html as lxml_html

    try:
        doc = lxml_html.document_fromstring(html)
    except (ValueError, TypeError):
        return None
    h1s = [" ".join(h.text_content().split()) for h in doc.iter("h1")][:3]
    metas = doc.xpath("//meta[@property='og:title']/@content")
    og = " ".join(str(metas[0]).split()) if metas else ""
    titles = doc.xpath("//title")
    tag = " ".join(titles[0].text_content().split()) if titles else ""
    confirmed = [w for w in (og, tag) if w]
    for h1 in h1s:
        words = _words(h1)
        if len(words) >= 3 and any(_shares(words, c) >= H1_CONFIRMED for c in confirmed):
            return h1
    for candidate in (og, tag):
        if candidate and len(_words(candidate)) >= 3:
            return _strip_suffix(candidate)
    return None


@cache
def _tev_files() -> dict[str, str]:
    data = json.loads((TEV / "evaldata-en.json").read_text(encoding="utf-8"))
    return {url: str(item["file"]) for url, item in data.items()}


@cache
def sources() -> tuple[Source, ...]:
    """Every page of both corpora with its ground truth (AEB titles computed once, cached)."""
    out: list[Source] = []
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    title_cache = CACHE_TITLES
    titles: dict[str, str | None] = (
        json.loads(title_cache.read_text(encoding="utf-8")) if title_cache.exists() else {}
    )
    changed = False
    for doc_id in sorted(truth):
        if doc_id not in titles:
            titles[doc_id] = aeb_title(load_html(doc_id))
            changed = True
        url = truth[doc_id]["url"]
        out.append(
            Source("aeb", doc_id, url, host_of(url), titles[doc_id], truth[doc_id]["articleBody"])
        )
    if changed:
        title_cache.parent.mkdir(parents=True, exist_ok=True)
        title_cache.write_text(json.dumps(titles, indent=0, sort_keys=True), encoding="utf-8")
    data = json.loads((TEV / "evaldata-en.json").read_text(encoding="utf-8"))
    for url, item in data.items():
        if not (TEV / "pages" / item["file"]).exists():
            continue
        out.append(
            Source(
                "tev",
                url,
                url,
                host_of(url),
                item.get("title") or None,
                None,
                tuple(item.get("with") or ()),
                tuple(item.get("without") or ()),
            )
        )
    return tuple(out)


def samples(renderers: list[str] | None = None) -> Iterator[Sample]:
    """Every source under every renderer (rendered once, then read from the cache)."""
    for renderer in renderers or list(RENDERERS):
        for source in sources():
            loader: Callable[[], str] = source.html
            yield Sample(source, renderer, rendered(renderer, source.corpus, source.key, loader))
