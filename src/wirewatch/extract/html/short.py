"""Short bodies: a real article under 10 words is kept with ``Article.short``; navigation is
not an article. Navigation is decided as a class, each with its reason:

- ``navigation.link_text``: half or more of the body's text is the text of the page's links
  (a menu, a list of section links, "Home About" glued together);
- ``navigation.no_sentence``: a body under 10 words in which no line has 4 words (labels and
  menu items: "Weather", "Tide times"); a real stub states something in one line;
- ``navigation.short_lines``: a body of 10 words or more with no line of 8 words (a list of
  links or headlines: an article has at least one sentence of that length).
"""

from __future__ import annotations

import re

from wirewatch.extract.html.prepare import text_key

_WORD = re.compile(r"\w+")
NAVIGATION = {
    "navigation.link_text": "half or more of the body is the text of the page's links",
    "navigation.no_sentence": "no line of 4 words or more in a body under 10 words",
    "navigation.short_lines": "no line of {longest} words or more (a menu or a list of links)",
}
_SENTENCE_WORDS = 4
_LINK_SHARE = 0.5


def _link_chars(key: str, link_keys: frozenset[str]) -> int:
    """How many of the paragraph's characters are covered by texts of the page's links."""
    if key in link_keys:
        return len(key)
    rest = key
    for link in sorted((k for k in link_keys if k in key), key=len, reverse=True):
        rest = rest.replace(link, "")
    return len(key) - len(rest)


def navigation_class(
    paragraphs: list[str], link_keys: frozenset[str], *, min_words: int, longest: int
) -> str | None:
    """The navigation class of a body, or None when it reads as an article (short or not)."""
    counts = [len(_WORD.findall(p)) for p in paragraphs]
    words = sum(counts)
    if words < min_words:
        keys = [text_key(p) for p in paragraphs]
        total = sum(len(k) for k in keys)
        linked = sum(_link_chars(k, link_keys) for k in keys)
        if total and linked >= _LINK_SHARE * total:
            return "navigation.link_text"
        if max(counts, default=0) < _SENTENCE_WORDS:
            return "navigation.no_sentence"
        return None
    if max(counts) < longest:
        return "navigation.short_lines"
    return None


def is_short(paragraphs: list[str], *, min_words: int) -> bool:
    return sum(len(_WORD.findall(p)) for p in paragraphs) < min_words
