"""Who did it and to whom: source, target and location of an event trigger from the parse.

Actors come from the actor stage (``ArticleActors.actor_for_token``); this module decides which
noun phrases around a trigger are the source (subject, passive agent, possessor, nationality
adjective) and which the target (object, "to/with/against/on/from ..." objects, objects of the
embedded clause of a control verb)."""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from wirewatch.analyze.actors.country import is_ethnic, phrase_place, sentence_countries
from wirewatch.analyze.actors.tables import lookup_proper
from wirewatch.analyze.events.roles import (
    against_prefix,
    dedupe,
    event_noun_agents,
    holding_verb,
    is_stative_passive,
    is_theme,
    own_phrase,
    prep_objects,
    shares_passive_subject,
    state_subject,
)
from wirewatch.records import Actor

# Objects of these prepositions are targets ("attack on X", "talks with X").
TARGET_PREPS = frozenset(("to", "with", "against", "on", "upon", "toward", "towards", "into",
                          "at", "from", "of"))  # fmt: skip
# The subject of a complaint: "complained to X over/about Y" accuses Y.
GRIEVANCE_PREPS = frozenset(("over", "about"))
# Used only when nothing else names a target ("aid for Romania", "a curfew in Montenegro").
FALLBACK_TARGET_PREPS = frozenset(("for", "in", "inside", "within", "over", "between",
                                   "among"))
# Verbs that carry a noun trigger: their subject is the trigger's source ("launched an attack").
CARRIER_VERBS = frozenset(("launch", "carry", "conduct", "stage", "hold", "mount", "make",
                           "issue", "begin", "start", "continue", "resume", "plan", "prepare",
                           "announce", "order", "declare", "impose", "step", "lead", "have",
                           "give", "sign", "reach", "call", "lodge", "file", "open", "deliver",
                           "intensify", "escalate", "wage", "unleash", "threaten"))  # fmt: skip
# Place nouns whose nationality adjective names the actor behind the event
# ("a buildup on the Russian border" -> Russia's forces).
PLACE_NOUNS = frozenset(("border", "frontier", "territory", "soil", "side", "coast", "waters",
                         "airspace", "region", "capital", "bases", "base"))  # fmt: skip
_RELATIVE = frozenset(("which", "who", "that", "whom"))
_PRONOUNS = frozenset(("it", "they", "we", "he", "she"))
REPORTING_FOR_INTENT = frozenset(("say", "announce", "declare", "state", "confirm", "tell",
                                  "promise", "pledge", "vow", "indicate", "signal"))
_MOD_DEPS = frozenset(("amod", "compound", "poss", "nmod"))
_NOT_ACTORS = frozenset(("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"))


class ActorIndex(Protocol):
    """What the event coder needs from the actor stage."""

    def actor_for_token(self, token: Token) -> Actor | None: ...

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None: ...


def is_carrier(verb: Token) -> bool:
    """A light verb that carries a noun event ("launched an attack", "staged rallies")."""
    if verb.lemma_.lower() in CARRIER_VERBS:
        return True
    # The lemmatizer sometimes stumbles on these ("staged" -> "stag"): try the word itself.
    low = verb.lower_
    return any(low.startswith(v) and len(low) - len(v) <= 3 for v in CARRIER_VERBS if len(v) > 3)


def phrase_actors(head: Token, index: ActorIndex) -> tuple[Actor, ...]:
    """Actors named by the noun phrase headed by ``head``, coordinated phrases included.

    "Senior Hungarian and Romanian officials" -> Hungary, Romania (one per coordinated
    modifier); "Russia and China" -> both; "leaders of Iran" -> Iran when the head is uncoded.
    """
    found: list[Actor | None] = []
    for tok in (head, *head.conjuncts):
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.conjuncts]
        if mods:
            for mod in mods:
                for part in (mod, *mod.conjuncts):
                    found.append(index.actor_for_span(part.idx, part.idx + len(part.text)))
            continue
        actor = index.actor_for_token(tok)
        if actor is None or actor.code is None:
            actor = _with_affiliation(tok, actor, index)
        actor = _where_acting(tok, actor)
        if actor is None or actor.code is None:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            inner = _where_acting(pobj, index.actor_for_token(pobj))
                            if inner is not None and inner.code is not None:
                                # "workers of a Tehran company": the group, coded by its owner
                                actor = inner if actor is None or actor.sector is None else (
                                    Actor(name=actor.name, code=inner.code, sector=actor.sector))
        found.append(actor)
    return dedupe(found)


def _where_acting(head: Token, actor: Actor | None) -> Actor | None:
    """PLOVER codes a group by the country where it acts: "opposition parties in Nepal" ->
    NPL, "the Albanians of southern Serbia" -> SRB (a people noun gives way to the place)."""
    if actor is None:
        return None
    if actor.code is not None and is_ethnic(head):
        # "ethnic Albanian guerrillas operating in Macedonia": an ethnicity, not a state.
        return Actor(name=actor.name, code=phrase_place(head), sector=actor.sector)
    if actor.code is not None:
        entry = lookup_proper(head.text)
        people_noun = (entry is not None and entry.kind == "country" and entry.code == actor.code
                       and head.tag_ in ("NNS", "NNPS"))
        if not people_noun:
            return actor
    place = phrase_place(head)
    if place is None or place == actor.code:
        return actor
    return Actor(name=actor.name, code=place, sector=actor.sector)


def _with_affiliation(head: Token, actor: Actor | None, index: ActorIndex) -> Actor | None:
    """An uncoded head ("Congress", "Warren Christopher") takes the code of a coded modifier
    on its left ("the US Congress", "U.S. Secretary of State Warren Christopher")."""
    for left in head.lefts:
        if left.dep_ in ("det", "punct", "case"):
            continue
        for tok in left.subtree:
            found = index.actor_for_span(tok.idx, tok.idx + len(tok.text))
            if found is not None and found.code is not None:
                if actor is None:
                    return found
                return Actor(name=actor.name, code=found.code, sector=actor.sector or found.sector)
    return actor


def subject_token(verb: Token) -> Token | None:
    """The verb's subject, inherited through xcomp/conj/advcl chains when it has none.

    "Israel is opposed to X" (a stative passive) has the subject as its actor; "the minister
    was indicted by the court and will resign": an active conjunct of a passive verb shares
    its passive subject, not its agent."""
    if is_stative_passive(verb):
        return _passive_subject(verb)
    cur: Token | None = verb
    for _ in range(4):
        if cur is None:
            return None
        if cur.i != verb.i and shares_passive_subject(verb, cur):
            return _passive_subject(cur)
        for child in cur.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in _RELATIVE and cur.dep_ == "relcl":
                    return cur.head  # "Stockholm, which is hosting ..."
                return child
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        if cur.dep_ in ("xcomp", "conj", "advcl", "acomp") and cur.head.i != cur.i:
            cur = cur.head
        elif cur.dep_ == "pcomp" and _gerund_of_subject(cur):
            cur = cur.head.head  # "responded by expelling", "resorted to throwing"
        elif cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBD") and cur.head.pos_ in (
                "NOUN", "PROPN"):
            return cur.head  # an active participle's noun acts: "youths throwing stones"
        else:
            return None
    return None


def _gerund_of_subject(gerund: Token) -> bool:
    """A gerund under a preposition of a verb with no object: the verb's subject acts
    ("Russia responded by expelling"); with an object the object does ("prevented protesters
    from marching", "accused Iran of attacking")."""
    verb = gerund.head.head
    return gerund.head.dep_ == "prep" and verb.pos_ == "VERB" and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def subject_actors(verb: Token, index: ActorIndex) -> tuple[Actor, ...]:
    """Actors of the verb's subject; a pronoun falls back to the reporting clause's subject."""
    subj = subject_token(verb)
    if subj is None:
        return ()
    found = phrase_actors(subj, index)
    if not found and subj.lower_ in _PRONOUNS:
        found = _reporter_subject(verb, index)
    if not found and subj.dep_ == "nsubj" and subj.pos_ in ("NOUN", "PROPN") and (
        subj.lower_ not in _RELATIVE and not subj.like_num and subj.ent_type_ != "CARDINAL"
        and (sentence_countries(subj.sent) or phrase_place(subj))
    ):
        # "supporters of Ben Bella blocked roads in Algiers": someone acted though the tables
        # do not know them; kept by name so that the sentence's country codes them. Only
        # where the sentence names a country: elsewhere no code could follow.
        name = subj.doc[subj.left_edge.i : subj.i + 1].text.strip()
        found = (Actor(name=name, code=phrase_place(subj)),) if name else ()
    return found


def _reporter_subject(verb: Token, index: ActorIndex) -> tuple[Actor, ...]:
    """"NATO said it would ...": a pronoun subject taken as the reporting clause's subject."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return ()
        cur = cur.head
        subj = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ not in _PRONOUNS:
            return phrase_actors(subj, index)
    return ()


def announced_by_actor(verb: Token) -> bool:
    """"Iraq said it would allow ...", "the RUF announced it will return ...": the actor
    states its own intention (a reporting verb above, the clause's subject a pronoun)."""
    subj = subject_token(verb)
    if subj is None or subj.lower_ not in _PRONOUNS:
        return False
    cur = verb
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in REPORTING_FOR_INTENT:
            return True
    return False


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def verb_arguments(
    verb: Token, index: ActorIndex, *, embedded: Token | None = None
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """(source, target) of a verb trigger; ``embedded`` is the clause of a control verb."""
    source = subject_actors(verb, index)
    if not source:  # "were killed in an attack by X": the agent of the act it happened in
        source = tuple(a for g in event_noun_agents(verb) for a in phrase_actors(g, index))
    target_heads: list[Token] = []
    passive = None if is_stative_passive(verb) else _passive_subject(verb)
    if passive is not None:
        target_heads.append(passive)
    target_heads += [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    target_heads += prep_objects(verb, TARGET_PREPS)
    # "denounced as an ugly crime Serbia's suppression of ...": the object after an "as"
    # phrase, parsed as that phrase's apposition.
    target_heads += [a for o in prep_objects(verb, frozenset(("as",))) for a in o.children
                     if a.dep_ == "appos"]
    if embedded is not None:
        target_heads += [c for c in embedded.children if c.dep_ == "dobj" or (
            c.dep_ in ("nsubj", "nsubjpass") and not own_phrase(verb, c))]  # not "its troops"
        target_heads += prep_objects(embedded, TARGET_PREPS)
        for obj in [c for c in embedded.children if c.dep_ == "dobj"]:
            target_heads += [m for m in obj.children if m.dep_ in _MOD_DEPS
                             and (m.pos_ != "ADJ" or m.ent_type_)]  # not "a general strike"
    target_heads = [h for h in target_heads if not is_theme(h)]  # "sent troops to X"
    target = _actors_of(target_heads, index)
    if not _minus(target, source):
        # "aid for Romania", "a curfew in Montenegro", "arrived in Amman": only when nothing
        # else names anyone. Objects of the object count too ("70 million dollars of aid for").
        fallback = prep_objects(verb, FALLBACK_TARGET_PREPS)
        for head in (h for t in target_heads for h in (t, *t.conjuncts)):  # "artillery and
            fallback += prep_objects(head, FALLBACK_TARGET_PREPS | TARGET_PREPS)  # fire on X"
        if embedded is not None:
            fallback += prep_objects(embedded, FALLBACK_TARGET_PREPS)
        # One level further: "dispatched inspectors to the plant in central Iran", "in
        # protest against the government".
        fallback += [g for h in list(fallback)
                     for g in prep_objects(h, FALLBACK_TARGET_PREPS | TARGET_PREPS)]
        target = _actors_of(fallback, index)
    if not _minus(target, source):
        # "began a strike to protest the government's decision": the purpose clause's objects.
        target = _actors_of(purpose_objects(verb), index)
    if not _minus(target, source):
        # Last resort, deeper in the clause ("willing to send material to help defend Saudi
        # Arabia", "delivered goods to Baghdad University"), never in the subject or a date.
        top = embedded if embedded is not None else verb
        subj = {t.i for c in top.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        deep = [t for t in top.subtree if t.dep_ in ("dobj", "pobj") and t.i != top.i
                and t.i not in subj and t.ent_type_ not in _NOT_ACTORS]
        target = tuple(a for a in _actors_of(deep, index) if a.code or a.sector)
    return source, _minus(target, source)


def grievance_actors(verb: Token, index: ActorIndex) -> tuple[Actor, ...]:
    """Whoever an "over/about" phrase of a complaint names ("complained to the UN over
    Israeli air raids" -> Israel)."""
    return _actors_of(prep_objects(verb, GRIEVANCE_PREPS), index)


def purpose_objects(token: Token) -> list[Token]:
    """Objects of a purpose clause on the token ("... to protest X", "to demand from X")."""
    out: list[Token] = []
    for clause in token.children:
        if clause.dep_ not in ("advcl", "xcomp") or clause.pos_ != "VERB":
            continue
        if not any(c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in clause.children):
            continue
        objects = [c for c in clause.children if c.dep_ in ("dobj", "dative")]
        objects += prep_objects(clause, TARGET_PREPS)
        # "to show their disapproval for US policies": the object's own objects too.
        out += objects + [g for o in objects for g in prep_objects(o, TARGET_PREPS | {"for"})]
    return out


def _actors_of(heads: list[Token], index: ActorIndex) -> tuple[Actor, ...]:
    target: list[Actor] = []
    for head in heads:
        got = phrase_actors(head, index)
        if not got:
            # "all Russian proposals", "Israeli positions": the owner of what is acted on.
            # An adjective names a country or no one ("a general strike").
            got = tuple(a for mod in head.children if mod.dep_ in _MOD_DEPS
                        for a in phrase_actors(mod, index) if a.code or mod.pos_ != "ADJ")
        if not got:
            # "rejected calls by Kofi Annan", "violations by the security forces", "the
            # demonstration staged by students": the one whose act is acted on.
            holders = [head, *(c for c in head.children if c.dep_ == "acl")]
            got = tuple(a for h in holders for prep in h.children
                        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by"
                        for g in prep.children if g.dep_ == "pobj"
                        for a in phrase_actors(g, index))
        target.extend(got)
    return dedupe(target)


def noun_arguments(noun: Token, index: ActorIndex) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """(source, target) of a noun trigger ("Russia's buildup on the border with Ukraine")."""
    source: list[Actor] = []
    target: list[Actor] = []
    for child in noun.children:
        if child.dep_ in _MOD_DEPS and child.pos_ in ("PROPN", "ADJ", "NOUN", "PRON"):
            found = phrase_actors(child, index)
            if child.pos_ == "ADJ":  # "a general strike": an adjective names a country or no one
                found = tuple(a for a in found if a.code)
            if against_prefix(child):  # "anti-government protests": the government is the target
                target.extend(found)
            else:
                source.extend(found)
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            source.extend(a for g in child.children if g.dep_ == "pobj"
                          for a in phrase_actors(g, index))
        elif child.dep_ == "prep" and child.lower_ == "from":
            # "came under attack from Russian troops": an actor with a sector is the agent;
            # a bare place ("withdrawal from Afghanistan") is not.
            source.extend(a for g in child.children if g.dep_ == "pobj"
                          for a in phrase_actors(g, index) if a.sector)
    carrier = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "under" and carrier.pos_ in ("VERB", "AUX"):
        # "positions came under attack (from X)": the subject is the one attacked.
        target.extend(subject_actors(carrier, index))
    for pobj in prep_objects(noun, TARGET_PREPS):
        if pobj.lemma_.lower() in PLACE_NOUNS or pobj.lower_ in PLACE_NOUNS:
            # "on the Russian border with Ukraine": the adjective is the source side.
            for mod in pobj.children:
                if mod.dep_ in _MOD_DEPS:
                    source.extend(phrase_actors(mod, index))
            target.extend(a for inner in prep_objects(pobj, TARGET_PREPS)
                          for a in phrase_actors(inner, index))
            continue
        target.extend(phrase_actors(pobj, index))
    head = noun.head
    carried = noun.dep_ == "dobj" or (
        noun.dep_ in ("nsubjpass", "pobj") and is_carrier(head))
    if not source and carried and head.pos_ == "VERB":
        source.extend(subject_actors(head, index))
    holder = state_subject(noun)
    if not source and holder is not None:  # "troops remained on alert"
        source.extend(phrase_actors(holder, index))
    if not target and noun.dep_ == "nsubj" and head.pos_ == "VERB":
        target.extend(a for c in head.children if c.dep_ == "dobj"
                      for a in phrase_actors(c, index))
    src = dedupe(source)
    verb = holding_verb(noun)  # "staged a strike", "were engaged in ethnic cleansing"
    if not _minus(dedupe(target), src):
        heads = prep_objects(noun, FALLBACK_TARGET_PREPS | TARGET_PREPS)  # "by X" owners too
        if verb is not None:  # "were engaged in ethnic cleansing in X against Y"
            heads += prep_objects(verb, FALLBACK_TARGET_PREPS | TARGET_PREPS)
        target = list(_actors_of(heads, index))
    if not _minus(dedupe(target), src):
        # "a hunger strike to protest X", "rallies in Gaza against X": one level deeper and
        # the purpose clause of the noun or of its carrier verb.
        deeper = [g for h in prep_objects(noun, FALLBACK_TARGET_PREPS | TARGET_PREPS)
                  for g in prep_objects(h, TARGET_PREPS)]
        deeper += purpose_objects(noun)
        if verb is not None:
            # "staged a hunger strike in protest against violations by X"
            deeper += [g for h in prep_objects(verb, FALLBACK_TARGET_PREPS | TARGET_PREPS)
                       for g in prep_objects(h, TARGET_PREPS)]
            deeper += purpose_objects(verb)
        target = list(_actors_of(deeper, index))
    return src, _minus(dedupe(target), src)


def _minus(target: tuple[Actor, ...], source: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The target without the source's actors. Same country with another sector stays: a
    domestic interaction ("the Sudanese government accused Sudanese rebels", "Turkey will
    allow Turkish refugees"), as PLOVER codes domestic events X -> X."""
    kinds = {(a.code, a.sector) for a in source if a.code}
    names = {a.name for a in source}
    return tuple(a for a in target if (a.code, a.sector) not in kinds and a.name not in names)
