"""Modality of an event trigger: asserted, negated, hypothetical, future, alleged or denied.

Read from the dependency parse around the trigger (spaCy tokens): negation children, hedging
modifiers ("alleged", "purported", "reportedly"), a claim verb governing the trigger ("claimed
that ..."), a denial ("denied that ...", "... an allegation denied by ..."), modal auxiliaries
and conditional clauses. The cue words are data (``data/plover/modality.json``).

Precedence, strongest first: denied > negated > alleged > hypothetical > future > asserted.
"""

from __future__ import annotations

import itertools
from typing import Any

from wirewatch.analyze.events.lexicon import modality_cues
from wirewatch.records import Modality

Token = Any  # spaCy Token (spaCy ships no type stubs)

_CONTENT_DEPS = frozenset(("ccomp", "xcomp", "parataxis", "pcomp"))
_NOT_CONTENT_DEPS = frozenset(("nsubj", "nsubjpass", "npadvmod", "appos", "advmod", "advcl",
                               "conj", "cc", "punct"))
# A verb governs an intended act through its clausal complement ("plans to attack") or the
# noun it takes ("plans an attack", "prepares for an offensive").
_INTENT_DEPS = frozenset(("xcomp", "ccomp", "dobj", "prep"))
_CLAUSE_DEPS = frozenset(("ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "conj", "ROOT"))


def _clause_chain(token: Token) -> list[Token]:
    """The trigger and its ancestors up to the sentence root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _is_negated(token: Token, negation: frozenset[str]) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
            return True
        if child.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in child.children):
            return True
    head = token.head
    # "failed to attack", "refrained from ...": a negating governor.
    return token.dep_ in ("xcomp", "pcomp") and head.lemma_.lower() in negation


def _reported_past(verb: Any) -> bool:
    """A clause reported by a past-tense verb ("said it would ..."), where "would" is the
    future seen from the past, not a hypothetical. A conjunct shares its first conjunct's
    frame ("announced it would prohibit X and would deny Y")."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not _reported_head(verb):
        verb = verb.head
    return _reported_head(verb)


def _reported_head(verb: Any) -> bool:
    head = verb.head
    return (verb.dep_ in ("ccomp", "conj") and head.tag_ in ("VBD", "VBN")
            and head.lemma_.lower() in modality_cues()["reporting_verbs"] | {"confirm"}
            and not any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children))


def _allegation_denied(sentence: Any, denying: frozenset[str], nouns: frozenset[str]) -> bool:
    """"..., an allegation (strongly) denied by X": a denial aimed at an allegation noun."""
    for tok in sentence:
        if tok.lemma_.lower() in denying and tok.pos_ == "VERB":
            if tok.head.lower_ in nouns and tok.dep_ in ("acl", "relcl"):
                return True
            if any(c.lower_ in nouns and c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                return True
    return False


def modality_of(trigger: Token, *, own_lemma: str | None = None) -> Modality:
    """The modality of the event whose trigger is ``trigger``.

    ``own_lemma`` is the trigger's own lemma, so that a denial is not "denied" itself.
    """
    cues = modality_cues()
    chain = _clause_chain(trigger)
    own = own_lemma or trigger.lemma_.lower()
    sentence = trigger.sent

    # An alleging or denying verb above the trigger ("claimed that ...", "denied that ...").
    alleged_by_claim = False
    for lower, upper in itertools.pairwise(chain):
        if lower.dep_ == "appos":
            break  # "..., an allegation denied by X": the apposition is the outlet's aside
        lemma = upper.lemma_.lower()
        if upper.pos_ != "VERB":
            continue
        if (lemma in cues["denying_verbs"] and own not in cues["denying_verbs"]
                and lower.dep_ not in _NOT_CONTENT_DEPS):
            return "denied"
        # Only the content of a claim is alleged ("claimed that X attacked"), not a phrase
        # hanging on the claim verb ("claimed ..., an allegation denied by Y").
        if lemma in cues["alleging_verbs"] and lower.dep_ in _CONTENT_DEPS:
            alleged_by_claim = True
    if alleged_by_claim and own not in cues["denying_verbs"] and _allegation_denied(
        sentence, cues["denying_verbs"], cues["allegation_nouns"]
    ):
        return "denied"

    # Negation on the trigger or on the verb that carries it (a noun trigger's governor).
    carriers = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass", "pobj"):
        carriers.append(trigger.head)
    if any(_is_negated(tok, cues["negation"]) for tok in carriers):
        return "negated"

    hedges = cues["alleged"]
    if alleged_by_claim or any(
        c.lower_ in hedges and c.dep_ in ("amod", "advmod", "compound")
        for tok in carriers
        for c in tok.children
    ):
        return "alleged"

    hypothetical = cues["hypothetical_modals"]
    future_modals = cues["future_modals"]
    marks = cues["conditional_marks"]
    future = False
    for depth, tok in enumerate(chain):
        for child in tok.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                if low == "would" and depth < 3 and _reported_past(tok):
                    future = True  # "announced it would ...": the past's future
                    continue
                if low in hypothetical and depth < 3:
                    return "hypothetical"
                if low in future_modals and depth < 3:
                    future = True
            if child.dep_ == "mark" and low in marks and depth < 3:
                return "hypothetical"
        if 0 < depth < 3 and chain[depth - 1].dep_ in _INTENT_DEPS:
            # The verb chain: "wants to strike", "is considering sending" (a wish or an
            # option) are hypothetical; "plans to seize", "is expected to retaliate" future.
            lemma = tok.lemma_.lower()
            if lemma in cues["hypothetical_verbs"]:
                return "hypothetical"
            if lemma in cues["future_verbs"]:
                future = True
        if tok.dep_ not in _CLAUSE_DEPS and depth > 2:
            break
    # "is going to attack"; "announced the start of its offensive"
    if any(c.lower_ == "going" for c in chain[1:3]) or _announced_start(chain, cues):
        future = True
    return "future" if future else "asserted"


def _announced_start(chain: list[Token], cues: dict[str, frozenset[str]]) -> bool:
    """"announced the start of a campaign of attacks": a noun event under an inception noun
    (start, launch) that a reporting verb governs is announced, not yet reported done."""
    for lower, upper in itertools.pairwise(chain[:7]):
        if lower.dep_ not in ("pobj", "prep", "dobj", "nsubjpass", "compound"):
            return False
        if lower.lemma_.lower() in cues["inception_nouns"] and lower.dep_ in ("dobj",
                                                                              "nsubjpass"):
            return upper.lemma_.lower() in cues["reporting_verbs"]
    return False
