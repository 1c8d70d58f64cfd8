"""A claim that runs on into the next sentence without a new cue.

"Interior Minister Amara Diallo said the curfew would be lifted on Friday. Shops and schools
would reopen the following week." The second sentence is still Diallo's: reported speech
keeps the tense shifted back by the first cue ("would", "could", "had been"), and the writer's
own narration does not ("Shops reopened on Saturday"). So a sentence right after one with
reported speech, in the same paragraph, with no cue and no quotation marks of its own, whose
main verb is shifted back (a modal of the past, or "had" + participle) and whose subject is
not "I", "we" or "you", is reported speech of the same speaker with the same cue. At most two
such sentences follow one cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from wirewatch.records import Quote

__all__ = ["continued_claims"]

_BACKSHIFT_MODALS = frozenset({"would", "could", "might", "should", "must", "'d"})
_FIRST_SECOND = frozenset({"i", "we", "you"})
_MAX_FOLLOWING = 2


def continued_claims(sents: Sequence[Span], claims: Sequence[Quote],
                     cue_starts: Sequence[int], marked: Sequence[tuple[int, int]],
                     text: str) -> list[Quote]:
    """The sentences that carry on the reported ``claims`` (indirect quotes) of a paragraph.
    ``cue_starts``: offsets of the paragraph's cues; ``marked``: its quoted stretches."""
    out: list[Quote] = []
    for claim in claims:
        if claim.speaker is None:
            continue
        index = next((k for k, s in enumerate(sents)
                      if s.start_char <= claim.start < s.end_char), None)
        if index is None:
            continue
        for sent in sents[index + 1 : index + 1 + _MAX_FOLLOWING]:
            if not _carries_on(sent, cue_starts, marked):
                break
            start, end = _bounds(sent, text)
            if end - start < 3:
                break
            out.append(Quote(text[start:end], "indirect", claim.speaker, claim.cue, start, end,
                             claim.speaker_start, claim.speaker_end))
    return out


def _carries_on(sent: Span, cue_starts: Sequence[int], marked: Sequence[tuple[int, int]]
                ) -> bool:
    if any(sent.start_char <= c < sent.end_char for c in cue_starts):
        return False  # a sentence with its own cue is reported on its own
    if any(sent.start_char < e and s < sent.end_char for s, e in marked):
        return False
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ in _FIRST_SECOND:
        return False
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _BACKSHIFT_MODALS and a.tag_ == "MD" for a in auxes):
        return True
    return root.tag_ == "VBN" and any(a.lower_ == "had" for a in auxes)


def _bounds(sent: Span, text: str) -> tuple[int, int]:
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return sent.start_char, sent.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
