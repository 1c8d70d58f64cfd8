"""Triggers in frames that report no event: questions and capacities.

- ``event.question``: the trigger lies in a question: a complement opened by whether/if, or a
  wh-word under a verb of asking ("the reporter asked whether the army would withdraw",
  "he was asked how the government would respond to the strikes").
- ``event.capacity``: the trigger is the purpose of something held ("NATO has a force to
  help members", "the army lacks the means to retake the town"): a capacity, not an act.
"""

from __future__ import annotations

from spacy.tokens import Token

_WHETHER = frozenset(("whether", "if"))
_WH_WORDS = frozenset(("how", "what", "why", "when", "where", "who", "which", "whom"))
_ASKING_VERBS = frozenset(("ask", "question", "wonder", "inquire", "enquire", "query",
                           "press", "quiz"))
_HOLDING_VERBS = frozenset(("have", "possess", "lack", "need", "maintain", "keep", "retain",
                            "acquire", "build", "get"))
_CLAUSE_DEPS = frozenset(("ccomp", "xcomp", "advcl", "acl", "relcl", "conj", "pcomp", "prep",
                          "pobj", "dobj", "nsubj", "nsubjpass", "aux", "ROOT"))


def _opener(clause: Token) -> str:
    return clause.doc[clause.left_edge.i].lower_


def _in_question(token: Token) -> bool:
    cur = token
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in ("ccomp", "xcomp", "advcl") and cur.pos_ in ("VERB", "AUX"):
            opener = _opener(cur)
            asked = head.lemma_.lower() in _ASKING_VERBS
            if (opener in _WHETHER and (asked or cur.dep_ == "ccomp")) or (
                    opener in _WH_WORDS and asked):
                return True
        if cur.dep_ not in _CLAUSE_DEPS:
            return False
        cur = head
    return False


def _is_capacity(token: Token) -> bool:
    if token.dep_ not in ("acl", "relcl") or token.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    held = token.head
    return held.dep_ == "dobj" and held.head.lemma_.lower() in _HOLDING_VERBS


def non_event_reason(token: Token) -> str | None:
    """``event.question`` or ``event.capacity`` (module doc), else None."""
    if _in_question(token):
        return "event.question"
    if _is_capacity(token):
        return "event.capacity"
    return None
