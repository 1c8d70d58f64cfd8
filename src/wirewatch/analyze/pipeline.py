"""Article -> Analysis. Placeholder until the events work lands: no quotes, no events yet."""

from __future__ import annotations

from collections.abc import Sequence

from wirewatch.records import Analysis, Article


def analyze_articles(articles: Sequence[Article]) -> list[Analysis]:
    """Analyse a batch of articles (batched so the NLP model can use ``nlp.pipe``)."""
    return [Analysis(article=article) for article in articles]
