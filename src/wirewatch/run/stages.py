"""The pure stage functions every executor runs: page -> article -> analysis.

``process_pages`` takes a batch of (page, content hash) and returns one ``InputResult`` each:
it touches no store and no global state but the lazily loaded model, so the same function runs
in a loop, in a process pool or as a Ray task. The executors (``run.local``, ``run.ray``) import
this module; it imports none of them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from wirewatch.blas import limited_blas
from wirewatch.errors import InputError, PageTimeout, WirewatchError
from wirewatch.records import Analysis, Article, Page, Skip
from wirewatch.run.deadline import PAGE_SECONDS, deadline
from wirewatch.store import InputResult


def content_hash(page: Page) -> str:
    """SHA-256 over what the page holds: the same file read again hashes the same."""
    digest = hashlib.sha256()
    for part in (page.form, page.url or "", page.date_hint or "", page.page_id or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    digest.update(page.content.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}"[:300]


def extract_or_skip(page: Page, *, page_seconds: float = 0.0) -> Article | Skip:
    """The page's article, or a Skip with its reason (an extractor bug: ``extract_error``,
    over ``page_seconds`` of wall-clock time: ``timeout``; 0: no limit)."""
    from wirewatch.extract import extract_page  # lazy: the extractors load their data on use

    if page.form == "html":  # importing trafilatura is not any page's time
        from wirewatch.extract.html.parse import load_trafilatura

        load_trafilatura()
    try:
        with deadline(page_seconds):
            return extract_page(page)
    except PageTimeout as exc:
        return Skip(page.source, "timeout", f"extraction {exc}")
    except InputError as exc:
        return Skip(page.source, exc.reason, exc.detail)
    except WirewatchError:
        raise
    # One page that trips a bug in an extractor must not stop a run over thousands: it is
    # recorded as a skip with the error as its reason (in the summary and the database).
    except Exception as exc:  # noqa: BLE001
        return Skip(page.source, "extract_error", one_line(exc))


def analyze_batch(articles: Sequence[Article], analyze: bool, *,
                  page_seconds: float = 0.0) -> list[tuple[Analysis, str | None]]:
    """Analyse a batch: pairs (analysis, error). An article whose analysis fails is kept
    unanalysed with the error in one line; with ``analyze`` false nothing is analysed.

    The batch has ``page_seconds`` per article (0: no limit); past that, each article is
    analysed alone with ``page_seconds``, and one that runs over is kept unanalysed with the
    note ``timeout: ...``: the rest of the batch is analysed as usual.
    """
    if not analyze or not articles:
        return [(Analysis(article=a), None) for a in articles]
    from wirewatch.analyze.nlp.load import load_nlp
    from wirewatch.analyze.pipeline import analyze_articles

    load_nlp()  # loading the model is not any page's time
    try:
        with deadline(page_seconds * len(articles)):
            return [(a, None) for a in analyze_articles(articles)]
    except WirewatchError:
        raise
    except PageTimeout as exc:
        if len(articles) == 1:  # alone already: running it again would only double the wait
            return [(Analysis(article=articles[0]), f"timeout: analysis {exc}")]
    except Exception:  # noqa: BLE001 - find the failing article, one at a time
        pass
    results: list[tuple[Analysis, str | None]] = []
    for article in articles:
        try:
            with deadline(page_seconds):
                results.append((analyze_articles([article])[0], None))
        except WirewatchError:
            raise
        except PageTimeout as exc:
            results.append((Analysis(article=article), f"timeout: analysis {exc}"))
        # The article is still stored, marked not analysed, with the error in its input's
        # row and in the run summary.
        except Exception as exc:  # noqa: BLE001
            results.append((Analysis(article=article), f"analysis failed: {one_line(exc)}"))
    return results


def process_pages(pages: Sequence[tuple[Page, str]], analyze: bool, *,
                  page_seconds: float = PAGE_SECONDS) -> list[InputResult]:
    """Extract and analyse a batch of (page, content hash): a pure, picklable stage.

    Each page has ``page_seconds`` of wall-clock time in each stage (``run.deadline``).
    """
    results: list[InputResult] = []
    extracted: list[tuple[Page, str, Article]] = []
    for page, digest in pages:
        outcome = extract_or_skip(page, page_seconds=page_seconds)
        if isinstance(outcome, Skip):
            results.append(InputResult(page.source, digest, skip=outcome))
        else:
            extracted.append((page, digest, outcome))
    analysed = analyze_batch([article for _, _, article in extracted], analyze,
                             page_seconds=page_seconds)
    for (page, digest, _), (analysis, error) in zip(extracted, analysed, strict=True):
        results.append(InputResult(page.source, digest, analysis=analysis,
                                   analyzed=analyze and error is None, note=error))
    return results


def process_pages_limited(pages: Sequence[tuple[Page, str]], analyze: bool,
                          threads: int | None, *,
                          page_seconds: float = PAGE_SECONDS) -> list[InputResult]:
    """``process_pages`` with BLAS at ``threads``: what pool workers and Ray tasks run."""
    with limited_blas(threads):
        return process_pages(pages, analyze, page_seconds=page_seconds)
