"""Per-page budgets: degenerate runs collapsed before they reach trafilatura or spaCy.

Some valid-looking pages make the extractors slow out of all proportion (measured on issue 13's
probe pages): trafilatura is quadratic in a long run of tiny elements (200k ``<p>a</p>``: 97 s),
an 8 MB ``&amp;`` flood takes 6.6 s to extract and leaves a 1.7M-character paragraph of ``&``
for spaCy, whose tokenizer is quadratic in a run of punctuation (40k characters of ``&<``:
122 s). Each collapse keeps the page's text and records a note (a ``Drop`` on the Page, carried
to the Article) saying what went and how much:

- ``read.entity_run``: a run of more than ``MAX_ENTITY_RUN`` character references keeps its
  first ``MAX_ENTITY_RUN``;
- ``read.tiny_elements`` (HTML): ``MIN_TINY_RUN`` or more elements in a row with at most three
  characters each are removed (no prose is that short for that long);
- ``read.long_attribute`` (HTML): an attribute value over ``MAX_ATTRIBUTE`` characters is emptied
  (inline data, never article text);
- ``analysis.punctuation_run`` (``blank_punctuation_runs``, applied to the body before spaCy):
  a run of more than ``MAX_PUNCTUATION_RUN`` characters that are neither word characters nor
  spaces keeps its first ``MAX_PUNCTUATION_RUN``, the rest blanked to spaces (offsets hold);
- ``read.deep_nesting`` (``flatten_nesting``, applied when libxml2 reports excessive depth):
  tags of elements nested deeper than ``MAX_DEPTH`` are removed, their text kept in place.

Every pattern is linear in the page, and each runs only when a string count says it can match
(no page of the AEB or trafilatura-eval corpora passes one): an ordinary page pays two counts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from wirewatch.records import Drop, PageForm

MAX_PUNCTUATION_RUN = 256
MAX_ENTITY_RUN = 256
MIN_TINY_RUN = 1000
_TAGS_FOR_TINY_RUNS = 20_000  # '<' in a page before tiny runs are looked for (corpora: < 7,200)
MAX_ATTRIBUTE = 1_048_576  # corpora: 105 KB at most (inline images)
MAX_DEPTH = 200

_PUNCTUATION_RUN = re.compile(rf"(?<![^\w\s])[^\w\s]{{{MAX_PUNCTUATION_RUN + 1},}}")
_ENTITY = r"&#?\w{1,31};"
_ONE_ENTITY = re.compile(_ENTITY)
_ENTITY_RUN = re.compile(rf"(?:{_ENTITY}){{{MAX_ENTITY_RUN + 1},}}")
_TINY_RUN = re.compile(
    rf"(?:<([a-zA-Z][\w-]{{0,15}})(?:\s[^<>]{{0,200}})?>[^<]{{0,3}}</\1\s*>\s*){{{MIN_TINY_RUN},}}"
)
_LONG_ATTRIBUTE = re.compile(
    rf"""(=\s*)(?:"[^"]{{{MAX_ATTRIBUTE},}}"|'[^']{{{MAX_ATTRIBUTE},}}')"""
)
# Elements whose end tag is optional (or that have none) do not count for depth: a page that
# never closes its <p> or <li> is not deep.
_UNCOUNTED = (
    "area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|"
    "th|option|optgroup|thead|tbody|tfoot|colgroup|rb|rt|rp|html|head|body"
)
_COUNTED_TAG = re.compile(rf"<(/?)(?!(?:{_UNCOUNTED})\b)[a-zA-Z][^<>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Bounded:
    """Content within the budgets, and a note for each kind of collapse that changed it."""

    content: str
    notes: tuple[Drop, ...] = ()


class _Collapser:
    """The text being bounded and the notes so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.notes: list[Drop] = []

    def collapse(self, pattern: re.Pattern[str], shorten: Callable[[re.Match[str]], str],
                 reason: str) -> None:
        removed = runs = 0

        def replace(match: re.Match[str]) -> str:
            nonlocal removed, runs
            kept = shorten(match)
            removed += len(match.group(0)) - len(kept.rstrip(" "))
            runs += 1
            return kept

        text = pattern.sub(replace, self.text)
        if runs:
            self.text = text
            self.notes.append(Drop(reason, f"{runs} run(s) shortened, {removed} characters out"))

    def flatten(self) -> None:
        """Remove the tags of counted elements nested deeper than ``MAX_DEPTH`` (text stays)."""
        html = self.text
        tags = [m for m in _COUNTED_TAG.finditer(html) if not m.group(0).endswith("/>")]
        steps = (-1 if m.group(1) else 1 for m in tags)
        if max(itertools.accumulate(steps, initial=0)) <= MAX_DEPTH:
            return
        pieces: list[str] = []
        depth = removed = last = 0
        for match in tags:
            closing = bool(match.group(1))
            deep = depth > MAX_DEPTH if closing else depth >= MAX_DEPTH
            depth += -1 if closing else 1
            if deep:
                pieces.append(html[last : match.start()])
                last = match.end()
                removed += 1
        pieces.append(html[last:])
        self.text = "".join(pieces)
        self.notes.append(Drop("read.deep_nesting",
                               f"{removed} tags nested deeper than {MAX_DEPTH} removed"))


def _first_entities(run: re.Match[str]) -> str:
    *_, last = itertools.islice(_ONE_ENTITY.finditer(run.group(0)), MAX_ENTITY_RUN)
    return run.group(0)[: last.end()]


def bound_content(content: str, form: PageForm) -> Bounded:
    """The page's content with degenerate runs collapsed, and a note for each kind.

    >>> bound_content("Talks." + "&amp;" * 1000, "text").notes[0].reason
    'read.entity_run'
    """
    page = _Collapser(content)
    if form == "html":
        if len(content) > MAX_ATTRIBUTE:
            page.collapse(_LONG_ATTRIBUTE, lambda m: f'{m.group(1)}""', "read.long_attribute")
        if page.text.count("<") > _TAGS_FOR_TINY_RUNS:
            page.collapse(_TINY_RUN, lambda m: "", "read.tiny_elements")
    if page.text.count(";&") >= MAX_ENTITY_RUN:
        page.collapse(_ENTITY_RUN, _first_entities, "read.entity_run")
    return Bounded(page.text, tuple(page.notes))


def blank_punctuation_runs(text: str) -> Bounded:
    """The text with each run of punctuation past ``MAX_PUNCTUATION_RUN`` characters blanked
    to spaces (spaCy's tokenizer is quadratic in such runs); the length stays, so offsets into
    the text still hold.

    >>> bounded = blank_punctuation_runs("Talks." + "&<" * 1000)
    >>> len(bounded.content), bounded.notes[0].reason
    (2006, 'analysis.punctuation_run')
    """
    page = _Collapser(text)
    page.collapse(_PUNCTUATION_RUN, _blank_tail, "analysis.punctuation_run")
    return Bounded(page.text, tuple(page.notes))


def _blank_tail(run: re.Match[str]) -> str:
    kept = run.group(0)[:MAX_PUNCTUATION_RUN]
    return kept + " " * (len(run.group(0)) - len(kept))


def flatten_nesting(html: str) -> Bounded:
    """The HTML without the tags of elements nested deeper than ``MAX_DEPTH`` (text stays)."""
    page = _Collapser(html)
    page.flatten()
    return Bounded(page.text, tuple(page.notes))
