"""spaCy's English rule lemmatizer, the same answers, with its word index as sets.

``Lemmatizer.rule_lemmatize`` tests each candidate form against the lemma index with ``in``
on a Python list (57,528 nouns), ~0.1 ms a word: most of the memoised lemmatizer's cost on
words it has not seen. ``RuleLemmas(lemmatizer)`` answers the same first lemma from the same
tables with the index as sets; ``for_lemmatizer`` returns one only for an unmodified English
rule lemmatizer (anything else keeps its own function). Checked word for word against the
component on every noun, verb, adjective and adverb of the AEB bodies
(tests/analyze/test_nlp_memo.py holds a sample).
"""

from __future__ import annotations

from typing import Any

from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline.lemmatizer import Lemmatizer
from spacy.tokens import Token

__all__ = ["RuleLemmas", "for_lemmatizer"]


class RuleLemmas:
    """``EnglishLemmatizer.rule_lemmatize(token)[0]`` with set look-ups."""

    def __init__(self, lemmatizer: Any) -> None:
        lookups = lemmatizer.lookups
        index = lookups.get_table("lemma_index", {})
        exceptions = lookups.get_table("lemma_exc", {})
        rules = lookups.get_table("lemma_rules", {})
        self.index: dict[str, frozenset[str]] = {}
        self.exceptions: dict[str, dict[str, list[str]]] = {}
        self.rules: dict[str, list[tuple[str, str]]] = {}
        self.has_tables: dict[str, bool] = {}
        for pos in ("noun", "verb", "adj", "adv", "punct", "propn"):
            self.index[pos] = frozenset(index.get(pos, []))
            self.exceptions[pos] = dict(exceptions.get(pos, {}))
            self.rules[pos] = [(old, new) for old, new in rules.get(pos, [])]
            self.has_tables[pos] = any((index.get(pos), exceptions.get(pos), rules.get(pos)))

    def untabled(self, text: str, univ_pos: str, features: dict[str, str]) -> str | None:
        """The lemma of a word whose part of speech has no rule tables (no Token needed), or
        None when it has tables."""
        if self.has_tables.get(univ_pos, False):
            return None
        if univ_pos in ("", "eol", "space") or _is_base_form(univ_pos, features):
            return text.lower()
        return text if univ_pos == "propn" else text.lower()

    def __call__(self, token: Token) -> list[str]:
        string = token.text
        univ_pos = token.pos_.lower()
        features = token.morph.to_dict()
        untabled = self.untabled(string, univ_pos, features)
        if untabled is not None:
            return [untabled]
        if _is_base_form(univ_pos, features):
            return [string.lower()]
        index = self.index[univ_pos]
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in self.rules[univ_pos]:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in self.exceptions[univ_pos].get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms


def _is_base_form(univ_pos: str, morphology: dict[str, str]) -> bool:
    """``EnglishLemmatizer.is_base_form`` on the token's part of speech and features."""
    if univ_pos == "noun" and morphology.get("Number") == "Sing":
        return True
    if univ_pos == "verb" and morphology.get("VerbForm") == "Inf":
        return True
    if univ_pos == "verb" and (morphology.get("VerbForm") == "Fin"
                               and morphology.get("Tense") == "Pres"
                               and morphology.get("Number") is None):
        return True
    if univ_pos == "adj" and morphology.get("Degree") == "Pos":
        return True
    return (morphology.get("VerbForm") in ("Inf", "None")
            or morphology.get("Degree") == "Pos")


def for_lemmatizer(lemmatizer: Any) -> RuleLemmas | None:
    """A ``RuleLemmas`` for spaCy's own English rule lemmatizer, else None."""
    if not isinstance(lemmatizer, EnglishLemmatizer) or getattr(lemmatizer, "mode", "") != "rule":
        return None
    kind = type(lemmatizer)
    if (kind.rule_lemmatize is not Lemmatizer.rule_lemmatize
            or kind.is_base_form is not EnglishLemmatizer.is_base_form):
        return None
    return RuleLemmas(lemmatizer)
