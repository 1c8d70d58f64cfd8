"""Docs that parse only the selected sentences of each text (``select.plan``).

``pipe_selected(texts, nlp=...)`` yields one Doc per text whose ``doc.text`` is the text, so
the actor, quote and event stages read it exactly as a whole-text parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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
    LENGTH,
    MORPH,
    POS,
    SENT_START,
    TAG,
)  # fmt: skip
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.analyze.actors.names import known_names, tag_names
from wirewatch.analyze.selection.plan import Run, plan, sentence_starts

__all__ = ["LIGHT_DICT", "LIGHT_NER", "LIGHT_NONE", "known_names", "pipe_selected"]

LIGHT_NONE = "none"  # skipped sentences: tokens only
LIGHT_NER = "ner"  # skipped sentences: tokens and named entities (actor mentions)
LIGHT_DICT = "dict"  # skipped sentences: tokens and the known names of the actor tables


def pipe_selected(
    texts: Iterable[str],
    *,
    nlp: Language,
    disable: Sequence[str] = (),
    light: str = LIGHT_DICT,
    context: int = 1,
    batch_size: int = 8,
    pipe_batch: int = 64,
    ner: bool = True,
) -> Iterator[Doc]:
    """One Doc per text, in order, whose ``doc.text`` is the text: selected runs (``plan``)
    parsed with the pipeline less ``disable``, skipped runs tokenised (``light="none"``),
    with the actor tables' names marked as entities (``light="dict"``, ``known_names``) or
    run through the entity recogniser only (``light="ner"``), with sentence starts from the
    cheap splitter. Tokens of skipped runs have no tag, lemma or head.
    ``batch_size`` texts are planned and parsed together (their docs are held in memory),
    in ``nlp.pipe`` batches of ``pipe_batch`` runs. ``ner=False``: the selected runs' names
    come from the tagger and the actor tables (``names.tag_names``) instead of the entity
    recogniser, which costs more than the tagger and parser together.
    """
    full_skip = [name for name in disable if name in nlp.pipe_names]
    if not ner and "ner" in nlp.pipe_names and "ner" not in full_skip:
        full_skip.append("ner")
    ner_only = light == LIGHT_NER and "ner" in nlp.pipe_names and "ner" not in full_skip
    for chunk in _chunks(texts, batch_size):
        plans = [plan(text, context=context) for text in chunk]
        full_texts = [t[r.start : r.end] for t, p in zip(chunk, plans, strict=True)
                      for r in p if r.selected]
        light_texts = [t[r.start : r.end] for t, p in zip(chunk, plans, strict=True)
                       for r in p if not r.selected]
        with nlp.select_pipes(disable=full_skip):
            parsed = list(nlp.pipe(full_texts, batch_size=pipe_batch))
        full_docs = iter(parsed if ner else [tag_names(d) for d in parsed])
        if ner_only:
            with nlp.select_pipes(enable=["ner"]):
                light_docs = iter(list(nlp.pipe(light_texts, batch_size=pipe_batch)))
        elif light == LIGHT_DICT:
            light_docs = iter([known_names(nlp.make_doc(t)) for t in light_texts])
        else:
            light_docs = iter([nlp.make_doc(t) for t in light_texts])
        for text, runs in zip(chunk, plans, strict=True):
            yield _stitch(text, runs, full_docs, light_docs, nlp)


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
    """The runs' docs as one Doc of ``text``: their tokens joined (each run's doc reproduces
    its run's text, and the runs tile the text), their annotations copied in as arrays
    (``Doc.from_docs`` does the same with a Python loop per token)."""
    if not runs:
        return nlp.make_doc(text)
    docs = [next(full) if run.selected else next(light) for run in runs]
    if len(docs) == 1 and runs[0].selected:
        return docs[0]
    words: list[str] = []
    spaces: list[bool] = []
    offsets = []
    for run, doc in zip(runs, docs, strict=True):
        # a token's text and trailing space are read off the run's text by offsets (no
        # Token objects): its text ends at idx + length, and a space follows when the next
        # token (or the run's end) starts later
        starts = doc.to_array([IDX, LENGTH]).tolist()
        offsets.append(starts)
        chunk = text[run.start : run.end]
        ends = [start for start, _ in starts[1:]] + [len(chunk)]
        words += [chunk[start : start + length] for start, length in starts]
        spaces += [start + length < end for (start, length), end in zip(starts, ends, strict=True)]
    whole = Doc(nlp.vocab, words=words, spaces=spaces)
    sent = numpy.empty(len(whole), dtype="int64")
    arrays = []
    first = 0
    for run, doc, starts in zip(runs, docs, offsets, strict=True):
        arrays.append(doc.to_array(_COPIED))
        if run.selected:
            sent[first : first + len(doc)] = doc.to_array([SENT_START]).astype("int64")
        else:
            _light_starts(text, run, starts, sent[first : first + len(doc)])
        first += len(doc)
    whole.from_array(_COPIED, cast(Any, numpy.vstack(arrays)))
    whole.from_array([SENT_START], cast(Any, sent.astype("uint64")))
    return whole


def _light_starts(text: str, run: Run, offsets: list[list[int]], out: Any) -> None:
    """Sentence starts of a skipped run (its tokens' ``[idx, length]``), from the cheap
    splitter, written into ``out``."""
    out[:] = -1
    chunk = text[run.start : run.end]
    starts = {s - run.start for s in sentence_starts(chunk)} if chunk else set()
    for i, (idx, _) in enumerate(offsets):
        if idx in starts:
            out[i] = 1
    if len(offsets):
        out[0] = 1
