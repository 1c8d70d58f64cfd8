"""tok2vec's embedding stage, memoised on each token's features.

The first stage of spaCy's small English tok2vec (``MultiHashEmbed``) turns six attributes of a
token (NORM, PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE) into a 96-float vector: six hash
embeddings, concatenated, then a maxout layer (576 -> 96, three pieces) and a layer norm. Its
output for a token depends on those six values alone, and it is about a third of the
tok2vec's arithmetic. ``EmbedMemo`` keeps the vector of every feature row it has computed
and, for a batch, computes only the rows it has not seen, with the model's own layers; the
rest is a table lookup. The vectors are the same floats as the model's on a batch of articles
(a row's product does not depend on the other rows of a large batch; small products are
padded, see ``MIN_BATCH``): tests/analyze/test_nlp_embed.py compares the tensors, and the
analyses of all 322 AEB and trafilatura-eval bodies are identical with and without it.

Inference only: a training pass goes to the original forward. The table is bounded
(``MAX_ROWS``; cleared when full) and belongs to the loaded pipeline of one process (pool
workers each have theirs; a pipeline is not shared between threads).
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.errors import ConfigError

__all__ = ["EmbedMemo", "memoise_embedding"]

# At most ~50 MB of float32 vectors of width 96 (the table's capacity doubles up to 131,072
# rows) plus the keys; AEB and trafilatura-eval together need about 30,000 rows.
MAX_ROWS = 100_000
# Fewer rows than this are computed padded to it: BLAS libraries take another code path for
# the smallest products (OpenBLAS here: 4 rows or fewer), whose sums can differ in the last
# bit from those of a batch; padded, a row comes out as it does in a batch of articles.
MIN_BATCH = 16


class EmbedMemo:
    """The forward of a ``MultiHashEmbed`` chain (extract_features >> list2ragged >>
    with_array(hash embeddings) >> with_array(maxout >> layernorm >> dropout) >> ragged2list),
    memoised per feature row."""

    def __init__(self, embed: Any, max_rows: int = MAX_ROWS) -> None:
        self.original = embed._func
        self.columns = embed.layers[0].attrs["columns"]
        self.hashed = embed.layers[2]  # ints (rows of features) -> concatenated embeddings
        self.mixed = embed.layers[3]  # concatenated embeddings -> the stage's vectors
        self.width = int(embed.get_dim("nO"))
        self.max_rows = max_rows
        self.rows: dict[bytes, int] = {}
        self.table = numpy.empty((1024, self.width), dtype="float32")  # grows by doubling
        self.size = 0

    def __call__(self, model: Any, docs: list[Doc], is_train: bool) -> tuple[Any, Any]:
        if is_train:
            return cast(tuple[Any, Any], self.original(model, docs, is_train))
        width = len(self.columns)
        features = [doc.to_array(self.columns).reshape(len(doc), width).astype("uint64")
                    for doc in docs]
        lengths = [len(f) for f in features]
        if not sum(lengths):
            return [numpy.zeros((n, self.width), dtype="float32") for n in lengths], _no_backprop
        ints = numpy.ascontiguousarray(numpy.concatenate(features))
        keys = ints.view(numpy.dtype((numpy.void, ints.shape[1] * ints.itemsize))).ravel()
        distinct, first, where = numpy.unique(keys, return_index=True, return_inverse=True)
        known = self.rows.get
        found = [known(key.tobytes(), -1) for key in distinct]
        missing = [i for i, row in enumerate(found) if row < 0]
        if missing:
            if self.size + len(missing) > self.max_rows:
                self.rows.clear()
                self.size = 0
                found = [-1] * len(distinct)
                missing = list(range(len(distinct)))
            self._add(ints[first[missing]], missing, distinct, found)
        vectors = self.table[numpy.asarray(found)[where.ravel()]]
        return numpy.split(vectors, numpy.cumsum(lengths)[:-1]), _no_backprop

    def _add(self, rows: Any, missing: list[int], distinct: Any, found: list[int]) -> None:
        """Compute the missing rows (one token's features each) with the model's own layers
        and store their vectors."""
        if len(rows) < MIN_BATCH:  # as many rows as a real batch: see MIN_BATCH
            rows = numpy.concatenate([rows, numpy.repeat(rows[-1:], MIN_BATCH - len(rows), 0)])
        computed = self.mixed.predict(self.hashed.predict(rows))[: len(missing)]
        end = self.size + len(missing)
        if end > len(self.table):
            grown = numpy.empty((max(end, 2 * len(self.table)), self.width), dtype="float32")
            grown[: self.size] = self.table[: self.size]
            self.table = grown
        self.table[self.size : end] = computed
        for offset, i in enumerate(missing):
            found[i] = self.size + offset
            self.rows[distinct[i].tobytes()] = self.size + offset
        self.size = end


def _no_backprop(d_output: Any) -> Any:
    raise ConfigError("wirewatch's memoised embedding is for inference only")


def memoise_embedding(nlp: Language) -> bool:
    """Give the tok2vec's embedding chain an ``EmbedMemo`` forward, when the pipeline has the
    layout it expects (spaCy's ``MultiHashEmbed`` as the first layer of a ``tok2vec``);
    returns whether it did."""
    if "tok2vec" not in nlp.pipe_names:
        return False
    model = getattr(nlp.get_pipe("tok2vec"), "model", None)
    layers = getattr(model, "layers", None)
    if not layers:
        return False
    embed = layers[0]
    names = [layer.name for layer in embed.layers]
    if (len(names) != 5 or names[0] != "extract_features" or names[1] != "list2ragged"
            or names[4] != "ragged2list" or not names[3].startswith("with_array(maxout")):
        return False
    embed._func = EmbedMemo(embed)
    return True
