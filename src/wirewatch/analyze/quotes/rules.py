"""Rules that decide whether marked words are a quote and who a cue-less partial quote is
from: titles and names in quotation marks, and verbs that describe without being speech cues.
Both word lists are reviewed data files in ``wirewatch/data/quotes/``."""

from __future__ import annotations

import functools
import re
from importlib import resources

from spacy.tokens import Token

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.quotes.cues import Cue, make_cue
from wirewatch.analyze.quotes.speakers import subject_of

__all__ = ["describe_verbs", "describer", "looks_like_title", "title_small_words"]

_TITLE_MAX_WORDS = 10
_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def describer(token: Token, actors: ArticleActors) -> Cue | None:
    """The subject of a verb that gives the marked words to it without being a speech cue
    ("Lamrani described the idea as “absurd”"): the nearest such verb governing ``token``,
    as a cue without a cue word."""
    verbs = describe_verbs()
    current = token
    for _ in range(8):
        if current.lower_ in verbs and current.pos_ == "VERB":
            return make_cue(current, current.text, subject_of(current), actors)
        if current.head is current:
            return None
        current = current.head
    return None


@functools.cache
def describe_verbs() -> frozenset[str]:
    """Verbs that lend a partial quote their subject (``data/quotes/describe_verbs.txt``)."""
    path = resources.files("wirewatch").joinpath("data", "quotes", "describe_verbs.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def looks_like_title(content: str, kind: str, *, spoken: bool = False) -> bool:
    """A marked stretch that names something: every word capitalised but short function words
    ("Return of the Jedi", "Caja Magica"), a partial quote or a direct one of a few words.
    ``spoken`` (a speech verb governs it): only a title of two words or more counts."""
    words = _TITLE_WORD.findall(content)
    if not words or len(words) > _TITLE_MAX_WORDS or (kind == "direct" and len(words) > 4):
        return False
    if spoken and (kind == "direct" or len(words) < 2):
        return False
    small = title_small_words()
    return words[0][0].isupper() and all(w[0].isupper() or w.lower() in small for w in words)


@functools.cache
def title_small_words() -> frozenset[str]:
    """Words a title leaves in lower case (``data/quotes/title_small_words.txt``)."""
    path = resources.files("wirewatch").joinpath("data", "quotes", "title_small_words.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))
