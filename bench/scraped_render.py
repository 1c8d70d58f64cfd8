"""Six scraper habits that turn HTML into text, for the multi-renderer scraped-text corpus.

Real scraped text does not come from one renderer. Each function here takes a page's HTML and
returns text the way a common scraping habit would hand it over (navigation, footers and
banners kept, since none of these habits cleans):

- ``bs4_glued``: BeautifulSoup ``soup.get_text()`` with no separator over the whole document
  (scripts and styles removed first, as scrapers do; the <title> text comes first). Inline
  elements are glued to their neighbours and only the source's own newlines separate blocks:
  the seed's "HomeRussia & Former Soviet Union" comes from this habit.
- ``bs4_lines``: ``soup.body.get_text("\\n", strip=True)``: every text node on its own line, so
  a sentence with a link is cut into three lines and no blank line separates paragraphs.
- ``inscriptis``: inscriptis with its strict CSS profile (blocks on their own lines); the
  renderer bench_text.py uses.
- ``lynx``: a lynx-style dump: link numbers ``[12]`` before each link's text, every paragraph
  wrapped at 76 columns with a three-space indent, blank lines between blocks, and the
  ``References`` list of numbered URLs at the end.
- ``markdown``: html2text's Markdown (``#`` headings, ``*`` bullets, ``[text](url)`` links kept,
  images left out, no wrapping): the "page as Markdown" habit of LLM-oriented scrapers.
- ``article_only``: a newspaper-style article text: readability-lxml's title, a blank line,
  then its article's paragraphs separated by blank lines (no page chrome, but whatever the
  extractor took for the article, captions and teasers included).

Every renderer's output is cached under bench/out/render/<renderer>/ (git-ignored).
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

from text_render import render_html

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / "out" / "render"
_DROP_TAGS = ("script", "style", "template")
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "tr",
        "td",
        "th",
        "dt",
        "dd",
        "figcaption",
        "section",
        "article",
    ]
)
_BLANKS = re.compile(r"\n{3,}")
LYNX_WIDTH = 76


def _soup(html: str) -> object:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    return soup


def _tidy(text: str, *, keep_blank: bool) -> str:
    """Lines stripped; runs of blank lines collapsed to one (or removed)."""
    lines = [line.strip() for line in text.splitlines()]
    if not keep_blank:
        return "\n".join(line for line in lines if line) + "\n"
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"


def bs4_glued(html: str) -> str:
    soup = _soup(html)
    return _tidy(soup.get_text(), keep_blank=True)  # type: ignore[attr-defined]


def bs4_lines(html: str) -> str:
    soup = _soup(html)
    root = soup.body or soup  # type: ignore[attr-defined]
    return _tidy(root.get_text("\n", strip=True), keep_blank=False)


def inscriptis(html: str) -> str:
    return render_html(html)


def lynx(html: str) -> str:
    """A lynx ``-dump`` look-alike (lynx itself is not a Python package)."""
    from lxml import html as lxml_html

    try:
        doc = lxml_html.document_fromstring(html)
    except (ValueError, TypeError):  # lxml refuses some empty or odd documents
        return render_html(html)
    urls: list[str] = []
    for anchor in doc.iter("a"):
        href = anchor.get("href")
        if not href or href.startswith(("javascript:", "#")):
            continue
        urls.append(href)
        anchor.text = f"[{len(urls)}]" + (anchor.text or "")
    text = render_html(lxml_html.tostring(doc, encoding="unicode"))
    out: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        wrapped = textwrap.fill(
            line.strip(),
            width=LYNX_WIDTH,
            initial_indent="   ",
            subsequent_indent="   ",
            break_on_hyphens=False,
        )
        out.append(wrapped)
    body = "\n\n".join(out)
    refs = "\n".join(f"  {n:>3}. {url}" for n, url in enumerate(urls, start=1))
    return body + ("\n\nReferences\n\n" + refs if refs else "") + "\n"


def markdown(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.ignore_images = True
    converter.ignore_links = False
    return _tidy(converter.handle(html), keep_blank=True)


def article_only(html: str) -> str:
    from lxml import html as lxml_html
    from readability import Document

    try:
        doc = Document(html)
        title = doc.short_title() or ""
        summary = lxml_html.fromstring(doc.summary(html_partial=True))
    except Exception:  # noqa: BLE001 (readability raises bare Exception subclasses of its own)
        return ""
    paragraphs: list[str] = []
    for element in summary.iter():
        if element.tag in _BLOCK_TAGS and not any(
            child.tag in _BLOCK_TAGS for child in element.iterdescendants()
        ):
            text = " ".join(element.text_content().split())
            if text:
                paragraphs.append(text)
    return "\n\n".join([title, *paragraphs]).strip() + "\n"


RENDERERS: dict[str, Callable[[str], str]] = {
    "bs4_glued": bs4_glued,
    "bs4_lines": bs4_lines,
    "inscriptis": inscriptis,
    "lynx": lynx,
    "markdown": markdown,
    "article_only": article_only,
}


def rendered(renderer: str, corpus: str, key: str, load_html: Callable[[], str]) -> str:
    """``RENDERERS[renderer](html)`` of one page, cached on disk by corpus and key."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    path = CACHE / renderer / corpus / f"{digest}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    text = RENDERERS[renderer](load_html())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text
