"""thinc's CPU operations with numpy's matrix product for the dense layers.

spaCy's small English pipeline spends most of its time in the token-to-vector layers'
matrix products, which thinc's ``NumpyOps.gemm`` hands to BLIS. numpy's own ``matmul``
(OpenBLAS) is about 1.5x faster per CPU second on this kind of machine (bench/RESULTS.md,
throughput); the results agree to float rounding, and the tags and parses of all AEB
sentences came out identical. ``use_matmul(nlp)`` swaps the operations of the tok2vec,
tagger and parser models; nothing else changes.

``MatmulOps`` is for inference: its ``maxout`` takes the maximum over the pieces with numpy
(about 3.5x faster than thinc's loop, which also records the winning piece for training) and
does not record which piece won; a backward pass through it raises ``ConfigError``. The
layer-norm layers predict through ``layernorm_forward``: thinc's arithmetic, step for step, with
the mean and the centred values computed once instead of twice (training keeps thinc's own).
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps
from thinc.layers import layernorm

from wirewatch.errors import ConfigError

__all__ = ["MatmulOps", "use_matmul"]

_COMPONENTS = ("tok2vec", "tagger", "parser", "ner")


class MatmulOps(NumpyOps):  # type: ignore[misc]  # thinc's ops are untyped
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul``."""

    name = "numpy"

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False,
             trans2: bool = False) -> Any:
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out

    def maxout(self, X: Any) -> tuple[Any, Any]:
        """The maximum over the last axis (the pieces); the winning pieces are not kept."""
        pieces = X.shape[-1]
        if pieces < 2:
            return X[..., 0].copy(), _NOT_KEPT
        best = numpy.maximum(X[..., 0], X[..., 1])
        for piece in range(2, pieces):
            numpy.maximum(best, X[..., piece], out=best)
        return best, _NOT_KEPT

    def backprop_maxout(self, dY: Any, which: Any, P: int) -> Any:
        if which is _NOT_KEPT:
            raise ConfigError("wirewatch's MatmulOps is for inference only: load the model "
                              "with memo=False to train it")
        return super().backprop_maxout(dY, which, P)


_NOT_KEPT: Any = numpy.empty((0, 0), dtype="int32")  # maxout's winners, not computed


def layernorm_forward(model: Any, X: Any, is_train: bool) -> tuple[Any, Any]:
    """thinc's LayerNorm forward; when predicting, the same floats with one pass less: the
    mean is computed once (``X.var`` recomputes it) and the centred values are kept."""
    if is_train:
        return layernorm.forward(model, X, is_train)
    mean = X.mean(axis=1, keepdims=True)
    centred = numpy.subtract(X, mean)
    # X.var's own steps: the squares' sum over the row, divided by the row's length (an
    # integer scalar, as numpy divides), then thinc's epsilon
    var = numpy.add.reduce(numpy.square(centred), axis=1, keepdims=True)
    var = numpy.true_divide(var, numpy.intp(X.shape[1]), out=var, casting="unsafe") + 1e-08
    centred *= var ** (-1.0 / 2.0)
    centred *= model.get_param("G")
    centred += model.get_param("b")
    return centred, _no_backprop


def _no_backprop(dY: Any) -> Any:
    raise ConfigError("wirewatch's layer norm forward is for inference only")


def use_matmul(nlp: Language) -> int:
    """Give every layer of the pipeline's statistical components ``MatmulOps`` (and the
    layer-norm layers ``layernorm_forward``); returns how many layers were changed. Layers on
    another kind of operations (a GPU) are left alone."""
    ops = MatmulOps()
    changed = 0
    for name in _COMPONENTS:
        if name not in nlp.pipe_names:
            continue
        model = getattr(nlp.get_pipe(name), "model", None)
        if model is None:
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                changed += 1
                if node._func is layernorm.forward:
                    node._func = layernorm_forward
    return changed
