"""Article ids stay byte-identical to the original definition (the store relies on them)."""

from __future__ import annotations

import hashlib
import re

from hypothesis import given
from hypothesis import strategies as st

from wirewatch.ids import article_id, normalise_for_id, normalise_paragraphs, paragraphs_id

_SPACE = re.compile(r"\s+")
# every character str.isspace() accepts, and some that look like space but are not
_WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
_ALPHABET = st.one_of(
    st.sampled_from(f"aZé İß’—.,|_{_WHITESPACE}\u200b\u2060\ufeff"),
    st.characters(blacklist_categories=("Cs",)),
)
_TEXT = st.text(alphabet=_ALPHABET, max_size=60)


def _old_normalise(text: str) -> str:
    """The first definition: a regex over whitespace."""
    return _SPACE.sub(" ", text).strip().lower()


def _old_article_id(source: str, body: str) -> str:
    digest = hashlib.sha256()
    digest.update(source.encode("utf-8"))
    digest.update(b"\x00")
    digest.update(_old_normalise(body).encode("utf-8"))
    return digest.hexdigest()[:16]


def test_known_ids_do_not_change() -> None:
    assert article_id("a.txt", "Hello  world") == _old_article_id("a.txt", "hello world")
    assert article_id("seed.txt", "Ein  Satz.\n\nZwei\u00a0Sätze.") == _old_article_id(
        "seed.txt", "ein satz. zwei sätze."
    )


@given(_TEXT)
def test_normalise_equals_the_regex_definition(text: str) -> None:
    assert normalise_for_id(text) == _old_normalise(text)


@given(st.text(max_size=8), st.lists(_TEXT, max_size=6))
def test_paragraph_ids_equal_the_joined_body_ids(source: str, paragraphs: list[str]) -> None:
    body = "\n\n".join(paragraphs)
    assert normalise_paragraphs(paragraphs) == _old_normalise(body)
    assert paragraphs_id(source, paragraphs) == _old_article_id(source, body)
    assert article_id(source, body) == _old_article_id(source, body)


@given(st.lists(st.text(alphabet="ab ’é.", min_size=1, max_size=20), max_size=6))
def test_clean_paragraphs_take_the_fast_path_and_agree(paragraphs: list[str]) -> None:
    clean = [" ".join(p.split()) for p in paragraphs if p.split()]
    assert normalise_paragraphs(clean) == " ".join(clean).lower()
    assert normalise_paragraphs(clean) == _old_normalise("\n\n".join(clean))
