"""The page tree made ready for trafilatura, and what the layers after it need from the page.

trafilatura decides on its own copy of the tree; these steps change the tree it gets so that its
rules meet what a reader sees (each a class of markup, none site-specific):

1. **Hidden text goes.** An element with the ``hidden`` attribute, ``aria-hidden="true"``, an
   inline style ``display: none`` / ``visibility: hidden|collapse``, or a class that hides it in
   the common CSS frameworks (``data/html/hidden_classes.txt``; not when a breakpoint class shows
   it on some screens) is removed, with ``Drop("html.hidden")`` when it held text. trafilatura
   already drops some of these, but not the ``hidden`` attribute, not a style behind an ``id``,
   and not on every element kind. An element, or the hidden children of one parent together
   (a gallery's slides shown one at a time), holding more than half of the page's text is the
   page hidden until its scripts run, not hidden text, and stays.
2. **In-sentence spans are unwrapped.** trafilatura prunes ``span`` elements whose class or id
   reads like chrome (``social``, ``tag``, ``link``...) and keeps their tail, which cuts a link
   out of the middle of its sentence. A ``span`` with words on both sides inside its parent is
   part of the sentence: its tag goes, its text stays.
3. **Empty elements go, their tails stay.** trafilatura's precision mode deletes empty elements
   together with the text that follows them, so a blog post whose text runs on after a clearing
   ``<div>`` loses everything after its first paragraph. Empty elements before text are
   removed first (a block one leaves a line break); blank lines inside such loose text become
   line breaks (paragraphs in plain-text editors).

``prepare_tree`` also records what the layers after trafilatura need: the runs of identical
consecutive blocks (trafilatura keeps one of each run) and the texts of the page's links (to
tell navigation from a short article).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from lxml.html import HtmlElement

from wirewatch.records import Drop

_STYLE_HIDDEN = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important)?"
    r"\s*(?:;|$)",
    re.IGNORECASE,
)
# A breakpoint class that shows the element on some screens: Tailwind "md:block", Bootstrap
# "d-md-block". The element is then visible somewhere and not hidden text.
_SHOWN_AT_BREAKPOINT = re.compile(
    r"^(?:\w+:(?:block|flex|inline|inline-block|inline-flex|grid|table|contents|visible)"
    r"|d-(?:sm|md|lg|xl|xxl)-(?:block|flex|inline|inline-block|inline-flex|grid|table))$"
)
_WORD = re.compile(r"\w")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
BLOCKS = frozenset((
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td", "th",
    "figcaption", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol",
    "table",
))
_LEAF_BLOCKS = frozenset((
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "td", "th",
    "figcaption", "div",
))
# Elements that carry nothing when empty (trafilatura's precision pruning takes their tails).
_EMPTY_INLINE = frozenset(("b", "i", "em", "strong", "span", "q", "u", "small", "font"))
_EMPTY_BLOCK = frozenset((
    "div", "p", "section", "article", "main", "blockquote", "dd", "dt", "li", "h1", "h2", "h3",
    "h4", "h5", "h6", "pre",
))
# Containers whose own text (not inside a paragraph) is loose text.
_LOOSE_TEXT_PARENTS = ("div", "section", "article", "main", "td", "body")
_HIDDEN_SHARE = 0.5  # an element with more of the page's text than this is not hidden text
_DROP_TEXT = 200  # characters of a hidden element's text kept in its Drop


def text_key(text: str) -> str:
    """Text without any whitespace: trafilatura's output and the page's text agree on it."""
    return "".join(text.split())


@dataclass(slots=True)
class PreparedPage:
    """What the layers after trafilatura need from the page, read before trafilatura runs."""

    drops: list[Drop] = field(default_factory=list)
    repeats: dict[str, list[int]] = field(default_factory=dict)  # text key -> run lengths
    link_keys: frozenset[str] = frozenset()


@functools.cache
def hidden_classes() -> frozenset[str]:
    text = resources.files("wirewatch").joinpath("data", "html", "hidden_classes.txt")
    lines = (line.strip() for line in text.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_hidden(element: HtmlElement, classes: frozenset[str] | None = None) -> bool:
    """Whether the element is hidden from readers by its own attributes."""
    get = element.get
    if get("hidden") is not None or (get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = get("style")
    if style and _STYLE_HIDDEN.search(style):
        return True
    names = get("class")
    if not names:
        return False
    tokens = names.split()
    return not (classes or hidden_classes()).isdisjoint(tokens) and not any(
        _SHOWN_AT_BREAKPOINT.match(token) for token in tokens
    )


def remove_hidden(tree: HtmlElement, drops: list[Drop]) -> None:
    """Hidden elements removed, except the page itself hidden until scripts run: one element,
    or the hidden children of one parent together (slides shown one at a time), holding more
    than half of the page's text."""
    classes = hidden_classes()
    candidates = [e for e in tree.iter() if isinstance(e.tag, str) and is_hidden(e, classes)]
    if not candidates:
        return
    chosen = set(candidates)
    outermost = [e for e in candidates if not any(a in chosen for a in e.iterancestors())]
    texts = {e: " ".join(e.text_content().split()) for e in outermost}
    by_parent: dict[HtmlElement | None, int] = {}
    for element, text in texts.items():
        parent = element.getparent()
        by_parent[parent] = by_parent.get(parent, 0) + len(text)
    body = tree.find("body")
    limit = _HIDDEN_SHARE * len((body if body is not None else tree).text_content())
    for element, text in texts.items():
        if element.getparent() is None or (limit and by_parent[element.getparent()] > limit):
            continue
        element.drop_tree()  # lxml keeps the tail: it is outside the hidden element
        if text:
            drops.append(Drop("html.hidden", text[:_DROP_TEXT]))


def _has_words(text: str | None) -> bool:
    return bool(text) and _WORD.search(text or "") is not None


def unwrap_sentence_spans(tree: HtmlElement) -> None:
    for span in list(tree.iter("span")):
        if not (span.get("class") or span.get("id")):
            continue
        parent, previous = span.getparent(), span.getprevious()
        if parent is None:
            continue
        before = previous.tail if previous is not None else parent.text
        if _has_words(before) and _has_words(span.tail):
            span.drop_tag()


def _split_blank_lines(parent: HtmlElement, index: int, text: str) -> str:
    """Loose text with blank lines: the first part returned, the rest after new <br>s."""
    parts = _BLANK_LINE.split(text)
    if len(parts) < 2 or sum(_has_words(p) for p in parts) < 2:
        return text
    for offset, part in enumerate(parts[1:]):
        line_break = parent.makeelement("br", {})
        line_break.tail = part
        parent.insert(index + offset, line_break)
    return parts[0]


def free_loose_text(tree: HtmlElement) -> None:
    """Empty elements before text removed (a block one leaves a <br>); blank lines in loose
    text made <br>s."""
    for element in list(tree.iter(*_EMPTY_INLINE, *_EMPTY_BLOCK)):
        if len(element) or (element.text or "").strip() or not _has_words(element.tail):
            continue
        tag = element.tag
        if tag in _EMPTY_BLOCK:
            line_break = element.makeelement("br", {})
            line_break.tail = element.tail
            element.addprevious(line_break)
            element.getparent().remove(element)
        elif tag in _EMPTY_INLINE:
            element.drop_tag()  # keeps a space it held (``<strong> </strong>``)
    for parent in list(tree.iter(*_LOOSE_TEXT_PARENTS)):
        if parent.text and "\n" in parent.text:
            parent.text = _split_blank_lines(parent, 0, parent.text)
        for child in list(parent):
            if child.tail and "\n" in child.tail:
                child.tail = _split_blank_lines(parent, parent.index(child) + 1, child.tail)


def read_page(tree: HtmlElement, prepared: PreparedPage) -> None:
    """Runs of identical consecutive leaf blocks, and the link texts, in one walk."""
    previous: tuple[object, str] = ("", "")
    run = 0
    runs: dict[str, list[int]] = {}
    links: set[str] = set()
    for element in tree.iter("a", *_LEAF_BLOCKS):
        tag = element.tag
        if tag == "a":
            links.add(text_key(element.text_content()))
            continue
        if any(child.tag in BLOCKS for child in element):
            continue
        key = text_key(element.text_content())
        if not key:
            continue
        if (tag, key) == previous:  # the same kind of block: a headline over a paragraph
            run += 1  # saying the same is not a repeat
            continue
        if run > 1:
            runs.setdefault(previous[1], []).append(run)
        previous, run = (tag, key), 1
    if run > 1:
        runs.setdefault(previous[1], []).append(run)
    links.discard("")
    prepared.repeats, prepared.link_keys = runs, frozenset(links)


def prepare_tree(tree: HtmlElement) -> PreparedPage:
    """Changes ``tree`` in place (steps 1-3 above); returns what the later layers need."""
    prepared = PreparedPage()
    remove_hidden(tree, prepared.drops)
    unwrap_sentence_spans(tree)
    free_loose_text(tree)
    read_page(tree, prepared)
    return prepared


def restore_repeats(paragraphs: list[str], repeats: dict[str, list[int]]) -> list[str]:
    """Each run of identical paragraphs as long as it stands in a row in the page.

    trafilatura keeps one paragraph of a run of identical ones (a song's refrain, a repeated
    "Update:" line in a row); the page's own runs, in order, say how many there were.
    """
    if not repeats:
        return paragraphs
    pending = {key: list(lengths) for key, lengths in repeats.items()}
    out: list[str] = []
    index = 0
    while index < len(paragraphs):
        paragraph, end = paragraphs[index], index + 1
        while end < len(paragraphs) and paragraphs[end] == paragraph:
            end += 1
        count = end - index
        lengths = pending.get(text_key(paragraph))
        if lengths:
            count = max(count, lengths.pop(0))
        out.extend([paragraph] * count)
        index = end
    return out
