"""Quotes with speakers, from a parsed article body.

``find_quotes(doc, actors)`` takes the spaCy Doc of ``Article.body_text`` (paragraphs joined by
a blank line) and returns every quote with offsets into that text, so
``body_text[q.start:q.end] == q.text``. Kinds:

- direct: a whole statement in quotation marks (starts a sentence, or follows "said:" / a
  comma, starts with a capital, three words or more; or spans several sentences);
- partial: a fragment in marks inside the writer's sentence ("…improve “strategic
  stability”…"); a scare quote (“invasion”) is also partial: its speaker and cue are those of
  the cue verb governing it in the sentence, or None when the sentence has no speech cue;
- indirect: reported speech, the complement of a cue verb ("Lavrov claimed [that] X",
  "accused the bloc of X", "asked Russia to X"), unless that complement is itself quoted.

Speaker of a direct quote: the subject of a cue verb outside the marks in the same sentence;
else the nearest such cue in the same paragraph (a second quote after "…,” he said."); else,
for a paragraph that is nothing but the quote, the speaker of the previous paragraph's last
direct quote. Marks never raise: see ``quote_marks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.mentions import ArticleActors, resolve_name
from wirewatch.analyze.marks import MarkedSpan, marked_spans, paragraph_ranges
from wirewatch.analyze.quotes.cues import (
    Cue,
    cue_positions,
    cues_in,
    governing_cue,
    make_cue,
)
from wirewatch.analyze.quotes.reported import continued_claims
from wirewatch.analyze.quotes.rules import describer, looks_like_title
from wirewatch.records import Actor, Quote, QuoteKind

_DIRECT_MIN_WORDS = 3
_INDIRECT_MIN_WORDS = 3
_LEAD_IN = frozenset(":,—–-")
_DASH_AUTHOR = re.compile(
    r"[ \t]*[—–]{1,2}[ \t]*([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})(?=[ \t]*(?:[,(]|$))", re.M
)


@dataclass(slots=True)
class _Para:
    text: str  # the whole body (doc.text, built once)
    start: int
    end: int
    sents: list[Span]
    cues: list[Cue]  # cues outside quotation marks, in order
    spans: list[MarkedSpan]


def find_quotes(doc: Doc, actors: ArticleActors) -> tuple[Quote, ...]:
    """Direct, partial and indirect quotes of a body, ordered by position."""
    text = actors.text or doc.text
    parsed = doc.has_annotation("DEP")
    all_sents = list(doc.sents) if parsed else []
    quotes: list[Quote] = []
    last_speaker: Quote | None = None
    waiting: list[int] = []  # unattributed quotes left open at the end of their paragraph
    positions = cue_positions(doc)
    for p_start, p_end in paragraph_ranges(text):
        sents = [s for s in all_sents if s.start_char < p_end and s.end_char > p_start]
        para = _paragraph(text, p_start, p_end, sents, actors, positions)
        marked = [_quote_from_marks(doc, para, span, actors) for span in para.spans]
        found = [q for q in marked if q is not None]
        found = _fill_from_neighbours(found, para, last_speaker)
        directs = [q for q in found if q.kind == "direct"]
        # newswire style: a quote that runs on into the next paragraph, which opens with a
        # mark and names the speaker ("“A …¶“B,” he said.") is the same speaker's
        if waiting and directs and directs[0].speaker is not None and _opens_with_mark(para):
            for index in waiting:
                quotes[index] = _with_speaker(quotes[index], directs[0].speaker, directs[0].cue,
                                              _mention_of(directs[0]))
        waiting = [
            len(quotes) + k
            for k, q in enumerate(found)
            if q.kind == "direct" and q.speaker is None and _left_open(q, para)
        ]
        if directs:
            last_speaker = directs[-1] if directs[-1].speaker is not None else None
        elif para.cues or not para.spans:
            last_speaker = None
        quotes.extend(found)
        if parsed:
            claims = _indirect(doc, para)
            quotes.extend(claims)
            quotes.extend(continued_claims(para.sents, claims, [c.token.idx for c in para.cues],
                                           [(m.start, m.end) for m in para.spans], text))
    quotes.sort(key=lambda q: (q.start, q.end, q.kind))
    return tuple(quotes)


def _opens_with_mark(para: _Para) -> bool:
    return bool(para.spans) and para.spans[0].start == para.start + 1


def _left_open(quote: Quote, para: _Para) -> bool:
    return any(not s.closed and s.start <= quote.start <= s.end for s in para.spans)


def _paragraph(text: str, start: int, end: int, sents: list[Span], actors: ArticleActors,
               positions: tuple[int, ...] | None = None) -> _Para:
    spans = [s for s in marked_spans(text[start:end], start) if _has_words(text, s)]
    cues: list[Cue] = []
    for sent in sents:
        cues.extend(_outside_subject(c, spans, actors) for c in cues_in(sent, actors, positions)
                    if not _inside(c.token.idx, spans))
    return _Para(text, start, end, sents, cues, spans)


def _outside_subject(cue: Cue, spans: list[MarkedSpan], actors: ArticleActors) -> Cue:
    """A cue whose parsed subject lies inside the quotation (“… The end,” Harper said: the
    parser took "end") takes the name or pronoun next to it outside the marks instead."""
    subject = cue.speaker_token
    if subject is None or not _inside(subject.idx, spans):
        return cue
    doc = cue.token.doc
    for i in (cue.token.i - 1, cue.token.i + 1):  # "Harper said", "said Harper"
        if 0 <= i < len(doc) and doc[i].pos_ in ("PROPN", "PRON") and not _inside(
                doc[i].idx, spans):
            return make_cue(cue.token, cue.text, doc[i], actors)
    return Cue(cue.token, cue.text, None, None)


def _has_words(text: str, span: MarkedSpan) -> bool:
    return any(ch.isalnum() for ch in text[span.start : span.end])


def _inside(offset: int, spans: list[MarkedSpan]) -> bool:
    return any(s.start <= offset < s.end for s in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _kind(doc: Doc, para: _Para, span: MarkedSpan, start: int, end: int) -> QuoteKind:
    text = para.text
    content = text[start:end]
    words = content.split()
    sents = [s for s in para.sents if s.start_char < end and s.end_char > start]
    mark = span.start - 1  # the opening mark
    before = text[para.start : max(mark, para.start)]
    sent_start = sents[0].start_char if sents else para.start
    lead = text[sent_start : max(mark, sent_start)]
    at_sentence_start = not any(ch.isalnum() for ch in lead)
    after_lead_in = before.rstrip()[-1:] in _LEAD_IN if before.strip() else True
    several = len(sents) > 1 and any(start <= s.start_char < end for s in sents[1:])
    if several and (at_sentence_start or after_lead_in):
        return "direct"  # several sentences, not a slogan inside the writer's sentence
    first_alpha = next((ch for ch in content if ch.isalpha()), "")
    capital = first_alpha.isupper()
    # a short statement that ends in punctuation is still one: “Yes,” he said.
    whole = len(words) >= _DIRECT_MIN_WORDS or content.rstrip()[-1:] in {",", ".", "!", "?"}
    if whole and (
        (capital and (at_sentence_start or after_lead_in)) or before.rstrip().endswith(":")
    ):
        return "direct"
    return "partial"


def _quote_from_marks(doc: Doc, para: _Para, span: MarkedSpan,
                      actors: ArticleActors) -> Quote | None:
    start, end = _trim(para.text, span.start, span.end)
    if start >= end:
        return None
    kind = _kind(doc, para, span, start, end)
    cue: Cue | None = None
    sents = [s for s in para.sents if s.start_char < end and s.end_char > start]
    sent_cues = [c for c in para.cues if any(s.start <= c.token.i < s.end for s in sents)]
    token = _first_token(doc, start, end)
    governing = governing_cue(token, sent_cues) if token is not None else None
    if looks_like_title(para.text[start:end], kind, spoken=governing is not None):
        return None  # “Mary Poppins”, “Master Builder Series”: a name or title, not a quote
    if kind == "direct":
        # a cue that names someone before one that does not ("… deal" announced in
        # October, said Derek Scissors: "announced" describes the deal)
        cue = _nearest([c for c in sent_cues if c.speaker is not None], start, end) \
            or _nearest(sent_cues, start, end)
    else:
        # the verb that governs the fragment in the parse ("rejected the claims as “false”")
        # before a cue that is only in the same sentence
        described = describer(token, actors) if governing is None and token is not None \
            else None
        cue = governing or described or _nearest(sent_cues, start, end)
        if cue is described and cue is not None:
            cue = Cue(cue.token, "", cue.speaker, cue.speaker_token, cue.mention)
    speaker = cue.speaker if cue else None
    mention = cue.mention if cue else None
    if speaker is None and kind == "direct" and span.closed:
        speaker, mention = _dash_author(para, span.end + 1)
    first, last = mention if speaker is not None and mention is not None else (None, None)
    return Quote(
        text=para.text[start:end],
        kind=kind,
        speaker=speaker,
        cue=(cue.text or None) if cue else None,
        start=start,
        end=end,
        speaker_start=first,
        speaker_end=last,
    )


def _dash_author(para: _Para, after: int
                 ) -> tuple[Actor | None, tuple[int, int] | None]:
    """The author named after a dash that follows the quote: “…” — Neil Gaiman."""
    match = _DASH_AUTHOR.match(para.text, after, para.end)
    if match is None:
        return None, None
    name = match.group(1).strip()
    return resolve_name(name) or Actor(name=name), (match.start(1), match.end(1))


def _first_token(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _nearest(cues: list[Cue], start: int, end: int) -> Cue | None:
    best: Cue | None = None
    best_gap = -1
    for cue in cues:
        offset = cue.token.idx
        gap = start - offset if offset < start else offset - end
        if best is None or gap < best_gap:
            best, best_gap = cue, gap
    return best


def _fill_from_neighbours(found: list[Quote], para: _Para, previous: Quote | None) -> list[Quote]:
    """Direct quotes without a cue in their sentence take a speaker from their neighbours.

    First the nearest direct quote of the paragraph that has one ("“A,” he said. “B.”"), then
    the paragraph's nearest cue, then (for a paragraph that is only quotation) the previous
    paragraph's last direct speaker.
    """
    attributed = [q for q in found if q.kind == "direct" and q.speaker is not None]
    out: list[Quote] = []
    for quote in found:
        if quote.kind != "direct" or quote.speaker is not None:
            out.append(quote)
            continue
        neighbour = min(
            attributed,
            key=lambda q: abs(q.start - quote.start),
            default=None,
        )
        cue = _nearest(para.cues, quote.start, quote.end)
        if neighbour is not None and neighbour.speaker is not None:
            out.append(_with_speaker(quote, neighbour.speaker, neighbour.cue,
                                     _mention_of(neighbour)))
        elif cue is not None and cue.speaker is not None:
            out.append(_with_speaker(quote, cue.speaker, cue.text, cue.mention))
        elif (
            cue is None
            and previous is not None
            and previous.speaker is not None
            and _only_quotes(para)
        ):
            out.append(_with_speaker(quote, previous.speaker, None, _mention_of(previous)))
        else:
            out.append(quote)
    return out


def _only_quotes(para: _Para) -> bool:
    return not para.cues and bool(para.spans)


def _with_speaker(quote: Quote, speaker: Actor, cue: str | None,
                  mention: tuple[int, int] | None) -> Quote:
    first, last = mention if mention is not None else (None, None)
    return Quote(quote.text, quote.kind, speaker, cue, quote.start, quote.end, first, last)


def _mention_of(quote: Quote) -> tuple[int, int] | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    return quote.speaker_start, quote.speaker_end


def _indirect(doc: Doc, para: _Para) -> list[Quote]:
    out: list[Quote] = []
    for cue in para.cues:
        bounds = _complement(cue.token)
        if bounds is None:
            continue
        start, end = _trim(para.text, *bounds)
        for span in para.spans:  # a quotation cut by the clause's end: keep its closing mark
            if span.closed and span.start < end < span.end + 1 and span.end < para.end:
                end = span.end + 1
        if start >= end or start < para.start or end > para.end:
            continue
        quoted = sum(
            max(0, min(end, s.end) - max(start, s.start)) for s in para.spans if s.end > start
        )
        outside = para.text[start:end]
        for s in para.spans:
            if start <= s.start and s.end <= end:
                outside = outside.replace(para.text[s.start : s.end], " ")
        if quoted * 2 > end - start or len(outside.split()) < _INDIRECT_MIN_WORDS:
            continue  # the complement is a quotation, already counted as one
        first, last = cue.mention if cue.speaker is not None and cue.mention else (None, None)
        out.append(Quote(para.text[start:end], "indirect", cue.speaker, cue.text, start, end,
                         first, last))
    return out


def _complement(cue: Token) -> tuple[int, int] | None:
    """Character bounds of what a cue reports: its clause, or object + "of"/"to" phrase."""
    if cue.lower_ == "according":
        return _according_bounds(cue)
    children = list(cue.children)
    clause = next((c for c in children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return _clause_bounds(clause, cue)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    candidates = children + (list(obj.children) if obj is not None else [])
    rest = next(
        (c for c in candidates if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "of")),
        None,
    )
    if obj is not None and rest is not None and obj.i < rest.i:
        last = rest.right_edge
        return obj.left_edge.idx, last.idx + len(last.text)
    return None


def _according_bounds(cue: Token) -> tuple[int, int] | None:
    """ "X is happening, according to Y" -> "X is happening" (the clause minus the attribution)."""
    head = cue.head
    if head is cue:
        return None
    phrase = {t.i for t in cue.subtree}
    left, right = cue.left_edge.i, cue.right_edge.i
    tokens = [t for t in head.subtree if t.i not in phrase]
    side = (
        [t for t in tokens if t.i < left] if cue.i > head.i else [t for t in tokens if t.i > right]
    )
    while side and side[0].is_punct:
        side = side[1:]
    while side and side[-1].is_punct:
        side = side[:-1]
    if not side:
        return None
    return side[0].idx, side[-1].idx + len(side[-1].text)


def _clause_bounds(clause: Token, cue: Token) -> tuple[int, int]:
    # only the side of the cue the clause is on: "which he said is …" keeps "is …"
    after = clause.i > cue.i
    tokens = sorted((t for t in clause.subtree if (t.i > cue.i) == after), key=lambda t: t.i)
    if not tokens:
        return clause.idx, clause.idx + len(clause.text)
    cut = len(tokens)
    positions = {t.i: k for k, t in enumerate(tokens)}
    for token in tokens:
        k = positions.get(token.left_edge.i)
        if token.dep_ == "appos" and k is not None and k > 0 and tokens[k - 1].text == ",":
            cut = min(cut, k - 1)  # ", an allegation denied by …": the writer's aside
    kept = tokens[:cut] or tokens
    while kept and (kept[0].dep_ == "mark" or kept[0].is_punct):
        kept = kept[1:]
    while kept and kept[-1].is_punct and kept[-1].text not in "”\"’'":
        kept = kept[:-1]
    if not kept:
        kept = tokens
    first, last = kept[0], kept[-1]
    return first.idx, last.idx + len(last.text)
