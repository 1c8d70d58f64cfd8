"""The analysis stage: quotes, actors and PLOVER events of articles (``pipeline``).

The public function ``wirewatch.analyze(article)`` and this package share a name, and Python
sets a package's attribute to the subpackage whenever the subpackage is imported, so the
package itself is made callable: ``wirewatch.analyze(article)`` is
``pipeline.analyze_article(article)`` whatever was imported before.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wirewatch.records import Analysis, Article


class _CallableStage(types.ModuleType):
    def __call__(self, article: Article, *, nlp: Any = None) -> Analysis:
        from wirewatch.analyze.pipeline import analyze_article

        return analyze_article(article, nlp=nlp)


sys.modules[__name__].__class__ = _CallableStage
