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

TITLE_SPAN = 45  # lines above the body start searched
TOP_LINES = 2  # and the page's first lines, wherever the body starts
LEAD_LINES = 8  # body lines whose words a headline shares
LEAD_MIN_WORDS = 8
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")
_CUT = ("…", "...")
_CRUMB_SEPARATORS = (" » ", " > ", " › ", " / ")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")


def lead_words(
    lines: list[Line], body_start: int, body_end: int
) -> tuple[frozenset[str], frozenset[str]]:
    """Content words (four letters or more, not stopwords) of the body's first prose lines;
    and the same without the body's first line (for that line as a title candidate)."""
    stop = stopwords().get("en", frozenset())
    first: set[str] = set()
    rest: set[str] = set()
    taken = 0
    for pos in range(body_start, min(body_end, body_start + 3 * LEAD_LINES, len(lines))):
        line = lines[pos]
        if line.words >= LEAD_MIN_WORDS:
            (first if pos == body_start else rest).update(line.tokens)
            taken += 1
            if taken >= LEAD_LINES:
                break
    rest = {t for t in rest if len(t) >= 4} - stop
    first = {t for t in first if len(t) >= 4} - stop
    return frozenset(first | rest), frozenset(rest)


def _suffixed_keys(lines: list[Line]) -> set[str]:
    """Keys of the heads of lines that look like ``Headline | Site`` (the title tag's form)."""
    heads: set[str] = set()
    for line in lines:
        if not any(sep in line.text for sep in _SUFFIX_SEPARATORS):
            continue
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
    # the page's first lines too: a scrape of the whole document starts with its <title>
    positions = [*range(min(TOP_LINES, start)), *range(start, min(head_end + 1, len(lines)))]
    for pos in positions:
        line = lines[pos]
        words_n = line.words
        if not 2 <= words_n <= 30 or line.chrome or line.bullet or pos in taken:
            continue
        text = line.text
        tokens = line.tokens
        if "@" in text or text[:1] in "/|,.;:" or line.length > 250:
            continue
        if (text[:1] in BYLINE_FIRSTS and BYLINE.match(text)) or menu_words.issuperset(tokens):
            continue
        if line.key.replace(" ", "").isdigit():
            continue  # no word at all
        dated = ("19" in text or "20" in text) and find_date(text) is not None
        if (dated and words_n < 8) or (":" in text and _CLOCK.search(text)):
            continue  # a date or time stamp
        words = text.split()
        capitalised = len([w for w in words if w[:1].isupper()])
        if words_n <= 4 and capitalised == len(words) and bare_name(line):
            continue
        distance = min(head_end - pos, TITLE_SPAN)
        score = 3.0 - 0.06 * distance - (0.5 if distance > 25 else 0.0)
        if keys.get(line.key, 0) > 1:
            score += 1.5
        else:
            if suffixed is None:  # the page's first lines (a title tag) and the head
                suffixed = _suffixed_keys(lines[:3] + lines[start : head_end + 1])
            if line.key in suffixed:
                score += 1.5
        if anchors and any(0 < a - pos <= 4 for a in anchors):
            score += 1.5
        last = text[-1]
        if last == "." and words_n > 3 and not text.endswith(_CUT):
            score -= 2.0 if words_n > 12 else 1.0  # captions and teasers end so
        if last in "….":
            if text.endswith(_CUT):
                score -= 2.5  # a teaser cut short
        elif last == ":":
            score -= 2.0
        if "|" in text:
            score -= 2.0
        if (">" in text or "»" in text or "›" in text or " / " in text) and sum(
            text.count(sep) for sep in _CRUMB_SEPARATORS
        ) >= 2:
            score -= 3.0  # a breadcrumb trail
        if sum(map(str.isdigit, tokens)) >= 3:
            score -= 2.0  # a results or scores line
        if dated:
            score -= 1.5  # a caption or a teaser with its date
        if words_n >= 4:
            score += 1.0
        elif words_n == 2:
            score -= 1.0
        shared = lead if pos < head_end or lead_after is None else lead_after
        if shared:
            content = {t for t in tokens if len(t) >= 4} - stop
            if content:
                score += 4.0 * len(content & shared) / len(content)
        if url_words:
            long_tokens = [t for t in tokens if len(t) > 2]
            score += (
                5.0 * len([t for t in long_tokens if t in url_words]) / max(1, len(long_tokens))
            )
        if not menu_words.isdisjoint(tokens):
            score -= 1.0
        if len(words) >= 3 and text.isupper():
            score -= 1.5
        score += capitalised / max(1, words_n)
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
