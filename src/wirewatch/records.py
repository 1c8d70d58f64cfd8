"""The typed records that flow between wirewatch's stages.

Page --extract--> Article --analyze--> Analysis (Article + Quotes + Events)
                                   --stories--> Story, MergedEvent --tension--> DyadDay, Alert

Every record is a frozen dataclass with explicit fields, so a stage is a pure function from
record to record and the same code runs in a loop, a process pool or on Ray. Offsets in Quote
and Event are character offsets into ``Article.body_text``: the body paragraphs joined with
``BODY_SEPARATOR``, so ``article.body_text[q.start:q.end] == q.text`` holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BODY_SEPARATOR = "\n\n"

PageForm = Literal["text", "html"]
QuoteKind = Literal["direct", "partial", "indirect"]
Modality = Literal["asserted", "negated", "hypothetical", "future", "alleged", "denied"]


@dataclass(frozen=True, slots=True)
class Drop:
    """Something discarded on the way, with a countable reason.

    ``reason`` is a short dotted code (``chrome.icon_names``, ``page.empty``); ``text`` is the
    dropped line (or a one-line description); ``line`` is the 0-based line number in the page
    text when the drop is a line, else -1.
    """

    reason: str
    text: str
    line: int = -1


@dataclass(frozen=True, slots=True)
class Page:
    """One input page, decoded to text, with where it came from."""

    source: str  # input path, "path:line" for JSONL, "-" for stdin
    form: PageForm
    content: str  # decoded HTML or scraped text
    url: str | None = None
    date_hint: str | None = None  # YYYY-MM-DD from a "date" first line or a JSONL field
    page_id: str | None = None  # the id given by a JSONL line, if any
    encoding: str = "utf-8"
    # What the reader noticed on the way (mixed encodings, gzip trailing garbage, collapsed
    # runs); the extractor adds them to the Article's drops.
    notes: tuple[Drop, ...] = ()


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that produced no article, and the one-line reason why."""

    source: str
    reason: str  # short code: empty, binary, undecodable, too_large, bad_gzip, no_article, ...
    detail: str  # one human-readable line


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: metadata, body paragraphs in order, and what was dropped."""

    id: str
    source: str
    form: PageForm
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601, as precise as the page gives
    authors: tuple[str, ...] = ()
    section: str | None = None
    language: str | None = None
    image_caption: str | None = None
    image_credit: str | None = None
    body: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    drops: tuple[Drop, ...] = ()
    extractor: str = ""  # name and version of what produced it, e.g. "wirewatch.text/1"
    # A real article whose body is under 10 words (a breaking-news stub, a notice): kept, flagged.
    short: bool = False

    @property
    def body_text(self) -> str:
        return BODY_SEPARATOR.join(self.body)


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded political actor: ISO 3166 alpha-3 or an organisation code, and a PLOVER sector."""

    name: str
    code: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what, with offsets into ``Article.body_text``."""

    text: str
    kind: QuoteKind
    speaker: Actor | None
    cue: str | None
    start: int
    end: int
    # where the attribution came from: the speaker's mention in the body ("he", "Foreign
    # Minister Sergey Lavrov"); None when there is no speaker, or it was named off the body
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, in PLOVER terms, with its evidence."""

    type: str  # one of PLOVER's 16 event types
    mode: str | None
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    modality: Modality
    attribution: Actor | None  # None: the outlet's own statement
    intensity: float
    quad: str  # VERBAL COOPERATION, MATERIAL COOPERATION, VERBAL CONFLICT, MATERIAL CONFLICT
    trigger: str
    sentence: str
    start: int  # sentence offsets into Article.body_text (or into the coded text)
    end: int
    rule: str
    coder: str  # coder name and version, e.g. "wirewatch.events/1"
    location: str | None = None
    date: str | None = None  # ISO date when stated or resolved
    # The evidence the rule had, 0..1 (agent, target, trigger sense, modality: see
    # analyze/events/confidence.py); 1.0 for events made before it existed.
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Analysis:
    """An article with the quotes and events found in it."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()  # distinct actors resolved in the article
    # Event candidates the coder discarded (reasons "event.*", "analysis.*"); the article's own
    # dropped lines stay in ``article.drops``.
    drops: tuple[Drop, ...] = ()


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A syndicated copy and the article it copies, with their estimated Jaccard similarity."""

    copy_id: str
    original_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same real-world story, across outlets, within a time window."""

    id: str
    article_ids: tuple[str, ...]
    sites: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    title: str | None
    duplicate_of: tuple[tuple[str, str], ...] = ()  # (copy id, original id) syndicated pairs


@dataclass(frozen=True, slots=True)
class EventMention:
    """One article's report of a merged event."""

    article_id: str
    site: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """Reports from different articles of the same real-world event, merged."""

    id: str
    type: str
    mode: str | None
    source_code: str | None
    target_code: str | None
    date: str | None
    first_seen: str | None
    outlets: int  # independent outlets (syndicated copies count once)
    story_id: str | None
    intensity: float
    quad: str
    mentions: tuple[EventMention, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class DyadDay:
    """One ordered actor pair on one day."""

    source: str
    target: str
    day: str  # YYYY-MM-DD
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    intensity_sum: float
    intensity_mean: float
    tension: float

    @property
    def events(self) -> int:
        """Merged events of the day, all four quads."""
        return (self.verbal_cooperation + self.material_cooperation + self.verbal_conflict
                + self.material_conflict)


@dataclass(frozen=True, slots=True)
class Alert:
    """The tension index of a pair leaving its own baseline."""

    source: str
    target: str
    day: str
    tension: float
    baseline: float
    threshold: float
    score: float  # how far outside the baseline, in the method's units
    method: str
