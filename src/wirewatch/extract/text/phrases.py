"""Phrase lookups in a line's tokens (the chrome phrase lists, see ``text_lines``)."""

from __future__ import annotations


class PhraseTable:
    """Phrases as token tuples, for whole-word lookups in a line's tokens.

    ``find`` gives what a regex ``(?:^| )(?:p1|p2|...)(?: |$)`` over the key would: the
    leftmost match, and there the phrase listed first (the lowest rank). A line holds a phrase
    only if it holds the phrase's longest word (its anchor, usually its rarest): lines with
    no anchor at all are settled by one set test.
    """

    def __init__(self, ranked: list[tuple[str, int]]) -> None:
        self.rank: dict[tuple[str, ...], int] = {}
        self.sizes: dict[str, list[int]] = {}
        anchors: set[str] = set()
        for phrase, rank in ranked:
            tokens = tuple(phrase.split())
            if not tokens:
                continue
            anchors.add(max(tokens, key=len))
            self.rank.setdefault(tokens, rank)
            sizes = self.sizes.setdefault(tokens[0], [])
            if len(tokens) not in sizes:
                sizes.append(len(tokens))
        self.firsts = frozenset(self.sizes)
        self.anchors = frozenset(anchors)

    def find(self, tokens: list[str]) -> int | None:
        """The rank of the leftmost phrase among ``tokens`` (lowest rank there), or None."""
        if self.anchors.isdisjoint(tokens):
            return None
        sizes_of = self.sizes.get
        for start, token in enumerate(tokens):
            sizes = sizes_of(token)
            if sizes is None:
                continue
            found = [
                rank
                for size in sizes
                if (rank := self.rank.get(tuple(tokens[start : start + size]))) is not None
            ]
            if found:
                return min(found)
        return None
