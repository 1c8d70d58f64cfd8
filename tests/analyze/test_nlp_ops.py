"""numpy's matmul in thinc's dense layers (``nlp_ops``): same products, same parses."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps

from wirewatch.analyze.nlp.load import load_nlp
from wirewatch.analyze.nlp.patches.ops import MatmulOps

SENTENCES = [
    "Russian Foreign Minister Sergey Lavrov accused NATO of rejecting constructive discussion.",
    "“We are ready to respond,” NATO Secretary-General Jens Stoltenberg said in Riga.",
    "The Kremlin denied the allegation on Thursday, calling it a provocation.",
]


@pytest.mark.parametrize(("trans1", "trans2"), [(False, False), (True, False), (False, True),
                                                (True, True)])
def test_gemm_matches_thinc(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(3)
    x = rng.random((7, 5), dtype="float32")
    y = rng.random((5, 7), dtype="float32")
    x = x.T.copy() if trans1 else x
    y = y.T.copy() if trans2 else y
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = MatmulOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert numpy.allclose(got, want, rtol=1e-5)
    out = numpy.zeros_like(want)
    assert MatmulOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    assert numpy.allclose(out, want, rtol=1e-5)


def test_default_pipeline_uses_matmul_and_the_plain_one_does_not() -> None:
    fast = load_nlp()
    plain = load_nlp(memo=False)
    assert any(isinstance(n.ops, MatmulOps) for n in fast.get_pipe("tok2vec").model.walk())
    assert not any(isinstance(n.ops, MatmulOps) for n in plain.get_pipe("tok2vec").model.walk())


def test_parses_agree_with_the_plain_pipeline() -> None:
    fast, plain = load_nlp(), load_nlp(memo=False)
    for a, b in zip(fast.pipe(SENTENCES), plain.pipe(SENTENCES), strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_matches_thinc(pieces: int) -> None:
    rng = numpy.random.default_rng(pieces)
    x = rng.standard_normal((11, 6, pieces), dtype="float32")
    want, _ = NumpyOps().maxout(x)
    got, _ = MatmulOps().maxout(x)
    assert got.shape == want.shape and got.flags["C_CONTIGUOUS"]
    assert numpy.array_equal(got, want)


def test_maxout_has_no_backward_pass() -> None:
    from wirewatch.errors import ConfigError

    x = numpy.ones((2, 3, 2), dtype="float32")
    best, which = MatmulOps().maxout(x)
    with pytest.raises(ConfigError, match="inference only"):
        MatmulOps().backprop_maxout(best, which, 2)
    _, thinc_which = NumpyOps().maxout(x)
    assert MatmulOps().backprop_maxout(best, thinc_which, 2).shape == x.shape


def test_layernorm_forward_is_thincs_when_predicting() -> None:
    from thinc.api import LayerNorm

    from wirewatch.analyze.nlp.patches.ops import layernorm_forward
    from wirewatch.errors import ConfigError

    rng = numpy.random.default_rng(5)
    x = rng.standard_normal((40, 16), dtype="float32") * 3 + 1
    layer = LayerNorm(nI=16)
    layer.initialize(X=x)
    layer.set_param("G", rng.standard_normal(16, dtype="float32"))
    layer.set_param("b", rng.standard_normal(16, dtype="float32"))
    want, _ = layer._func(layer, x, False)
    got, backprop = layernorm_forward(layer, x, False)
    assert numpy.array_equal(got, want)  # the same floats, not just close
    with pytest.raises(ConfigError):
        backprop(got)
    trained, thinc_backprop = layernorm_forward(layer, x, True)  # training: thinc's own
    assert numpy.array_equal(trained, want)
    assert thinc_backprop(numpy.ones_like(x)).shape == x.shape
