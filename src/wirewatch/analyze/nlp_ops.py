"""thinc's CPU operations with numpy's matrix product for the dense layers.

spaCy's small English pipeline spends most of its time in the token-to-vector layers'
matrix products, which thinc's ``NumpyOps.gemm`` hands to BLIS. numpy's own ``matmul``
(OpenBLAS) is about 1.5x faster per CPU second on this kind of machine (bench/RESULTS.md,
throughput); the results agree to float rounding, and the tags and parses of all AEB
sentences came out identical. ``use_matmul(nlp)`` swaps the operations of the tok2vec,
tagger and parser models; nothing else changes.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

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


def use_matmul(nlp: Language) -> int:
    """Give every layer of the pipeline's statistical components ``MatmulOps``; returns how
    many layers were changed. Layers on another kind of operations (a GPU) are left alone."""
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
    return changed
