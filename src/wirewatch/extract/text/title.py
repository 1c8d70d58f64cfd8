"""The headline of a scraped-text page, chosen from the page's structure.

Every short line above the body (and the body's first line) is a candidate; each gets a score
from what a headline looks like and where it stands:

- **next to the body**: close above the first paragraph, or just above the date or byline;
- **length and case**: four to thirty words, most of them capitalised or in sentence case, no
  full stop at the end (captions and teasers end so), no colon or pipe at the end;
- **shared with the article**: its content words found in the first paragraphs (a headline
  announces the lead; another story's teaser does not), or in the URL's slug;
- **repeated**: the same line elsewhere (the ``<title>`` line of a glued page, a share box), or
  another line that is this one plus a `` | Site`` suffix;
- **away from page furniture**: not a date, counter, byline or section line, not a chrome
  phrase, no e-mail address, not cut off with an ellipsis, not in capitals throughout.

The weights were set on the dev split of the multi-renderer corpus (bench/scraped_corpus.py).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from wirewatch.extract.text.dates import find_date
from wirewatch.extract.text.lines import Line, data_lines, normalise_key, stopwords
from wirewatch.extract.text.names import BYLINE, BYLINE_FIRSTS, bare_name, chrome_words

TITLE_SPAN = 60  # lines above the body start searched
LEAD_LINES = 8  # body lines whose words a headline shares
LEAD_MIN_WORDS = 8
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
_CUT = ("…", "...")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def lead_words(lines: list[Line], body_start: int, body_end: int) -> frozenset[str]:
    """Content words (four letters or more, not stopwords) of the body's first prose lines."""
    stop = stopwords().get("en", frozenset())
    words: set[str] = set()
    taken = 0
    for line in lines[body_start : min(body_end, body_start + 3 * LEAD_LINES)]:
        if line.words >= LEAD_MIN_WORDS:
            words.update(t for t in line.tokens if len(t) >= 4 and t not in stop)
            taken += 1
            if taken >= LEAD_LINES:
                break
    return frozenset(words)


def _suffixed_keys(lines: list[Line]) -> set[str]:
    """Keys of the heads of lines that look like ``Headline | Site`` (the title tag's form)."""
    heads: set[str] = set()
    for line in lines:
        text = line.text
        if line.words > 40:
            continue
        for sep in _SUFFIX_SEPARATORS:
            at = text.rfind(sep)
            if at > 10 and len(text[at + len(sep) :].split()) <= 5:
                heads.add(normalise_key(text[:at]))
    return heads


def choose_title(
    lines: list[Line],
    head_end: int,
    anchors: set[int],
    taken: dict[int, str],
    url_words: frozenset[str],
    keys: Counter[str],
    lead: frozenset[str],
    lead_after: frozenset[str] | None = None,
) -> int | None:
    """The position of the headline among ``lines`` (scored as the module doc says), or None.

    ``lead``: the words of the body's first paragraphs; ``lead_after``: the same without the
    first body line, for that line itself as a candidate (a paragraph shares all its words).
    """
    menu_words = chrome_words()
    stop = stopwords().get("en", frozenset())
    suffixed: set[str] | None = None
    best, best_score = None, 0.0
    start = max(0, head_end - TITLE_SPAN)
    for pos in range(start, min(head_end + 1, len(lines))):
        line = lines[pos]
        if pos in taken or line.chrome or line.bullet or not (2 <= line.words <= 30):
            continue
        text = line.text
        if (text[:1] in BYLINE_FIRSTS and BYLINE.match(text)) or "@" in text:
            continue
        if not any(t.isalpha() for t in line.tokens) or text[:1] in "/|,.;:":
            continue
        if menu_words.issuperset(line.tokens) or line.length > 250:
            continue
        dated = ("19" in text or "20" in text) and find_date(text) is not None
        if (dated and line.words < 8) or _CLOCK.search(text):
            continue  # a date or time stamp
        if line.words <= 4 and bare_name(line):
            continue
        distance = head_end - pos
        score = 3.0 - 0.06 * distance - (0.5 if distance > 25 else 0.0)
        if keys.get(line.key, 0) > 1:
            score += 1.5
        else:
            if suffixed is None:
                suffixed = _suffixed_keys(lines)
            if line.key in suffixed:
                score += 1.5
        if any(0 < a - pos <= 4 for a in anchors):
            score += 1.5
        if text.endswith(".") and line.words > 3 and not text.endswith(_CUT):
            score -= 2.0 if line.words > 12 else 1.0  # captions and teasers end so
        if text.endswith(_CUT):
            score -= 2.5  # a teaser cut short
        if text.endswith(":") or "|" in text:
            score -= 2.0
        if dated:
            score -= 1.5  # a caption or a teaser with its date
        if line.words >= 4:
            score += 1.0
        elif line.words == 2:
            score -= 1.0
        content = [t for t in line.tokens if len(t) >= 4 and t not in stop]
        shared = lead if pos < head_end or lead_after is None else lead_after
        if content and shared:
            score += 4.0 * sum(1 for t in content if t in shared) / len(content)
        if url_words:
            tokens = [t for t in line.tokens if len(t) > 2]
            score += 5.0 * sum(1 for t in tokens if t in url_words) / max(1, len(tokens))
        if any(t in menu_words for t in line.tokens):
            score -= 1.0
        words = text.split()
        if len(words) >= 3 and text.isupper():
            score -= 1.5
        score += len([w for w in words if w[:1].isupper()]) / max(1, line.words)
        if score > best_score:
            best, best_score = pos, score
    return best


@cache
def _headline_tails() -> frozenset[str]:
    return frozenset(normalise_key(p) for p in data_lines("headline_tails.txt"))


def is_headline_tail(name: str) -> bool:
    """Whether a `` - Name`` ending is part of the headline ("... - Reports", "- State media")
    rather than the site's name, so it must not be cut off."""
    return normalise_key(name) in _headline_tails()
