"""Photo captions and their credits in scraped text."""

from __future__ import annotations

import re
from functools import cache

from wirewatch.extract.text.lines import data_lines

_CREDIT = re.compile(
    r"(?:©|\(c\)|\b(?:photo|photograph|image|picture|foto|credit|source)s?\s*(?:by|:)|"
    r"\bphoto\s*/)\s*(?P<credit>[^©]{2,80})$",
    re.I,
)
_PHOTO_CAPTION = re.compile(
    r"^(?:(?:in )?this\b.{0,60}\b(?:file |undated |handout )?(?:photo|image|picture|photograph)"
    r"\b|\d{1,2}\s?of\s?\d{1,2}(?=[A-Z]))",
    re.IGNORECASE,
)


def is_caption(text: str, cues: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> bool:
    """A photo caption: ends with a credit, or says what the photo shows ("In this file photo").

    ``cues`` (from ``caption_cues``) narrows the credit words and agencies to look for to those
    present in a larger text that contains ``text``.
    """
    if not _may_be_caption(text, cues or (_CREDIT_WORDS, _agency_cores())):
        return False
    return _PHOTO_CAPTION.search(text) is not None or split_caption(text) is not None


_CREDIT_WORDS = ("photo", "image", "picture", "foto", "credit", "source", "(c)")


# bytes -> themselves, A-Z lowered: ``text.lower()`` for the credit words without lowering every
# character (a credit word has no "k" and does not end in "i": the only non-ASCII characters
# whose lower case holds an ASCII letter are K -> "k" and İ -> "i" + a combining dot)
_ASCII_LOWER = bytes(b | 32 if 65 <= b <= 90 else b for b in range(256))


def caption_cues(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The credit words and photo agencies that occur in ``text`` (a block of lines)."""
    low = text.encode("utf-8", "surrogatepass").translate(_ASCII_LOWER)
    return (
        tuple(w for w, encoded in _credit_words_bytes() if encoded in low),
        tuple(name for name in _agency_cores() if name in text),
    )


@cache
def _credit_words_bytes() -> tuple[tuple[str, bytes], ...]:
    return tuple((w, w.encode()) for w in _CREDIT_WORDS)


def may_have_credit(text: str, cues: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Substring tests every ``split_caption`` match passes: ©, a credit word, an agency."""
    if "©" in text:
        return True
    words, agencies = cues
    if words:
        low = text.lower()
        if any(w in low for w in words):
            return True
    return any(name in text for name in agencies)


def _may_be_caption(text: str, cues: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """A cheap first test (substring checks only): ©, a credit word, an agency, a bracket."""
    if "©" in text or text[-1:] in ")]" or text[:1].isdigit():
        return True
    # the first 8 characters lowered start as the whole text lowered does (lowering is per
    # character; only a sigma's form looks at its neighbours, and neither prefix has one)
    if text[:8].lower().startswith(("in this ", "this ")):
        return True
    words, agencies = cues
    if words:
        low = text.lower()
        if any(word in low for word in words):
            return True
    return bool(agencies) and any(name in text for name in agencies)


@cache
def _agencies() -> tuple[str, ...]:
    return tuple(data_lines("credit_agencies.txt"))


@cache
def _agency_cores() -> tuple[str, ...]:
    """The agency names that contain no other listed name ("AP Photo" is found by "AP")."""
    names = _agencies()
    return tuple(n for n in names if not any(o != n and o in n for o in names))


@cache
def _credit_tail() -> re.Pattern[str]:
    """A caption ending in a photo agency's name ("... (Getty Images)"); names are data."""
    names = sorted(data_lines("credit_agencies.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"[\s(\[]+(?P<credit>(?:{alternation})\b[^()\[\]]{{0,60}})[)\]]?$")


# characters IGNORECASE matches to a credit word's letter though their lower case differs
# ("İ" and "ı" to "i", "ſ" to "s"; the Kelvin sign to "k", which no credit word has)
_FOLDED = ("İ", "ı", "ſ")


def _may_credit(text: str) -> bool:
    """Substring tests every ``_CREDIT`` match passes: ©, a credit word (any case), "(c)"."""
    if "©" in text:
        return True
    low = text.lower()
    return any(w in low for w in _CREDIT_WORDS) or any(ch in text for ch in _FOLDED)


def split_caption(text: str) -> tuple[str, str] | None:
    """(caption, credit) when a line ends with an image credit, else None."""
    match = (_may_credit(text) and _CREDIT.search(text)) or (
        any(name in text for name in _agency_cores()) and _credit_tail().search(text)
    )
    if not match:
        return None
    credit = match.group("credit").strip(" .()[]")
    caption = text[: match.start()].strip(" |-–—()[]")
    if not credit or len(credit.split()) > 12:
        return None
    return caption, credit
