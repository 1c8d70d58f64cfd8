"""The memoised tok2vec embedding stage (``nlp_embed``) gives the model's own vectors."""

from __future__ import annotations

from collections.abc import Iterator

import numpy
import pytest
from spacy.language import Language

from wirewatch.analyze.nlp.load import load_nlp
from wirewatch.analyze.nlp.patches.embed import EmbedMemo, memoise_embedding
from wirewatch.errors import ConfigError

TEXTS = [
    "Russian Foreign Minister Sergey Lavrov accused NATO of rejecting constructive discussion.",
    "“We are ready to respond,” NATO Secretary-General Jens Stoltenberg said in Riga.",
    "The Kremlin denied the allegation on Thursday ,calling it a provocation  by the West.",
    "",
    "Lavrov said Russia would respond. Lavrov said it twice.",
]


@pytest.fixture()
def memo() -> Iterator[tuple[Language, EmbedMemo]]:
    nlp = load_nlp()
    embed = nlp.get_pipe("tok2vec").model.layers[0]
    installed = embed._func
    assert isinstance(installed, EmbedMemo)
    yield nlp, installed
    embed._func = installed


def _tensors(nlp: Language, texts: list[str], *, batch: int = 1) -> list[numpy.ndarray]:
    """The texts' tok2vec tensors, parsed in one batch with ``batch - 1`` copies of them (a
    batch the size of a few articles: BLAS sums small products in another order)."""
    tok2vec = nlp.get_pipe("tok2vec")
    docs = [nlp.make_doc(t) for t in texts * batch]
    return [doc.tensor.copy() for doc in tok2vec.pipe(docs, batch_size=len(docs))][: len(texts)]


def test_the_default_pipeline_memoises_and_the_plain_one_does_not() -> None:
    assert isinstance(load_nlp().get_pipe("tok2vec").model.layers[0]._func, EmbedMemo)
    plain = load_nlp(memo=False).get_pipe("tok2vec").model.layers[0]
    assert not isinstance(plain._func, EmbedMemo)


def test_vectors_are_the_models_own(memo: tuple[Language, EmbedMemo]) -> None:
    nlp, installed = memo
    embed = nlp.get_pipe("tok2vec").model.layers[0]
    embed._func = installed.original
    want = _tensors(nlp, TEXTS, batch=2)
    embed._func = installed
    first = _tensors(nlp, TEXTS)  # computed now or found from earlier tests
    again = _tensors(nlp, list(reversed(TEXTS)))[::-1]  # all found, in other batches
    for w, a, b in zip(want, first, again, strict=True):
        assert w.shape == a.shape == b.shape
        assert numpy.array_equal(w, a) and numpy.array_equal(w, b)  # the same floats


def test_a_full_table_is_cleared_and_still_right(memo: tuple[Language, EmbedMemo]) -> None:
    nlp, installed = memo
    embed = nlp.get_pipe("tok2vec").model.layers[0]
    embed._func = installed.original
    want = _tensors(nlp, TEXTS, batch=2)
    small = EmbedMemo(embed, max_rows=12)
    embed._func = small
    got = _tensors(nlp, TEXTS[:1]) + _tensors(nlp, TEXTS[1:])
    def distinct(texts: list[str]) -> int:
        rows = [nlp.make_doc(t).to_array(small.columns).reshape(-1, len(small.columns))
                for t in texts]
        return len({tuple(row) for array in rows for row in array.tolist()})

    # the second batch did not fit beside the first: the table was cleared, then held it
    assert small.size == distinct(TEXTS[1:]) < distinct(TEXTS)
    for w, g in zip(want, got, strict=True):
        assert numpy.array_equal(w, g)


def test_training_goes_to_the_original_forward(memo: tuple[Language, EmbedMemo]) -> None:
    nlp, installed = memo
    embed = nlp.get_pipe("tok2vec").model.layers[0]
    docs = [nlp.make_doc(TEXTS[0])]
    vectors, backprop = installed(embed, docs, False)
    with pytest.raises(ConfigError):
        backprop(vectors)
    trained, _ = installed(embed, docs, True)
    assert trained[0].shape == vectors[0].shape


def test_a_pipeline_without_tok2vec_is_left_alone() -> None:
    import spacy

    assert memoise_embedding(spacy.blank("en")) is False
