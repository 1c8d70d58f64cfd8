"""Who spoke a cue, and where the text names them.

``subject_of(verb)``: the token for who performs a speech verb: its subject (a proper name
before a common noun when the parser gives two: "said study co-author Anezina Solomonidou"),
the "by" agent of a passive, the object of "according to", the noun a participle describes
("forecasters warning that …"), the object of a verb that makes someone speak ("prompted some
Twitter users to argue …"), else the subject of the verb it depends on.

``name_token(subject)``: the name inside a titled or apposed subject ("the minister, Ahmed
Karimi,", "chairman, CEO and president Craig Menear", "local resident Omar Hassan").

``speaker_of(token, actors)``: the coded actor, named by the whole noun phrase when the phrase
is a group the tables do not name ("two people familiar with the matter", "NASA's
scientists"); ``mention_span(token)``: the phrase's character offsets (``Quote.speaker_start``
/ ``speaker_end``).
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.tokens import Token

from wirewatch.analyze.actors.mentions import ArticleActors
from wirewatch.analyze.actors.resolve import determiners
from wirewatch.records import Actor

__all__ = ["adjacent_name", "mention_span", "name_token", "speaker_of", "subject_of"]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_CLIMB = frozenset({"advcl", "conj", "xcomp", "acl", "relcl", "parataxis", "ccomp"})
_PRONOUN_TAGS = frozenset({"PRP", "WP", "WDT", "PRP$"})
_NAME_LINKS = frozenset({"appos", "conj", "cc", "punct", "compound"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# right-hand parts of a speaker's noun phrase that stay in its name ("people familiar with
# the matter", "a paper published in Nature", "analysts and sources in the camp")
_PHRASE_DEPS = frozenset({"prep", "amod", "acl", "compound", "nummod", "cc", "conj", "case",
                          "npadvmod"})


def subject_of(verb: Token) -> Token | None:
    """The token naming who performs ``verb``, climbing to the governing verb if needed."""
    current = verb
    for _ in range(6):
        if current is not verb and current.dep_ != "relcl":
            agent = _agent(current)  # "… was denied by Andrew, hinting that …": Andrew hints
            if agent is not None:
                return agent
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
        if subjects:
            if current.dep_ == "relcl" and subjects[0].tag_ in {"WDT", "WP"}:
                return current.head  # "…, which said" -> the noun it describes
            names = [s for s in subjects if s.pos_ == "PROPN"]
            return names[-1] if names and len(subjects) > 1 else subjects[0]
        agent = _agent(current)
        if agent is not None:
            return agent
        if current.lower_ == "according":
            for child in current.children:
                if child.dep_ == "prep":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
        head = current.head
        if current.dep_ == "acl" and current.tag_ == "VBG" and head.pos_ in _NOUNS:
            return head  # "forecasters warning that …"
        if current.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None and obj.i < current.i:
                return obj  # "prompted some users to argue": the users argue
        if current.dep_ not in _CLIMB or head is current:
            return None
        current = head
    return None


@functools.cache
def document_nouns() -> frozenset[str]:
    """"statement", "communique": their author speaks (data/quotes/document_nouns.txt)."""
    path = resources.files("wirewatch").joinpath("data", "quotes", "document_nouns.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def _agent(verb: Token) -> Token | None:
    """The "by" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def adjacent_name(cue: Token) -> Token | None:
    """A person's name just before the cue ("… Craig Menear said") or just after it ("said
    Craig Menear"): the name's last word."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.ent_type_ == "PERSON" and before.pos_ == "PROPN":
        return before
    after = cue.i + 1
    if after < len(doc) and doc[after].ent_type_ == "PERSON" and doc[after].ent_iob_ == "B":
        end = after
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
        return doc[end]
    return None


def name_token(subject: Token) -> Token:
    """The person's name in a subject that is a title or description: its apposition or a
    name joined to it ("the minister, Ahmed Karimi,"; "chairman, CEO and president Craig
    Menear"; "local resident Omar Hassan"); the subject itself otherwise."""
    if subject.pos_ != "NOUN":
        return subject
    if subject.lower_ in document_nouns():  # "a statement from the ministry said"
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
                author = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if author is not None:
                    return name_token(author)
    for child in subject.children:  # "WeWork's parent company, The We Company,"
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_ == "ORG":
            return child
    stack = [c for c in subject.children if c.dep_ in ("appos", "conj")]
    while stack:
        token = stack.pop(0)
        if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
            return token
        stack.extend(c for c in token.children if c.dep_ in _NAME_LINKS)
    return subject


def speaker_of(token: Token | None, actors: ArticleActors) -> Actor | None:
    """The coded actor for a subject token; an unknown name still gets an Actor by name. A
    group the tables name only in part keeps the whole noun phrase as its name ("two people
    familiar with the matter": sector CVL; "NASA's scientists": code NASA)."""
    if token is None:
        return None
    found = actors.actor_for_token(token)
    if token.tag_ in _PRONOUN_TAGS or token.pos_ == "PRON":
        if found is None and token.lower_ in ("those", "these") and _has_right_modifier(token):
            return Actor(name=_strip_determiners(_phrase(token, actors.text)))
        return found
    if found is not None and (token.pos_ != "NOUN" or token.ent_type_):
        return found
    name = _strip_determiners(_phrase(token, actors.text))
    if found is None:
        return Actor(name=name) if name else None
    words = {w.lower() for w in name.replace("’", " ").replace("'", " ").split()}
    if len(name) > len(found.name) and (found.name.lower() in name.lower()
                                        or found.name.split()[-1].lower() in words):
        # a group the phrase names around a known name ("Rudolph's supporters")
        return Actor(name=name, code=found.code, sector=found.sector)
    return found  # "the minister" -> the person the article named before


def mention_span(token: Token, text: str) -> tuple[int, int]:
    """Character offsets of the speaker's mention: the noun phrase a subject heads, or a
    name with the title written before it; a name set off by commas ("the minister, Ahmed
    Karimi,"): the name alone."""
    doc = token.doc
    start = token.left_edge.i
    if token.dep_ == "appos":
        head = token.head
        between = doc[head.i + 1 : token.left_edge.i]
        if not any(t.is_punct for t in between):
            start = head.left_edge.i  # "local resident Omar Hassan"
    elif token.pos_ == "PROPN":
        start = min([token.i, *(c.i for c in token.lefts if c.dep_ == "compound")])
        while start > 0 and doc[start - 1].dep_ in ("compound", "amod") and \
                doc[start - 1].head.i in range(start, token.i + 1):
            start -= 1  # the title: "national finance director Jane Doe"
    end = token.i
    if token.pos_ != "PROPN":
        for child in token.rights:
            if child.dep_ not in _PHRASE_DEPS or child.is_punct:
                break
            end = child.right_edge.i
    first, last = doc[start], doc[end]
    while first.i < last.i and (first.is_punct or first.dep_ == "case"):
        first = doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def _phrase(token: Token, text: str) -> str:
    """The noun phrase a subject heads, with its modifiers on both sides but not a clause or
    apposition after a comma ("two people familiar with the matter", "the study's co-author")."""
    doc = token.doc
    start, end = token.left_edge.i, token.i
    for child in token.rights:
        if child.dep_ not in _PHRASE_DEPS or child.is_punct:
            break
        if child.dep_ == "acl" and child.tag_ not in ("VBN", "JJ"):
            break  # "people briefed on the talks" stays; "people who said" does not
        end = child.right_edge.i
    return text[doc[start].idx : doc[end].idx + len(doc[end].text)]


def _has_right_modifier(token: Token) -> bool:
    return any(c.dep_ in ("prep", "relcl", "acl") for c in token.rights)


def _strip_determiners(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in determiners():
        words = words[1:]  # "the coach" -> "coach"
    return " ".join(words)
