"""Memoised stand-ins for spaCy's attribute ruler and lemmatizer: same output, less Python.

In ``en_core_web_sm`` the attribute ruler (tag -> POS and morphology, ~180 Matcher patterns)
and the rule lemmatizer spend ~25 % of the pipeline's time in per-token Python. Their output
for a token depends only on what their rules read, so it is computed once per key and then
written back in bulk (``Doc.from_array``):

- attribute ruler: the token's TAG, IS_SPACE, its LOWER and DEP where some pattern names that
  value (any other value fails every pattern alike), plus, for the few two-token patterns
  ("there *is*", "let *'s*", "gon *na*"), the neighbour's LOWER, TAG and DEP when that
  neighbour could be the pattern's other token;
- lemmatizer: ORTH, POS and MORPH (what ``Lemmatizer.rule_lemmatize`` keys its own cache on).

A token whose key is not in the memo yet goes through the real component: the lemmatizer's own
per-token function, or the real ruler on a small doc of the missing tokens with their
neighbours (the DEP of a token in that doc is its DEP in the article, or a placeholder where
it had none). The output then fills the memo, so the result is the real component's. A ruler with
patterns longer than two tokens is not memoised (the wrapper is not installed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Token

from wirewatch.analyze.nlp.lemmas import RuleLemmas, for_lemmatizer

MAX_ENTRIES = 400_000  # the memo is cleared when it grows past this (bounded memory)
_RULER_OUT = [POS, MORPH, LEMMA]
_LEMMA_OUT = [LEMMA]

Component = Callable[[Doc], Doc]


def _spec_test(specs: list[Any]) -> Callable[[str], bool]:
    """Does a value meet any of these token-pattern values: a literal, ``{"IN": [...]}`` or
    ``{"REGEX": ...}``? One test: the literals and ``IN`` lists as one set, then the regexes
    (any other kind of value may match: it is assumed to, which only makes a key more specific).
    """
    literals: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for spec in specs:
        if isinstance(spec, str):
            literals.add(spec)
        elif isinstance(spec, dict) and set(spec) == {"IN"}:
            literals.update(spec["IN"])
        elif isinstance(spec, dict) and set(spec) == {"REGEX"}:
            patterns.append(re.compile(spec["REGEX"]))
        else:
            return lambda value: True
    frozen = frozenset(literals)
    return lambda value: value in frozen or any(p.search(value) for p in patterns)


def _context_tests(patterns: list[dict[str, Any]]) -> list[Callable[[str, str], bool]] | None:
    """Tests (lower, dep) -> could this token be the first of a two-token pattern.

    None when a pattern is longer than two tokens (not memoisable here).
    """
    tests: list[Callable[[str, str], bool]] = []
    for entry in patterns:
        for pattern in entry["patterns"]:
            if len(pattern) > 2:
                return None
            if len(pattern) == 2:
                first = pattern[0]
                lower_ok = _spec_test([first["LOWER"]]) if "LOWER" in first else None
                dep_ok = _spec_test([first["DEP"]]) if "DEP" in first else None

                def test(lower: str, dep: str, lower_ok: Any = lower_ok, dep_ok: Any = dep_ok
                         ) -> bool:
                    return (lower_ok is None or lower_ok(lower)) and (
                        dep_ok is None or dep_ok(dep))

                tests.append(test)
    return tests


class RulerMemo:
    """The attribute ruler, memoised on what its patterns can tell apart: the TAG, the LOWER
    and DEP only where some pattern names that value, IS_SPACE, two-token context."""

    def __init__(self, ruler: Component, patterns: list[dict[str, Any]],
                 tests: list[Callable[[str, str], bool]]) -> None:
        self.ruler = ruler
        self.patterns = patterns
        self.tests = tests
        self.memo: dict[Hashable, tuple[int, int, int]] = {}
        self._opens: dict[tuple[int, int], bool] = {}
        specs = [token for entry in patterns for pattern in entry["patterns"]
                 for token in pattern]
        self._lower_test = _spec_test([t["LOWER"] for t in specs if "LOWER" in t])
        self._dep_test = _spec_test([t["DEP"] for t in specs if "DEP" in t])
        self._lower: dict[int, tuple[int, bool]] = {}
        self._dep: dict[int, int] = {}

    def _opens_pair(self, doc: Doc, lower: int, dep: int) -> bool:
        key = (lower, dep)
        found = self._opens.get(key)
        if found is None:
            strings = doc.vocab.strings
            found = any(t(strings[lower], strings[dep] if dep else "") for t in self.tests)
            self._opens[key] = found
        return found

    def _lower_key(self, doc: Doc, lower: int) -> tuple[int, bool]:
        """(LOWER if a pattern could test true on it else 0, IS_SPACE)."""
        found = self._lower.get(lower)
        if found is None:
            text = doc.vocab.strings[lower]
            named = self._lower_test(text)
            found = self._lower[lower] = (lower if named else 0, text.isspace())
        return found

    def _dep_key(self, doc: Doc, dep: int) -> int:
        found = self._dep.get(dep)
        if found is None:
            text = doc.vocab.strings[dep] if dep else ""
            found = self._dep[dep] = dep if self._dep_test(text) else -1
        return found

    def _keys(self, doc: Doc) -> list[Hashable]:
        arr = doc.to_array([LOWER, TAG, DEP]).tolist()
        lower_known, dep_known = self._lower.get, self._dep.get  # the memoised tests, inline
        own: list[Hashable] = []
        for lower, tag, dep in arr:
            lower_key, space = lower_known(lower) or self._lower_key(doc, lower)
            dep_key = dep_known(dep)
            if dep_key is None:
                dep_key = self._dep_key(doc, dep)
            own.append((lower_key, space, tag, dep_key))
        if not self.tests:
            return own
        opens_known = self._opens.get
        opens = [opens_known((row[0], row[2])) for row in arr]
        opens = [self._opens_pair(doc, row[0], row[2]) if found is None else found
                 for row, found in zip(arr, opens, strict=True)]
        last = len(arr) - 1
        return [(key,
                 tuple(arr[i - 1]) if i > 0 and opens[i - 1] else None,
                 tuple(arr[i + 1]) if i < last and opens[i] else None)
                for i, key in enumerate(own)]

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        if not doc.has_annotation("TAG"):
            return self.ruler(doc)
        keys = self._keys(doc)
        memo = self.memo
        if len(memo) > MAX_ENTRIES:
            memo.clear()
        found = memo.get
        values = [found(key) for key in keys]  # each key hashed once when all are known
        missing = [i for i, value in enumerate(values) if value is None]
        if missing:
            self._fill(doc, keys, missing)
            values = [memo[key] for key in keys]
        doc.from_array(_RULER_OUT, cast(Any, numpy.array(values, dtype="uint64")))
        return doc

    def _fill(self, doc: Doc, keys: list[Hashable], missing: list[int]) -> None:
        """Run the real ruler on the missing tokens, each with its neighbours (all the
        context a pattern reads), in one small doc; separators match no pattern."""
        words: list[str] = []
        tags: list[str] = []
        deps: list[str] = []
        middle: list[tuple[int, int]] = []  # (index in the small doc, index in doc)
        last = len(doc) - 1
        for i in missing:
            for j in range(max(0, i - 1), min(last, i + 1) + 1):
                if j == i:
                    middle.append((len(words), i))
                token = doc[j]
                words.append(token.text)
                tags.append(token.tag_)
                deps.append(token.dep_ or "dep")
            words.append("\n")
            tags.append("_SP")
            deps.append("dep")
        small = Doc(doc.vocab, words=words, spaces=[False] * len(words), tags=tags,
                    deps=deps, heads=list(range(len(words))))
        rows = self.ruler(small).to_array(_RULER_OUT).tolist()
        for k, i in middle:
            self.memo[keys[i]] = (rows[k][0], rows[k][1], rows[k][2])

def closed_class_lemma(doc: Doc, orth: int, pos: int, morph: int,
                       rules: RuleLemmas) -> str | None:
    """The English rule lemmatizer's answer for a word whose part of speech has no rule
    tables, from its ids alone (``RuleLemmas.untabled``); None for the parts of speech that
    have tables. ``rules``: the lemmatizer's ``RuleLemmas`` (``nlp.lemmas.for_lemmatizer``)."""
    strings = doc.vocab.strings
    features = dict(f.split("=", 1) for f in strings[morph].split("|") if "=" in f) if morph else {}
    return rules.untabled(strings[orth], POS_NAMES.get(pos, "").lower(), features)


class LemmaMemo:
    """The lemmatizer, memoised on (ORTH, POS, MORPH); keeps lemmas already set."""

    def __init__(self, lemmatizer: Component, lemmatize: Callable[[Token], list[str]],
                 rules: RuleLemmas | None = None) -> None:
        self.lemmatizer = lemmatizer
        self.lemmatize = lemmatize  # the component's own per-token function
        self.rules = rules  # for spaCy's English rule lemmatizer: answers without a Token
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        memo = self.memo
        if len(memo) > MAX_ENTRIES:
            memo.clear()
        out: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(arr):
            if lemma:
                out.append(lemma)
                continue
            found = memo.get((orth, pos, morph))
            if found is None:
                closed = (closed_class_lemma(doc, orth, pos, morph, self.rules)
                          if self.rules is not None else None)
                if closed is not None:
                    found = memo[(orth, pos, morph)] = doc.vocab.strings.add(closed)
                else:
                    # what Lemmatizer.__call__ does for this token (it keeps lemmas set)
                    token = doc[i]
                    token.lemma_ = self.lemmatize(token)[0]
                    found = memo[(orth, pos, morph)] = token.lemma
            out.append(found)
        doc.from_array(_LEMMA_OUT, cast(Any, numpy.array(out, dtype="uint64").reshape(-1, 1)))
        return doc


def install_memos(nlp: Language) -> bool:
    """Replace ``attribute_ruler`` and ``lemmatizer`` (same names) by their memoised wrappers.

    Returns whether anything was replaced. A component that is not there, or a ruler whose
    patterns are not memoisable, is left alone.
    """
    changed = False
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        patterns = list(getattr(ruler, "patterns", []))
        tests = _context_tests(patterns)
        if tests is not None and not isinstance(ruler, RulerMemo):
            _swap(nlp, "attribute_ruler", RulerMemo(ruler, patterns, tests))
            changed = True
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer: Any = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule" and not isinstance(lemmatizer, LemmaMemo):
            lemmatizer(nlp.make_doc(""))  # lets the component check its tables once
            fast = for_lemmatizer(lemmatizer)  # the same answers with set look-ups
            _swap(nlp, "lemmatizer", LemmaMemo(lemmatizer, fast or lemmatizer.lemmatize, fast))
            changed = True
    return changed


def _swap(nlp: Language, name: str, component: Component) -> None:
    factory = f"wirewatch_memo_{name}_{id(component)}"
    Language.component(factory, func=component)
    index = nlp.pipe_names.index(name)
    nlp.remove_pipe(name)
    nlp.add_pipe(factory, name=name, before=nlp.pipe_names[index]
                 if index < len(nlp.pipe_names) else None)
