"""Which sentences of a body need the full parse: a cheap splitter and a word-form filter.

Only a sentence that could yield a quote or an event needs tags, a dependency parse and lemmas:
one with a quotation mark (or inside a quote that runs over several sentences), a speech-cue
form (``data/quotes/cues.txt``), a reporting verb of the demand rule, or a word form of a
trigger lemma (``data/plover/triggers.tsv``, inflected here, plus ``irregular_forms.txt``).
``plan(text)`` cuts a body into contiguous runs of selected and skipped sentences; the runs
tile the text exactly (``"".join(text[r.start:r.end] for r in runs) == text``), so docs built
per run and joined keep every offset into the body.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

import numpy
from spacy.attrs import (
    DEP,
    ENT_ID,
    ENT_IOB,
    ENT_KB_ID,
    ENT_TYPE,
    HEAD,
    IDX,
    LEMMA,
    MORPH,
    POS,
    SENT_START,
    TAG,
)  # fmt: skip
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors_tables import lookup_proper
from wirewatch.analyze.events_lexicon import NONE, modality_cues, trigger_rules
from wirewatch.analyze.quote_cues import cue_table
from wirewatch.analyze.quote_marks import marked_spans, paragraph_ranges
from wirewatch.errors import ConfigError

__all__ = [
    "Run",
    "known_names",
    "needs_parse",
    "pipe_selected",
    "plan",
    "selection_forms",
    "selection_table",
    "sentence_starts",
]

QUOTE_CHARS = frozenset("\"“”„‟«»‘’‚‹›〝〞＂")
# A sentence ends at . ! ? (and closing marks or brackets after it), before white space and a
# capital, a digit or an opening mark.
_BOUNDARY = re.compile(r"[.!?][\"”’'»)\]]*\s+(?=[\"“‘'«(\[]?[A-Z0-9])")
# A word before the period that does not end a sentence: initials, titles, months, "U.S."
_NO_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr"
    r"|Mt|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Co|Corp|Ltd|vs|etc|al"
    r"|approx|e\.g|i\.e)|(?:[A-Z]\.){2,}|\b[a-z]\.[a-z])\.$"
)
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sentences, all selected for the full parse or all skipped."""

    start: int
    end: int
    selected: bool


def _inflections(lemma: str, pos: str = "V") -> set[str]:
    """Regular forms of a verb (``V``) or noun (``N``); adjectives (``A``) as written.

    Slightly over-generated where English spelling is ambiguous (a spare form only selects
    a sentence more; a missing one loses its events).
    """
    forms = {lemma}
    if pos == "A":
        return forms
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    elif re.search(r"(?:s|x|z|ch|sh|o)$", lemma):
        forms.add(lemma + "es")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("is"):
        forms.add(lemma[:-2] + "es")  # crisis -> crises
    if pos == "N":
        return forms
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) else lemma
    forms |= {stem + "ing", lemma + "ing"} if stem != lemma else {lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprtv]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ic"):
        forms |= {lemma + "ked", lemma + "king"}
    return forms


# A form whose every rule needs condition words: the alternatives (one per rule), each a tuple
# of word sets that must all be met (a word of each set somewhere in the sentence).
Requirement = tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True, slots=True)
class Forms:
    """The compiled selection table (``selection_table()``)."""

    free: frozenset[str]  # a form that selects its sentence on its own
    conditional: dict[str, Requirement]  # a form that needs condition words beside it
    modals: frozenset[str]  # must/should: the demand rule ("said Iraq must comply")


def _word_forms(words: frozenset[str]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        for part in word.split():
            out |= _inflections(part, "V") | _inflections(part, "N")
    return frozenset(out)


@functools.cache
def selection_table() -> Forms:
    """Word forms that make a sentence worth the full parse, from the lexicon and cue list."""
    free: set[str] = set()
    needs: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for (lemma, pos), rules in trigger_rules().items():
        active = [r for r in rules if r.type != NONE]
        if not active:
            continue
        alternatives = [tuple(_word_forms(c.words) for c in r.conditions if c.words)
                        for r in active]
        forms: set[str] = set()
        for part in lemma.split():
            forms |= _inflections(part, pos)
        if any(not alt for alt in alternatives):
            free |= forms
        else:
            for form in forms:
                needs.setdefault(form, []).extend(alternatives)
    table = cue_table()
    free |= table.single | set(table.phrasal)
    irregular = resources.files("wirewatch").joinpath("data", "plover", "irregular_forms.txt")
    try:
        lines = irregular.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the PLOVER data file irregular_forms.txt: {exc}") from exc
    free |= {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}
    conditional = {form: tuple(alts) for form, alts in needs.items() if form not in free}
    return Forms(frozenset(free), conditional, frozenset(modality_cues()["obligation_modals"]))


def selection_forms() -> frozenset[str]:
    """Every form that can select a sentence (alone or with condition words)."""
    table = selection_table()
    return table.free | frozenset(table.conditional) | table.modals


def _sentence_words(sentence: str) -> set[str]:
    """The lower-case words of a sentence, hyphenated words also joined and split."""
    words: set[str] = set()
    for match in _WORD.finditer(sentence):
        word = match.group().lower().replace("’", "'")
        words.add(word)
        if "-" in word:
            words.add(word.replace("-", ""))
            words.update(word.split("-"))
    return words


def needs_parse(sentence: str) -> bool:
    """Whether a sentence could yield a quote or an event: a quotation mark, a cue form, a
    must/should, or a trigger form (with one of its condition words where every rule of the
    trigger has some)."""
    if any(ch in QUOTE_CHARS for ch in sentence):
        return True
    table = selection_table()
    words = _sentence_words(sentence)
    if words & table.modals or words & table.free:
        return True
    for word in words:
        alternatives = table.conditional.get(word)
        if alternatives and any(all(words & need for need in alt) for alt in alternatives):
            return True
    return False


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (paragraphs never share one); 0 first."""
    starts = [0]
    for p_start, p_end in paragraph_ranges(text):
        if p_start > 0:
            starts.append(p_start)
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            before = text[max(p_start, match.start() - 12) : match.start() + 1]
            if _NO_END.search(before):
                continue
            starts.append(match.end())
    return sorted(set(starts))


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_ranges(text):
        spans.extend((s.start, s.end) for s in marked_spans(text[p_start:p_end], p_start))
    return spans


def plan(text: str, *, context: int = 0) -> list[Run]:
    """Runs of selected and skipped sentences that tile ``text``.

    ``context``: also select this many sentences before each selected one (same paragraph or
    not), for the mentions that later pronouns and titles refer to.
    """
    if not text:
        return []
    starts = sentence_starts(text)
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    quoted = _quoted_ranges(text)
    keep = [
        needs_parse(text[s:e]) or any(q_start < e and s < q_end for q_start, q_end in quoted)
        for s, e in bounds
    ]
    if context:
        chosen = [i for i, k in enumerate(keep) if k]
        for i in chosen:
            for j in range(max(0, i - context), i):
                keep[j] = True
    runs: list[Run] = []
    for (s, e), k in zip(bounds, keep, strict=True):
        if runs and runs[-1].selected == k:
            runs[-1] = Run(runs[-1].start, e, k)
        else:
            runs.append(Run(s, e, k))
    return runs


# -- parsing only the selected runs ---------------------------------------------------------

LIGHT_NONE = "none"  # skipped sentences: tokens only
LIGHT_NER = "ner"  # skipped sentences: tokens and named entities (actor mentions)
LIGHT_DICT = "dict"  # skipped sentences: tokens and the known names of the actor tables
_KIND_LABEL = {"country": "GPE", "metonym": "ORG", "org": "ORG", "person": "PERSON"}
_MAX_NAME_TOKENS = 5


def pipe_selected(
    texts: Iterable[str],
    *,
    nlp: Language,
    disable: Sequence[str] = (),
    light: str = LIGHT_DICT,
    context: int = 1,
    batch_size: int = 8,
    pipe_batch: int = 64,
) -> Iterator[Doc]:
    """One Doc per text, in order, whose ``doc.text`` is the text: selected runs (``plan``)
    parsed with the pipeline less ``disable``, skipped runs tokenised (``light="none"``),
    with the actor tables' names marked as entities (``light="dict"``, ``known_names``) or
    run through the entity recogniser only (``light="ner"``), with sentence starts from the
    cheap splitter. Tokens of skipped runs have no tag, lemma or head.
    ``batch_size`` texts are planned and parsed together (their docs are held in memory),
    in ``nlp.pipe`` batches of ``pipe_batch`` runs.
    """
    full_skip = [name for name in disable if name in nlp.pipe_names]
    ner_only = light == LIGHT_NER and "ner" in nlp.pipe_names and "ner" not in full_skip
    for chunk in _chunks(texts, batch_size):
        plans = [plan(text, context=context) for text in chunk]
        full_texts = [t[r.start : r.end] for t, p in zip(chunk, plans, strict=True)
                      for r in p if r.selected]
        light_texts = [t[r.start : r.end] for t, p in zip(chunk, plans, strict=True)
                       for r in p if not r.selected]
        with nlp.select_pipes(disable=full_skip):
            full_docs = iter(list(nlp.pipe(full_texts, batch_size=pipe_batch)))
        if ner_only:
            with nlp.select_pipes(enable=["ner"]):
                light_docs = iter(list(nlp.pipe(light_texts, batch_size=pipe_batch)))
        elif light == LIGHT_DICT:
            light_docs = iter([known_names(nlp.make_doc(t)) for t in light_texts])
        else:
            light_docs = iter([nlp.make_doc(t) for t in light_texts])
        for text, runs in zip(chunk, plans, strict=True):
            yield _stitch(text, runs, full_docs, light_docs, nlp)


def known_names(doc: Doc) -> Doc:
    """Mark the names the actor tables know ("NATO", "Jens Stoltenberg", "the Kremlin") as
    entities of an unparsed doc: runs of capitalised words, longest known stretch first."""
    spans: list[Span] = []
    i = 0
    n = len(doc)
    while i < n:
        if not _capitalised(doc[i]):
            i += 1
            continue
        j = i
        while j < n and j - i < _MAX_NAME_TOKENS and (
            _capitalised(doc[j]) or (doc[j].text == "-" and j + 1 < n and not doc[j].whitespace_)
        ):
            j += 1
        found = None
        for end in range(j, i, -1):
            entry = lookup_proper(doc[i:end].text)
            if entry is not None:
                found = Span(doc, i, end, label=_KIND_LABEL[entry.kind])
                break
        if found is not None:
            spans.append(found)
            i = found.end
        else:
            i += 1
    doc.set_ents(spans, default="unmodified")
    return doc


def _capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def _chunks(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for text in texts:
        chunk.append(text)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_COPIED = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]


def _stitch(text: str, runs: list[Run], full: Iterator[Doc], light: Iterator[Doc],
            nlp: Language) -> Doc:
    """The runs' docs as one Doc of ``text``: the whole text tokenised once, the runs'
    annotations copied in (``Doc.from_docs`` does the same with a Python loop per token)."""
    if not runs:
        return nlp.make_doc(text)
    docs = [next(full) if run.selected else next(light) for run in runs]
    if len(docs) == 1 and runs[0].selected:
        return docs[0]
    whole = nlp.make_doc(text)
    offsets = whole.to_array([IDX]).astype("int64").reshape(-1)
    sent = whole.to_array([SENT_START]).astype("int64").reshape(-1)
    arrays = []
    for run, doc in zip(runs, docs, strict=True):
        first = int(numpy.searchsorted(offsets, run.start))
        local = doc.to_array([IDX]).astype("int64").reshape(-1) + run.start
        if first + len(doc) > len(offsets) or not numpy.array_equal(
            offsets[first : first + len(doc)], local
        ):
            return _join(text, runs, docs)  # tokenised differently at a run's edge
        arrays.append(doc.to_array(_COPIED))
        if not run.selected:
            _light_starts(text, run, doc, sent[first : first + len(doc)])
    if sum(len(d) for d in docs) != len(whole):
        return _join(text, runs, docs)
    whole.from_array(_COPIED, cast(Any, numpy.vstack(arrays)))
    full_sent = whole.to_array([SENT_START]).astype("int64").reshape(-1)
    for run, doc in zip(runs, docs, strict=True):
        if run.selected:
            first = int(numpy.searchsorted(offsets, run.start))
            sent[first : first + len(doc)] = full_sent[first : first + len(doc)]
    whole.from_array([SENT_START], cast(Any, sent.astype("uint64")))
    return whole


def _light_starts(text: str, run: Run, doc: Doc, out: Any) -> None:
    """Sentence starts of a skipped run, from the cheap splitter, written into ``out``."""
    out[:] = -1
    chunk = text[run.start : run.end]
    starts = {s - run.start for s in sentence_starts(chunk)} if chunk else set()
    for token in doc:
        if token.idx in starts:
            out[token.i] = 1
    if len(doc):
        out[0] = 1


def _join(text: str, runs: list[Run], docs: list[Doc]) -> Doc:
    """The slow, always-aligned way: ``Doc.from_docs``, then the skipped runs' starts."""
    for doc in docs:
        doc.tensor = numpy.empty((len(doc), 0), dtype="float32")
    joined = Doc.from_docs(docs, ensure_whitespace=False)
    sent = joined.to_array([SENT_START]).astype("int64").reshape(-1)
    first = 0
    for run, doc in zip(runs, docs, strict=True):
        if not run.selected:
            _light_starts(text, run, doc, sent[first : first + len(doc)])
        first += len(doc)
    joined.from_array([SENT_START], cast(Any, sent.astype("uint64")))
    return joined
