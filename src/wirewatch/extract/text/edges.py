"""The body's first and last lines: what stands at an article's edges but is not its text.

After the body region and the metadata are found, the lines at the region's edges are checked:

- a **standfirst** (the dek under the headline) stands above the byline or date line that the
  metadata rules found among the region's first lines: ``meta.standfirst``;
- a **photo description** at the top ("X, pictured at ...", "An artist's illustration of
  ...", "A man walks past ... (background)"): ``meta.caption_other``;
- a **heading** at either edge (a short line with no sentence end: another story's headline, a
  "Related coverage" label, a section heading before the lead): ``boilerplate.heading``.

Paragraph one is then the article's first paragraph, and the last paragraph its last.
"""

from __future__ import annotations

import re

from wirewatch.extract.text.lines import Line

STANDFIRST_SPAN = 5  # body lines searched for the byline or date below a standfirst
STANDFIRST_MAX_WORDS = 45
HEADING_MAX_WORDS = 20
TAIL_HEADING_MAX_WORDS = 15
EDGE_TRIES = 3
_SENTENCE_END = frozenset(".!?…\"'”’»)]:;")
_META_ANCHORS = frozenset({"meta.byline", "meta.date"})
_PHOTO_WORDS = re.compile(
    r"\b(?:pictured|illustration|file photo|in this photo|photographed|"
    r"\((?:left|right|centre|center|background|foreground|l|r|c)\)|is seen|are seen|"
    r"looks on|gestures|poses for|walks past|stands? next to)\b",
    re.IGNORECASE,
)
CAPTION_MAX_WORDS = 60


def trim_edges(lines: list[Line], body_pos: list[int], taken: dict[int, str]) -> None:
    """Take the standfirst, photo descriptions and headings off the body's edges, in place:
    each taken line leaves ``body_pos`` and gets its reason in ``taken``."""
    if len(body_pos) < 2:
        return
    start = body_pos[0]
    anchors = [
        pos
        for pos in range(start + 1, start + 1 + STANDFIRST_SPAN)
        if taken.get(pos) in _META_ANCHORS
    ]
    if anchors:
        while len(body_pos) > 1 and body_pos[0] < anchors[-1]:
            if lines[body_pos[0]].words > STANDFIRST_MAX_WORDS:
                break
            taken[body_pos.pop(0)] = "meta.standfirst"
    for _ in range(EDGE_TRIES):
        if len(body_pos) < 2:
            return
        first = lines[body_pos[0]]
        if first.words <= CAPTION_MAX_WORDS and _PHOTO_WORDS.search(first.text):
            taken[body_pos.pop(0)] = "meta.caption_other"
        elif _is_heading(first, HEADING_MAX_WORDS):
            taken[body_pos.pop(0)] = "boilerplate.heading"
        else:
            break
    for _ in range(EDGE_TRIES):
        if len(body_pos) < 2 or not _is_heading(lines[body_pos[-1]], TAIL_HEADING_MAX_WORDS):
            break
        taken[body_pos.pop()] = "boilerplate.heading"


def _is_heading(line: Line, max_words: int) -> bool:
    """A short line with no sentence end (a headline, a label), not a list item."""
    text = line.text
    return 0 < line.words <= max_words and text[-1:] not in _SENTENCE_END and not line.bullet
