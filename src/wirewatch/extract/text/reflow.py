"""Undo the layout habits of text renderers before the lines are judged.

Scrapers hand over text in a few habits besides "one block a line" (bench/scraped_render.py
makes each of them from HTML):

- **hard-wrapped text** (lynx and w3m dumps, html2text's default, e-mail): every paragraph cut
  into lines of at most ~70-80 characters. Detected from the page's line lengths (most lines
  no longer than a width W and many of them close to it, hardly any longer); a line is then
  joined to the one before it when that one is nearly full and both carry the same indent.
- **link numbers** (``[12]Headline``, lynx's references): the markers are removed when the page
  has several of them; the numbered URL list at the end becomes URL-only lines, which the
  chrome rules drop as ``chrome.links``.
- **one text node a line** (BeautifulSoup ``get_text("\\n")``): a sentence with a link in it
  comes as three lines ("The minister", "said", "on Monday."). A line is joined to the one
  before it when that one does not end a sentence and it starts with a lower-case letter or
  with punctuation that continues a sentence.

Each joined line keeps the number of its first line, so drops still point into the page.
"""

from __future__ import annotations

import re

_LINK_MARK = re.compile(r"\[\d{1,4}\]")
MIN_LINK_MARKS = 5
WRAP_MIN_LINES = 12
WRAP_MAX_WIDTH = 100
WRAP_LONG_SHARE = 0.03  # at most this share of lines may run past the wrap width
WRAP_FULL_SHARE = 0.25  # at least this share must be nearly full (within WRAP_SLACK)
WRAP_SLACK = 18
FRAGMENT_SHARE = 0.1
# words a sentence does not end with: a line ending in one was cut at a link
_FUNCTION_WORDS = frozenset(
    (
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "and",
        "or",
        "but",
        "as",
        "that",
        "than",
        "told",
        "said",
        "says",
        "according",
        "into",
        "about",
        "over",
        "after",
        "before",
        "between",
        "against",
        "during",
        "under",
        "via",
        "",
    )
)
MIN_PUNCT_STARTS = 2
_SENTENCE_END = frozenset(".!?:;\"'”’»)]|")
_CONTINUES = frozenset(",.;:!?)]”’%")
_BULLETS = ("* ", "+ ", "- ", "• ", "# ", "o ")  # "o": a second-level bullet (inscriptis)
_INDENT = re.compile(r"^[ \t]*")


def reflow(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The page's numbered non-blank lines with renderer habits undone (see the module doc)."""
    if len(numbered) < 2:
        return numbered
    raws = [raw for _, raw in numbered]
    joined_text = "\n".join(raws)
    if joined_text.count("[") >= MIN_LINK_MARKS and _has_link_marks(numbered):
        numbered = [(i, _LINK_MARK.sub("", raw)) for i, raw in numbered]
        numbered = [(i, raw) for i, raw in numbered if raw.strip()]
        raws = [raw for _, raw in numbered]
    # no URL to overrun the width and a line far past it: not hard-wrapped (a cheap test first)
    if "://" in joined_text or (
        len(raws) >= WRAP_MIN_LINES and max(map(len, raws)) <= WRAP_MAX_WIDTH * 3
    ):
        width = wrap_width(numbered)
        if width is not None:
            return _unwrap(numbered, width)
    firsts = [raw[:2] if raw[:1] > " " else raw.lstrip()[:2] for raw in raws]
    joined = _join_fragments(numbered, firsts, unfinished=False)
    if _node_per_line(firsts, len(numbered) - len(joined)):
        return _join_fragments(numbered, firsts, unfinished=True)
    return joined


def _node_per_line(firsts: list[str], joins: int) -> bool:
    """Whether the page shows the one-text-node-a-line habit: lines that start with a comma or
    a full stop (the text after an inline link), or many lines that continue a sentence."""
    if joins >= FRAGMENT_SHARE * len(firsts):
        return True
    starts = [two for two in firsts if two[:1] in ",.;)" and len(two) > 1]
    return len(starts) >= MIN_PUNCT_STARTS


def _has_link_marks(numbered: list[tuple[int, str]]) -> bool:
    count = 0
    for _, raw in numbered:
        if "[" in raw:
            count += len(_LINK_MARK.findall(raw))
            if count >= MIN_LINK_MARKS:
                return True
    return False


def wrap_width(numbered: list[tuple[int, str]]) -> int | None:
    """The width W the page's text was hard-wrapped at, or None when it was not wrapped."""
    sizes = [len(raw.rstrip()) for _, raw in numbered if "://" not in raw]  # URLs overrun
    if len(sizes) < WRAP_MIN_LINES:
        return None
    long_lines = 0
    for size in sizes:  # most pages have long lines: done before any sorting
        if size > WRAP_MAX_WIDTH:
            long_lines += 1
            if long_lines > WRAP_LONG_SHARE * len(sizes):
                return None
    within = sorted(s for s in sizes if s <= WRAP_MAX_WIDTH)
    if len(sizes) - len(within) > WRAP_LONG_SHARE * len(sizes) or not within:
        return None
    width = within[int(0.98 * (len(within) - 1))]
    full = sum(1 for s in within if s >= width - WRAP_SLACK)
    if width < 50 or full < WRAP_FULL_SHARE * len(sizes):
        return None
    return width


def _unwrap(numbered: list[tuple[int, str]], width: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    previous_index = -2
    previous_full = False
    previous_indent = ""
    for index, raw in numbered:
        text = raw.rstrip()
        indent = _INDENT.match(text).group()  # type: ignore[union-attr]  # always matches
        body = text[len(indent) :]
        adjacent = index == previous_index + 1
        if (
            out
            and adjacent
            and previous_full
            and indent == previous_indent
            and not body.startswith(_BULLETS)
        ):
            first, joined = out[-1]
            out[-1] = (first, joined + " " + body)
        else:
            out.append((index, text))
            previous_indent = indent
        previous_full = len(text) >= width - WRAP_SLACK
        previous_index = index
    return out


def _join_fragments(
    numbered: list[tuple[int, str]], firsts: list[str], *, unfinished: bool
) -> list[tuple[int, str]]:
    """Adjacent lines joined where the second continues the first's sentence (it starts in
    lower case or with continuing punctuation); with ``unfinished``, also where the first ends
    in a function word ("... told", "... of the"), whatever the second starts with."""
    joins = [
        k
        for k in range(1, len(numbered))
        if (first := firsts[k][:1])
        and (first.islower() or first in _CONTINUES or unfinished)
        and numbered[k][0] == numbered[k - 1][0] + 1
        and _joinable(numbered[k - 1][1], numbered[k][1], first, unfinished=unfinished)
    ]
    if not joins:
        return numbered
    joining = set(joins)
    out: list[tuple[int, str]] = []
    for k, (index, raw) in enumerate(numbered):
        if k in joining:
            text = raw.strip()
            head, joined = out[-1]
            out[-1] = (head, joined + ("" if text[0] in _CONTINUES else " ") + text)
        else:
            out.append((index, raw))
    return out


def _joinable(before: str, raw: str, first: str, *, unfinished: bool) -> bool:
    """Whether ``raw`` continues the sentence of the line ``before`` it."""
    if before.rstrip()[-1:] in _SENTENCE_END or raw.lstrip().startswith(_BULLETS):
        return False
    if first.islower() or first in _CONTINUES:
        return True
    return unfinished and _last_word(before) in _FUNCTION_WORDS


def _last_word(text: str) -> str:
    words = text.rsplit(None, 1)
    return words[-1].lower() if words else ""
