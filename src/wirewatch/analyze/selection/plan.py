"""Which sentences of a body need the full parse: a cheap splitter and a word-form filter.

Only a sentence that could yield a quote or an event needs tags, a dependency parse and lemmas:
one with a quotation mark (or inside a quote that runs over several sentences), a speech-cue
form (``data/quotes/cues.txt``), a reporting verb of the demand rule, or a word form of a
trigger lemma (``data/plover/triggers.tsv``, inflected here, plus ``irregular_forms.txt``).
``plan(text)`` cuts a body into contiguous runs of selected and skipped sentences; the runs
tile the text exactly (``"".join(text[r.start:r.end] for r in runs) == text``), so docs built
per run and joined keep every offset into the body (``select_docs.pipe_selected``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from wirewatch.analyze.events.lexicon import NONE, modality_cues, trigger_rules
from wirewatch.analyze.marks import marked_spans, paragraph_ranges
from wirewatch.analyze.quotes.cues import cue_table
from wirewatch.errors import ConfigError

__all__ = [
    "Run",
    "needs_parse",
    "plan",
    "selection_forms",
    "selection_table",
    "sentence_starts",
]

_PERSON_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
QUOTE_CHARS = frozenset("\"“”„‟«»‘’‚‹›〝〞＂")
# A sentence ends at . ! ? (and closing marks or brackets after it), before white space and a
# capital, a digit or an opening mark.
_BOUNDARY = re.compile(r"[.!?][\"”’'»)\]]*\s+(?=[\"“‘'«(\[]?[A-Z0-9])")
# A word before the period that does not end a sentence: initials, titles, months, "U.S."
_NO_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Rev|St|Jr|Sr"
    r"|Mt|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Co|Corp|Ltd|vs|etc|al"
    r"|approx|e\.g|i\.e)|(?:[A-Z]\.){2,}|\b[a-z]\.[a-z])\.$"
)
# An apostrophe is not a quotation mark: "Russia’s", "don't", "the leaders’ talks".
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])|(?<=s)['’](?=\s)")
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive sentences, all selected for the full parse or all skipped."""

    start: int
    end: int
    selected: bool


def _inflections(lemma: str, pos: str = "V") -> set[str]:
    """Regular forms of a verb (``V``) or noun (``N``); adjectives (``A``) as written.

    Slightly over-generated where English spelling is ambiguous (a spare form only selects
    a sentence more; a missing one loses its events).
    """
    forms = {lemma}
    if pos == "A":
        return forms
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    elif re.search(r"(?:s|x|z|ch|sh|o)$", lemma):
        forms.add(lemma + "es")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("is"):
        forms.add(lemma[:-2] + "es")  # crisis -> crises
    if pos == "N":
        return forms
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) else lemma
    forms |= {stem + "ing", lemma + "ing"} if stem != lemma else {lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma + "d")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    else:
        forms.add(lemma + "ed")
    if re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprtv]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ic"):
        forms |= {lemma + "ked", lemma + "king"}
    return forms


# A form whose every rule needs condition words: the alternatives (one per rule), each a tuple
# of word sets that must all be met (a word of each set somewhere in the sentence).
Requirement = tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True, slots=True)
class Forms:
    """The compiled selection table (``selection_table()``)."""

    free: frozenset[str]  # a form that selects its sentence on its own
    conditional: dict[str, Requirement]  # a form that needs condition words beside it
    modals: frozenset[str]  # must/should: the demand rule ("said Iraq must comply")


def _word_forms(words: frozenset[str]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        for part in word.split():
            out |= _inflections(part, "V") | _inflections(part, "N")
    return frozenset(out)


@functools.cache
def selection_table() -> Forms:
    """Word forms that make a sentence worth the full parse, from the lexicon and cue list."""
    free: set[str] = set()
    needs: dict[str, list[tuple[frozenset[str], ...]]] = {}
    verbs: dict[str, list[tuple[frozenset[str], ...]] | None] = {}  # None: selects alone
    for (lemma, pos), rules in trigger_rules().items():
        active = [r for r in rules if r.type != NONE]
        if not active:
            continue
        alternatives = [tuple(_word_forms(c.words) for c in r.conditions if c.words)
                        for r in active]
        forms: set[str] = set()
        for part in lemma.split():
            forms |= _inflections(part, pos)
        if any(not alt for alt in alternatives):
            free |= forms
        else:
            for form in forms:
                needs.setdefault(form, []).extend(alternatives)
        if pos == "V" and " " not in lemma:
            known = verbs.get(lemma, [])
            verbs[lemma] = None if known is None or any(not a for a in alternatives) else [
                *known, *alternatives]
    table = cue_table()
    free |= table.single
    for form, particles in table.phrasal.items():  # "points" selects only with "out"
        if form not in table.single:
            needs.setdefault(form, []).append((particles,))
    irregular = resources.files("wirewatch").joinpath("data", "plover", "irregular_forms.txt")
    try:
        lines = irregular.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the PLOVER data file irregular_forms.txt: {exc}") from exc
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        form, _, lemma = line.strip().lower().partition(" ")
        lemma_alternatives = verbs.get(lemma.strip())
        if lemma_alternatives is None:
            free.add(form)  # a lemma that selects alone, or a cue or modal verb's form
        else:
            needs.setdefault(form, []).extend(lemma_alternatives)
    conditional = {form: tuple(alts) for form, alts in needs.items() if form not in free}
    return Forms(frozenset(free), conditional, frozenset(modality_cues()["obligation_modals"]))


def selection_forms() -> frozenset[str]:
    """Every form that can select a sentence (alone or with condition words)."""
    table = selection_table()
    return table.free | frozenset(table.conditional) | table.modals


def _sentence_words(sentence: str) -> set[str]:
    """The lower-case words of a sentence, hyphenated words also joined and split."""
    words = {word.lower().replace("’", "'") for word in _WORD.findall(sentence)}
    for word in [w for w in words if "-" in w]:
        words.add(word.replace("-", ""))
        words.update(word.split("-"))
    return words


def needs_parse(sentence: str) -> bool:
    """Whether a sentence could yield a quote or an event: a quotation mark, a cue form, a
    must/should, or a trigger form (with one of its condition words where every rule of the
    trigger has some)."""
    if not QUOTE_CHARS.isdisjoint(sentence) and not QUOTE_CHARS.isdisjoint(
        _APOSTROPHE.sub("", sentence)
    ):
        return True
    table = selection_table()
    words = _sentence_words(sentence)
    if not words.isdisjoint(table.modals) or not words.isdisjoint(table.free):
        return True
    conditional = table.conditional
    for word in words:
        alternatives = conditional.get(word)
        if alternatives and any(all(not words.isdisjoint(need) for need in alt)
                                for alt in alternatives):
            return True
    return False


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (paragraphs never share one); 0 first."""
    starts = [0]
    for p_start, p_end in paragraph_ranges(text):
        if p_start > 0:
            starts.append(p_start)
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            before = text[max(p_start, match.start() - 12) : match.start() + 1]
            if _NO_END.search(before):
                continue
            starts.append(match.end())
    return sorted(set(starts))


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_ranges(text):
        spans.extend((s.start, s.end) for s in marked_spans(text[p_start:p_end], p_start))
    return spans


def plan(text: str, *, context: int = 0) -> list[Run]:
    """Runs of selected and skipped sentences that tile ``text``.

    ``context``: also select this many sentences before each selected one (same paragraph or
    not), for the mentions that later pronouns and titles refer to.
    """
    if not text:
        return []
    starts = sentence_starts(text)
    bounds = list(zip(starts, [*starts[1:], len(text)], strict=True))
    quoted = _quoted_ranges(text)
    keep = [
        needs_parse(text[s:e]) or any(q_start < e and s < q_end for q_start, q_end in quoted)
        for s, e in bounds
    ]
    if context:
        chosen = [i for i, k in enumerate(keep) if k]
        for i in chosen:
            # "he"/"she" may name someone two sentences back, and the person who was the
            # subject there is the likelier one: one sentence more for them
            reach = context + 1 if _PERSON_PRONOUN.search(text, *bounds[i]) else context
            for j in range(max(0, i - reach), i):
                keep[j] = True
    runs: list[Run] = []
    for (s, e), k in zip(bounds, keep, strict=True):
        if runs and runs[-1].selected == k:
            runs[-1] = Run(runs[-1].start, e, k)
        else:
            runs.append(Run(s, e, k))
    return runs
