"""Article -> Analysis: one spaCy pass over the bodies, then actors, quotes and events.

``analyze_articles(articles)`` is the stage function (batched so that spaCy's ``nlp.pipe`` can
work on many texts at once); ``code_texts(items)`` is the batch and evaluation interface behind
``wirewatch code``: (id, text, date) in, (id, Event) out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.actors.names import tag_names
from wirewatch.analyze.events.coder import code_doc
from wirewatch.analyze.events.dates import parse_published
from wirewatch.analyze.events.lexicon import trigger_words_pattern
from wirewatch.analyze.nlp.load import load_nlp, pipe_texts
from wirewatch.analyze.selection.docs import LIGHT_DICT, pipe_selected
from wirewatch.blas import blas_threads, limited_blas
from wirewatch.read.budget import blank_punctuation_runs
from wirewatch.records import Analysis, Article, Drop, Event

# The event coder reads lemmas, so the lemmatizer stays on (the NLP default leaves it out).
EVENT_DISABLE: tuple[str, ...] = ()
# Bodies longer than this are analysed up to here (spaCy's own limit is 1,000,000). 300,000
# took spaCy past 1 GB of memory and 10 s on one page (issue 13); AEB's longest body is 53,372.
MAX_ANALYZED_CHARS = 100_000
SELECT = True  # parse only the sentences that can yield a quote or an event (select.py)
LIGHT = LIGHT_DICT  # skipped sentences: tokens and the actor tables' names (no NER)
CONTEXT = 1  # sentences before a selected one parsed with it (who "he" is, ...)
# Names from spaCy's entity recogniser (True) or from the tagger and the actor tables
# (names.tag_names, ~45 % less spaCy time, same PLOVER figures): $WIREWATCH_NER=1 for the former.
ENV_NER = "WIREWATCH_NER"
NER = os.environ.get(ENV_NER, "").strip().lower() in {"1", "true", "yes"}
BATCH_SIZE = 8  # larger batches raise peak memory (32: ~800 MB on AEB) for no speed gain


def _pipe_whole(texts: Iterable[str], nlp: Language, *, ner: bool,
                batch_size: int) -> Iterator[Doc]:
    """Whole texts parsed; names from the entity recogniser (``ner``) or ``tag_names``."""
    disable = EVENT_DISABLE if ner else (*EVENT_DISABLE, "ner")
    for doc in pipe_texts(texts, nlp=nlp, disable=disable, batch_size=batch_size):
        yield doc if ner else tag_names(doc)


@dataclass(frozen=True, slots=True)
class AnalysisWithDrops:
    """An analysis and the event candidates the coder discarded (with reason codes)."""

    analysis: Analysis
    drops: tuple[Drop, ...]


def analyze_with_drops(
    articles: Sequence[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    select: bool = SELECT,
    light: str = LIGHT,
    context: int = CONTEXT,
    ner: bool = NER,
) -> list[AnalysisWithDrops]:
    """``analyze_articles`` plus the discarded event candidates of each article
    (``event.embedded``, ``event.background``, ``event.conditional``, ``event.no_content``).
    The model runs with BLAS at ``wirewatch.blas.blas_threads()`` threads (1 by default), as
    under every executor."""
    with limited_blas(blas_threads()):
        return _analyze_with_drops(articles, nlp=nlp, batch_size=batch_size, select=select,
                                   light=light, context=context, ner=ner)


def _analyze_with_drops(articles: Sequence[Article], *, nlp: Language | None, batch_size: int,
                        select: bool, light: str, context: int,
                        ner: bool) -> list[AnalysisWithDrops]:
    from wirewatch.analyze.quotes.find import find_quotes

    pipeline = nlp if nlp is not None else load_nlp()
    limit = min(pipeline.max_length, MAX_ANALYZED_CHARS)
    # Joined once per article; punctuation runs blanked (same length: offsets hold).
    bounded = [blank_punctuation_runs(article.body_text[:limit]) for article in articles]
    texts = [b.content for b in bounded]
    if select:
        docs = pipe_selected(texts, nlp=pipeline, disable=EVENT_DISABLE, light=light,
                             context=context, batch_size=batch_size, ner=ner)
    else:
        docs = _pipe_whole(texts, pipeline, ner=ner, batch_size=batch_size)
    out: list[AnalysisWithDrops] = []
    for article, text, doc, bound in zip(articles, texts, docs, bounded, strict=True):
        actors = ArticleActors.from_doc(doc, text)  # doc.text, known
        quotes = tuple(find_quotes(doc, actors))
        coded = code_doc(doc, actors, published=parse_published(article.published),
                         quotes=quotes)
        drops = bound.notes + coded.drops
        if len(text) == limit and len(article.body_text) > limit:  # cut: join again only then
            # The prefix keeps every offset valid; the rest is counted, not silently lost.
            drops += (Drop("analysis.truncated",
                           f"body has {len(article.body_text)} characters; analysed {limit}"),)
        analysis = Analysis(article=article, quotes=quotes, events=coded.events,
                            actors=actors.actors, drops=drops)
        out.append(AnalysisWithDrops(analysis=analysis, drops=drops))
    return out


def analyze_articles(
    articles: Sequence[Article],
    *,
    nlp: Language | None = None,
    batch_size: int = BATCH_SIZE,
    select: bool = SELECT,
    light: str = LIGHT,
    context: int = CONTEXT,
    ner: bool = NER,
) -> list[Analysis]:
    """Analyse a batch of articles: quotes, events and the distinct actors of each.

    Offsets of quotes and events are into ``article.body_text``. ``select``: parse only the
    sentences that can yield a quote or an event (``select.plan``); skipped sentences get
    ``light`` (``"dict"``: tokens and the names the actor tables know, ``"ner"``: the entity
    recogniser, ``"none"``: tokens only); ``context`` sentences before each selected one are
    parsed with it. ``ner``: names from spaCy's entity recogniser instead of the tagger and
    the actor tables (``names.tag_names``); default from ``$WIREWATCH_NER``.
    """
    results = analyze_with_drops(articles, nlp=nlp, batch_size=batch_size, select=select,
                                 light=light, context=context, ner=ner)
    return [r.analysis for r in results]


def analyze_article(article: Article, *, nlp: Language | None = None) -> Analysis:
    """One article (see ``analyze_articles`` for batches)."""
    return analyze_articles([article], nlp=nlp)[0]


def code_texts(
    items: Iterable[tuple[str, str, str | None]],
    *,
    nlp: Language | None = None,
    batch_size: int = 256,
    prefilter: bool = True,
    ner: bool = NER,
) -> Iterator[tuple[str, Event]]:
    """Code short texts (a sentence or a paragraph each): (id, text, date or None) -> events.

    Texts without any word that could start a trigger are skipped unparsed (``prefilter``);
    each text is its own context for actor resolution and relative dates. Event offsets are
    into the input text; a text longer than ``MAX_ANALYZED_CHARS`` is coded up to there.
    ``ner``: names from spaCy's entity recogniser; False (the default): from the tagger and
    the actor tables (``names.tag_names``), as ``analyze_articles`` does.
    """
    pipeline = nlp if nlp is not None else load_nlp()
    pattern = trigger_words_pattern()
    pending: list[tuple[str, str, date | None]] = []

    def flush() -> Iterator[tuple[str, Event]]:
        docs = _pipe_whole((text for _, text, _ in pending), pipeline, ner=ner,
                           batch_size=batch_size)
        for (item_id, _, published), doc in zip(pending, docs, strict=True):
            actors = ArticleActors.from_doc(doc)
            # A lone sentence has no context to resolve "the ministers" or "he": its events
            # are kept without actors (articles drop actorless verbal events).
            for event in code_doc(doc, actors, published=published, require_actor=False).events:
                yield item_id, event
        pending.clear()

    limit = min(pipeline.max_length, MAX_ANALYZED_CHARS)
    for item_id, text, when in items:
        if not text.strip() or (prefilter and pattern.search(text) is None):
            continue
        pending.append((item_id, text[:limit], parse_published(when)))
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()
