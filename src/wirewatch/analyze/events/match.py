"""Matching tokens against the trigger lexicon, and choosing a mode.

A token is a trigger when a row of ``triggers.tsv`` has its lemma and part of speech and all the
row's conditions hold in the parse. A trigger inside the clause or phrase of another trigger
("refused to *release*", "accused X of *attacking*") is not an event of its own: the outer one
is, and the inner one gives it its mode.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from wirewatch.analyze.events.lexicon import (
    COOPERATIVE_TYPES,
    INTENT,
    NONE,
    Condition,
    TriggerRule,
    categories,
    modality_cues,
    mode_cues,
    trigger_rules,
    word_sets,
)

# Dependencies that join independent events rather than embed one in another.
_INDEPENDENT_DEPS = frozenset(("conj", "advcl", "parataxis", "appos", "ROOT"))
# npadvmod: the parser's reading of a phrasal verb's object ("broke up a march").
_OBJECT_DEPS = frozenset(("dobj", "obj", "nsubjpass", "attr", "oprd", "acomp", "dative",
                          "npadvmod"))
_CONTROL_DEPS = frozenset(("xcomp", "ccomp"))
_CLAUSE_BREAK_DEPS = frozenset(("conj", "advcl", "relcl", "parataxis", "ccomp"))


@dataclass(frozen=True, slots=True)
class Match:
    """A token matched by a trigger rule, with the embedded clause of a control frame."""

    token: Token
    rule: TriggerRule
    lemma: str
    embedded: Token | None


def token_lemma(token: Token) -> str:
    """The token's lemma, hyphenated compounds joined ("build-up" -> "buildup")."""
    lemma = (token.lemma_ or token.lower_).lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].head.i == token.i:
        return doc[token.i - 2].lower_ + lemma
    return lemma


# A noun that only modifies another ("the meeting's chairman", "ceasefire agreement") or a
# participle used as an adjective ("the occupied territories") reports no event of its own.
_MODIFIER_DEPS = frozenset(("poss", "compound", "amod", "nmod"))


def _pos(token: Token) -> str | None:
    if token.dep_ in _MODIFIER_DEPS:
        return None
    if token.pos_ == "VERB":
        return "V"
    if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_):
        return "N"  # a proper noun only outside names and dates ("since March")
    if token.pos_ == "ADJ":
        return "A"
    return None


def _object_words(token: Token) -> set[str]:
    words: set[str] = set()
    heads = [c for c in token.children if c.dep_ in _OBJECT_DEPS]
    for comp in token.children:
        if comp.dep_ in _CONTROL_DEPS:
            heads += [c for c in comp.children if c.dep_ in _OBJECT_DEPS]
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ in ("dobj", "nsubjpass", "pobj"):
            words.add(token.head.lemma_.lower())
        heads += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    for head in heads:
        words.update((head.lower_, head.lemma_.lower()))
        for mod in head.children:
            if mod.dep_ in ("compound", "amod", "conj"):
                words.update((mod.lower_, mod.lemma_.lower()))
            elif mod.dep_ == "prep" and mod.lower_ == "of":  # "700 kg of medicine"
                words.update(g.lemma_.lower() for g in mod.children if g.dep_ == "pobj")
    return words


def _holds(cond: Condition, token: Token) -> bool:
    if cond.kind == "xcomp":
        return any(c.dep_ in _CONTROL_DEPS and c.pos_ in ("VERB", "AUX") for c in token.children)
    if cond.kind == "xevent":  # "helped negotiate a truce": the helped act is the event
        return any(c.dep_ in _CONTROL_DEPS and c.pos_ == "VERB" and match_token(c) is not None
                   for c in token.children)
    if cond.kind == "ccomp":  # "protested that ...", "X is failing ..., a group protested"
        return any(c.dep_ == "ccomp" for c in token.children)
    if cond.kind == "obj":
        return bool(_object_words(token) & cond.words)
    if cond.kind == "agentless":  # "power was cut": an outage, no one's act
        return any(c.dep_ == "nsubjpass" for c in token.children) and not any(
            c.dep_ == "agent" for c in token.children)
    if cond.kind == "prep":
        return any(c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ in cond.words
                   for c in token.children) or any(
            _for_clause(c) and "for" in cond.words for c in token.children)
    if cond.kind == "prt":
        return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in cond.words
                   for c in token.children)
    if cond.kind == "question":  # "asked whether X would ...", "was asked how ..."
        return any(c.dep_ in ("ccomp", "advcl", "xcomp") and _asks(c) for c in token.children)
    if cond.kind == "pobj":
        return any(g.dep_ == "pobj" and (g.lower_ in cond.words or g.lemma_.lower() in cond.words)
                   for c in token.children if c.dep_ in ("prep", "dative") for g in c.children)
    if cond.kind == "subj":
        return any(c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in cond.words or c.lemma_.lower() in cond.words) for c in token.children)
    if cond.kind == "mod":
        return any(c.lower_ in cond.words or c.lemma_.lower() in cond.words
                   for c in token.children)
    return False


_QUESTION_MARKS = frozenset(("whether", "if", "how", "what", "why", "when", "where", "who",
                             "which", "whom"))


def _asks(clause: Token) -> bool:
    """Does the clause open with whether/if or a wh-word ("whether the army would ...")?"""
    first = clause.doc[clause.left_edge.i]
    return first.lower_ in _QUESTION_MARKS or any(
        c.dep_ in ("mark", "advmod", "nsubj", "dobj", "attr") and c.lower_ in _QUESTION_MARKS
        and c.i < clause.i for c in clause.children)


def match_token(token: Token) -> Match | None:
    """The most specific trigger rule the token satisfies, or None."""
    if token.lower_ in word_sets()["activity_heads"] and _pos(token) == "N":
        # "undertook a mediation mission", "a bombing campaign": the activity noun stands for
        # the event its noun modifier names (a modifier reports no event of its own).
        for inner in (c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"):
            found = _match_rules(token, token_lemma(inner), "N")
            if found is not None:
                return found
    pos = _pos(token)
    if pos is None:
        return None
    lemma = token_lemma(token)
    if (lemma, pos) not in trigger_rules():
        lemma = (token.lemma_ or token.lower_).lower()
    return _match_rules(token, lemma, pos)


def _match_rules(token: Token, lemma: str, pos: str) -> Match | None:
    """The first rule of (lemma, pos) whose conditions the token satisfies (None for NONE)."""
    rules = trigger_rules().get((lemma, pos))
    if rules is None:
        return None
    for rule in rules:
        if all(_holds(c, token) for c in rule.conditions):
            if rule.type == NONE:
                return None
            embedded = next((c for c in token.children if c.dep_ in _CONTROL_DEPS
                             and c.pos_ in ("VERB", "AUX")), None)
            if embedded is None:
                # "accuse X of attacking", "refrain from": the gerund under a preposition.
                embedded = next((g for c in token.children if c.dep_ == "prep"
                                 for g in c.children if g.dep_ == "pcomp"), None)
            if embedded is None:  # "pushed for the US (to) support the plan"
                embedded = next((c for c in token.children if _for_clause(c)), None)
            return Match(token=token, rule=rule, lemma=lemma, embedded=embedded)
    return None


def _for_clause(token: Token) -> bool:
    """A "for X (to) do" clause ("called for the army to withdraw"): the complement of the
    verb it hangs on, never a clause of its own."""
    return token.dep_ in ("advcl", "ccomp") and token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in token.children)


def _independent(token: Token) -> bool:
    """Does ``token`` start a clause of its own? An adverbial clause does when it is finite
    ("after X attacked"); a participle or purpose clause ("..., demanding ...", "to protest")
    is part of the event it hangs on, and so is a for-clause ("pushed for X to do")."""
    if token.dep_ != "advcl":
        return token.dep_ in _INDEPENDENT_DEPS and not _for_clause(token)
    if _for_clause(token):
        return False
    return any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in token.children)


def is_embedded(token: Token, triggers: set[int], aliases: dict[int, int] | None = None) -> bool:
    """True when an ancestor of ``token`` (not across an independent clause) is a trigger.

    ``aliases`` maps a light verb to the noun trigger it carries ("staged" -> "rallies"): the
    verb counts as a trigger for everything under it except that noun.
    """
    cur = token
    for _ in range(40):
        head = cur.head
        if head.i == cur.i:
            return False
        carried = (aliases or {}).get(head.i)
        is_trigger = head.i in triggers or (carried is not None and carried != cur.i)
        if not _independent(cur) and is_trigger:
            return True
        cur = head
    return False


def background_reason(token: Token) -> str | None:
    """Why a trigger is not a reported event: it sits in a conditional clause ("if X is
    attacked") -> ``event.conditional``; or in background ("after two days of fighting",
    "since the invasion", "when X expelled them") -> ``event.background``; else None."""
    cues = modality_cues()
    preps, nouns = cues["background_preps"], cues["background_nouns"]
    if token.dep_ == "pobj" and token.pos_ in ("NOUN", "PROPN"):
        prep = token.head
        if prep.lower_ in preps:
            return "event.background"
        holder = prep.head
        if holder.lower_ in preps:  # "because of fighting"
            return "event.background"
        # "after two days of fighting", "in response to unrest", "in the wake of the killing"
        if holder.lemma_.lower() in nouns and (
            holder.dep_ == "npadvmod"
            or (holder.dep_ == "pobj" and holder.head.lower_ in preps | {"in", "of", "as"})
        ):
            return "event.background"
    if token.dep_ == "acl" and token.tag_ == "VBN" and not any(
        c.dep_.startswith("nsubj") or c.dep_ == "agent" for c in token.children
    ):
        # "the weapons seized last year", "a letter handed over" (but not "an allegation
        # denied by the Kremlin": a named agent makes it a reported act).
        return "event.background"
    cur = token
    for _ in range(40):
        if cur.dep_ == "advcl":
            marks = {c.lower_ for c in cur.children if c.dep_ in ("mark", "advmod")}
            if marks & cues["conditional_marks"]:
                return "event.conditional"
            if marks & cues["background_marks"]:
                return "event.background"
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def embedded_match(match: Match) -> Match | None:
    """The trigger inside a control frame's clause ("refused to *release* ..."), if any."""
    if match.embedded is None:
        return None
    for tok in match.embedded.subtree:
        if tok.i == match.token.i or any(a.dep_ in _CLAUSE_BREAK_DEPS and a.i != match.embedded.i
                                         for a in _path_up(tok, match.embedded)):
            continue
        inner = match_token(tok)
        if inner is not None:
            return inner
    return None


def _path_up(token: Token, stop: Token) -> list[Token]:
    path = []
    cur = token
    while cur.i != stop.i and cur.head.i != cur.i:
        path.append(cur)
        cur = cur.head
    return path


_FROM_EMBEDDED: dict[str, dict[str, str]] = {
    "THREATEN": {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations",
                 "PROTEST": "restrict", "COERCE": "restrict", "REJECT": "relations"},
    "REQUEST": {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist", "RETREAT": "yield",
                "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet"},
    "REJECT": {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist", "RETREAT": "yield",
               "CONCEDE": "yield", "CONSULT": "meet", "AGREE": "meet"},
}
_THREAT_BY_COERCE_MODE = {"seize": "territory", "arrest": "arrest", "deport": "expel"}


def resolve_type(match: Match, inner: Match | None) -> str:
    """The PLOVER type: INTENT becomes AGREE or THREATEN after what is promised."""
    if match.rule.type != INTENT:
        return match.rule.type
    if inner is not None and inner.rule.type not in COOPERATIVE_TYPES | {INTENT}:
        return "THREATEN"
    return "AGREE"


def clause_words(token: Token) -> set[str]:
    """Lower-cased words and lemmas of the trigger's phrase, other clauses left out."""
    root = token
    # A noun's words are those of the clause it sits in ("troops remained on alert"); a
    # participle's are those of the clause it hangs on ("fired rockets, killing ...").
    for _ in range(4):
        if root.pos_ == "VERB" or root.head.i == root.i:
            break
        if root.dep_ not in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos"):
            break
        root = root.head
    if root.pos_ != "VERB":
        root = token
    elif root.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in root.children):
        root = root.head
    words: set[str] = set()
    stack = [root]
    while stack:
        tok = stack.pop()
        words.update((tok.lower_, tok.lemma_.lower()))
        stack.extend(c for c in tok.children
                     if c.dep_ not in ("conj", "relcl", "parataxis") or c.i == token.i)
    return words


def choose_mode(event_type: str, match: Match, inner: Match | None) -> str | None:
    """The row's mode, else one implied by the embedded event, else one cued by the words."""
    modes = categories()[event_type].modes
    if match.rule.mode is not None and match.rule.mode in modes:
        return match.rule.mode
    if inner is not None:
        inner_type = inner.rule.type
        if event_type == "THREATEN" and inner_type == "COERCE" and inner.rule.mode:
            return _THREAT_BY_COERCE_MODE.get(inner.rule.mode, "restrict")
        if event_type == "THREATEN" and inner_type == "SANCTION" and inner.rule.mode == "expel":
            return "expel"
        mode = _FROM_EMBEDDED.get(event_type, {}).get(inner_type)
        if mode is not None:
            return mode
    cues = mode_cues().get(event_type)
    if not cues:
        return None
    words = clause_words(match.token)
    for mode, cue_words in cues:
        if words & cue_words and mode in modes:
            return mode
    return None


@functools.cache
def trigger_lemmas() -> frozenset[str]:
    """Every lemma some trigger rule is keyed on, and the activity nouns that stand for
    their modifier's event ("a mediation mission")."""
    return frozenset(lemma for lemma, _ in trigger_rules()) | frozenset(
        word_sets()["activity_heads"])


def trigger_candidates(doc: Doc) -> tuple[int, ...]:
    """Indices, in order, of the tokens ``match_token`` or the demand rule could take: a
    trigger lemma (or its lower-case form), the word after a hyphen ("build-up"), or a
    clausal complement ("said Iraq must comply"), or an activity noun. Array passes over
    the doc's distinct word ids, no Token objects."""
    strings = doc.vocab.strings
    clausal = numpy.array([strings.add("ccomp"), strings.add("acl")], dtype="uint64")
    hyphen = strings.add("-")
    rows = doc.to_array([LEMMA, LOWER, DEP, ORTH])
    if not len(rows):
        return ()
    lemma, lower = rows[:, 0], rows[:, 1]
    keyed = numpy.where(lemma != 0, lemma, lower)  # the lemma, or the form when none was set
    distinct = numpy.unique(numpy.concatenate((keyed, lower)))
    triggers = numpy.array([key for key in distinct.tolist() if _is_trigger(strings, key)],
                           dtype="uint64")
    hit = numpy.isin(keyed, triggers) | numpy.isin(lower, triggers)
    hit |= numpy.isin(rows[:, 2], clausal)
    hit[1:] |= rows[:-1, 3] == hyphen
    return tuple(numpy.flatnonzero(hit).tolist())


_TRIGGER_KEYS: dict[int, bool] = {}  # string hash -> is its lower case a trigger lemma
_MAX_TRIGGER_KEYS = 200_000  # a bound on the memo over a long run (cleared when reached)


def _is_trigger(strings: StringStore, key: int) -> bool:
    found = _TRIGGER_KEYS.get(key)
    if found is None:
        if len(_TRIGGER_KEYS) >= _MAX_TRIGGER_KEYS:
            _TRIGGER_KEYS.clear()
        found = _TRIGGER_KEYS[key] = strings[key].lower() in trigger_lemmas()
    return found
