"""Country codes for actors the dictionaries leave uncoded, by PLOVER's convention.

PLOVER (after CAMEO) codes a domestic actor by the country where it acts: "police" in a
sentence about Serbia is SRB, "the Albanians of southern Serbia" are SRB, "opposition
parties in Nepal" are NPL. The actor stage codes names and nationality words; this module adds
the country of the place an actor's own phrase names and, for actors still without a code,
the country of the sentence:

1. the place in the actor's phrase ("in Nepal", "of southern Serbia"): ``phrase_place``;
2. the event's location ("a rally in Lagos" -> NGA);
3. the one country the sentence names (countries, demonyms, capitals and seats of power);
4. else the one country on the event's other side (a domestic interaction: "the Sudanese
   government accused Darfur rebels" -> SDN, though a Chadian mediator is named too).

Organisations' own codes (NATO, UN, ...) are never countries of a sentence.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from importlib import resources

import pycountry
from spacy.tokens import Doc, Span, Token

from wirewatch.analyze.actors.resolve import agent_suffixes, stance_prefixes
from wirewatch.analyze.actors.tables import lookup_proper, normalise_key, tables
from wirewatch.records import Actor

_PLACE_ENTS = frozenset(("GPE", "NORP", "LOC", "FAC"))
# The codebook's actor for violence nobody is named for ("two civilians were killed by a
# bomb": sector UNK); the country convention codes it by where it happened.
UNIDENTIFIED = Actor(name="unidentified", sector="UNK")
PROTESTERS = Actor(name="protesters", sector="CVL")  # PROTEST with no named actor
LOCATION_PREPS = frozenset(("in", "at", "near", "outside", "inside"))
_PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
_PLACE_PREPS = frozenset(("in", "of", "from", "inside", "within"))


@functools.cache
def ethnic_markers() -> frozenset[str]:
    """Words that make a nationality word an ethnicity (data/actors/ethnic_markers.txt)."""
    path = resources.files("wirewatch").joinpath("data", "actors", "ethnic_markers.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip().lower() for ln in lines if ln.strip() and not ln.startswith("#"))


def is_ethnic(head: Token) -> bool:
    """Is the phrase an ethnic group ("ethnic Albanians", "ethnic Turk refugees")?"""
    markers = ethnic_markers()
    return any(t.lower_ in markers for t in head.subtree if t.i <= head.i)


def _entity(doc: Doc, start: int) -> Span:
    """The entity that starts at ``start`` (a B tag), as ``doc.ents`` gives it."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob == 1:  # I
        end += 1
    first = doc[start]
    return Span(doc, start, end, label=first.ent_type, kb_id=first.ent_kb_id,
                span_id=first.ent_id)


def _ent_of(tok: Token) -> Span | None:
    """The entity of ``doc.ents`` that holds ``tok``, found from its IOB tags (``doc.ents``
    rebuilds every entity of the document on each access)."""
    doc, start = tok.doc, tok.i
    while start >= 0 and doc[start].ent_iob == 1:  # I: the entity began earlier
        start -= 1
    if start < 0 or doc[start].ent_iob != 3 or doc[start].ent_type == 0:  # B with a label
        return None
    return _entity(doc, start)


def sentence_entities(sent: Span) -> list[Span]:
    """``sent.ents`` (the entities wholly inside the sentence), from the sentence's IOB tags."""
    doc, found = sent.doc, []
    for i in range(sent.start, sent.end):
        tok = doc[i]
        if tok.ent_iob == 3 and tok.ent_type != 0:
            ent = _entity(doc, i)
            if ent.end > sent.end:
                break
            found.append(ent)
    return found


def _placeish(tok: Token, labels: frozenset[str]) -> bool:
    """A place entity; also a capital or country labelled ORG ("Baghdad" tagged ORG as the
    seat of a government): the tables, not the label, say it is a place."""
    if tok.ent_type_ in labels:
        return True
    if not tok.ent_type_:  # a proper noun no tagger named ("Lagos") that the tables place
        return tok.pos_ == "PROPN" and place_code(tok.text) is not None
    if tok.ent_type_ != "ORG":
        return False
    ent = _ent_of(tok)
    return place_code(ent.text if ent is not None else tok.text) is not None


def place_code(text: str) -> str | None:
    """The country code of a country, demonym, capital or seat-of-power name, or of a
    province or state that names one country only (pycountry's subdivisions), else None."""
    entry = lookup_proper(text)
    if entry is None or entry.kind not in ("country", "metonym"):
        key = _fold(normalise_key(text)).lower()
        return subdivisions().get(key) or known_places().get(key.removeprefix("the "))
    return entry.code


@functools.cache
def known_places() -> dict[str, str]:
    """Lower-case city or region name -> country code (data/actors/places.csv)."""
    path = resources.files("wirewatch").joinpath("data", "actors", "places.csv")
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return {_fold(normalise_key(r["name"])).lower(): r["code"] for r in csv.DictReader(lines)}


_GENERIC_SUFFIXES = (" oblast'", " oblast", " kray", " respublika", ", respublika", " province",
                     " governorate", " region", " state", " district", " avtonomnyy okrug",
                     " avtonomnaya oblast", " oblysy", " voblasc")
# Slavic adjectival region names and the English names of their centres: "Novosibirskaya" ->
# "Novosibirsk", "Donetska" -> "Donetsk", "Tyumenskaya" -> "Tyumen", "Kharkivska" -> "Kharkiv".
_SLAVIC_ENDINGS = re.compile(r"(sk)(aya|aja|iy|ij|yy|a)$")
_PERSONAL_ENDINGS = ("ov", "ev", "av", "in", "ir")  # Ivanov, Yaroslav, Vladimir
_GENERIC_WORDS = frozenset(("central", "north", "south", "east", "west", "northern",
                            "southern", "eastern", "western", "capital", "coast", "islands",
                            "lakes", "centre", "center", "upper", "lower", "city"))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).replace("'", "").replace("’", "")


@functools.cache
def subdivisions() -> dict[str, str]:
    """Lower-case province/state name (diacritics folded, "Al " and "oblast" dropped) ->
    alpha-3 code, for names that belong to one country only."""
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = _fold(str(sub.name)).lower()
        variants = {name, name.removeprefix("al ").removeprefix("al-")}
        variants |= {v.removesuffix(sfx) for v in list(variants) for sfx in _GENERIC_SUFFIXES}
        for v in [v for v in variants if " " not in v and _SLAVIC_ENDINGS.search(v)]:
            variants.add(_SLAVIC_ENDINGS.sub(r"\1", v))
            bare = _SLAVIC_ENDINGS.sub("", v)  # not a surname or first name ("Ivanov")
            if not bare.endswith(_PERSONAL_ENDINGS):
                variants.add(bare)
        for variant in variants:
            if len(variant) >= 4 and variant not in _GENERIC_WORDS:
                found.setdefault(variant, set()).add(str(country.alpha_3))
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _token_place(token: Token) -> str | None:
    """The country of the named place a token belongs to, or of its modifiers
    ("southern Serbia", "the Syrian Golan Heights")."""
    for tok in (token, *(c for c in token.children if c.dep_ in ("compound", "amod", "nmod"))):
        if _placeish(tok, _PLACE_ENTS):
            ent = _ent_of(tok)
            code = place_code(ent.text if ent is not None else tok.text)
            if code is not None:
                return code
    return None


def phrase_place(head: Token) -> str | None:
    """The country of a place the noun phrase itself names after its head: "opposition
    parties in Nepal" -> NPL, "Albanians of southern Serbia" -> SRB, "ethnic Albanian
    guerrillas operating in Macedonia" -> MKD (through a participle)."""
    holders = [head, *(c for c in head.children if c.dep_ == "acl")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    code = _token_place(pobj)
                    if code is not None:
                        return code
    return None


def _place_objects(token: Token) -> list[Token]:
    """Objects of the token's in/at/near/... phrases ("outside of X" included)."""
    preps = [c for c in token.children if c.dep_ in ("prep", "advmod")
             and c.lower_ in LOCATION_PREPS]
    preps += [g for c in preps for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    return [g for c in preps for g in c.children if g.dep_ == "pobj"]


def _of_objects(token: Token) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def location_of(trigger: Token) -> str | None:
    """A place named by an "in/at/near X" phrase of the trigger (or, for a noun, of its
    governing word) or of its direct object, also one level down ("near a police station in
    Baghdad", "outside of the city of Basra")."""
    holders = [trigger] if trigger.pos_ == "VERB" else [trigger, trigger.head]
    # "blocked streets in Hong Kong": a place on the direct object places the act too.
    holders += [c for c in holders[0].children if c.dep_ == "dobj"]
    for tok in holders:
        for pobj in _place_objects(tok):
            for place in (pobj, *_place_objects(pobj), *_of_objects(pobj)):
                if _placeish(place, _PLACE_LABELS):
                    ent = _ent_of(place)
                    return ent.text if ent is not None else place.text
    return None


def _modifier_only(ent: Span) -> bool:
    """A name used as a stance, a backer or a currency, not as a party: "anti-Syria",
    "pro-Russian", "US-backed" (but "Vietnamese-led" names the one in charge), "US $5"."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text == "-" and (
        doc[ent.start - 2].lower_ in stance_prefixes()
    ):
        return True
    if ent.start >= 1 and doc[ent.start - 1].lower_.rstrip("-") in stance_prefixes() and (
        doc[ent.start - 1].lower_.endswith("-")
    ):
        return True
    if ent.end + 1 < len(doc) and doc[ent.end].text == "-":
        return doc[ent.end + 1].lower_ not in agent_suffixes()
    # "US $50 million", "Hong Kong dollars": a currency, not a party
    return ent.end < len(doc) and doc[ent.end].lower_ in ("$", "dollar", "dollars")


def sentence_countries(sent: Span) -> tuple[str, ...]:
    """The distinct country codes the sentence names as parties, in order (not "anti-Syria",
    "US-backed")."""
    seen: dict[str, None] = {}
    for ent in sentence_entities(sent):
        if (ent.label_ in _PLACE_ENTS or (ent.label_ == "ORG" and place_code(ent.text))) and (
            not _modifier_only(ent)
        ):
            code = place_code(ent.text)
            if code is not None:
                seen.setdefault(code, None)
    for tok in sent:  # proper nouns no tagger named, placed by the tables ("Lagos")
        if not tok.ent_type_ and tok.pos_ == "PROPN" and (
            not _modifier_only(tok.doc[tok.i : tok.i + 1])
        ):
            code = place_code(tok.text)
            if code is not None:
                seen.setdefault(code, None)
    return tuple(seen)


@functools.cache
def country_codes() -> frozenset[str]:
    """Every code the actor tables give a country (not an organisation's own code)."""
    table = tables()
    entries = [*table.exact.values(), *(e for e, _ in table.folded.values())]
    return frozenset(e.code for e in entries if e.code and e.kind in ("country", "metonym"))


def _countries(actors: tuple[Actor, ...]) -> set[str]:
    known = country_codes()
    return {a.code for a in actors if a.code and a.code in known}


def fill_countries(
    source: tuple[Actor, ...],
    target: tuple[Actor, ...],
    sent: Span,
    location: str | None,
    *,
    violent: bool = False,
    assault: bool = False,
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Source and target with uncoded actors given the sentence's country (module doc).
    ``violent``: material conflict, where a bare name as the target is not given the
    source's country ("Russian troops shelled Mariupol"). ``assault``: an uncoded victim
    takes the one country the sentence names besides the attacker's ("Palestinian bombers
    killed 23 people in Tel Aviv" -> ISR), not the attacker's; so do the codebook's implicit
    protesters ("stones were thrown during demonstrations against the Israeli military": not
    ISR when the sentence names one other country)."""
    if all(a.code for a in (*source, *target)):
        return source, target
    named = sentence_countries(sent)
    # A place the tables do not know ("Mariupol") is not coded by the sentence's country:
    # "Russian troops shelled Mariupol" names only Russia.
    places = {normalise_key(e.text) for e in sentence_entities(sent)
              if e.label_ in ("GPE", "LOC", "FAC")}
    where = place_code(location) if location else None
    default = where or (named[0] if len(named) == 1 else None)

    def fill(side: tuple[Actor, ...], other: tuple[Actor, ...], *, attacked: bool
             ) -> tuple[Actor, ...]:
        others = _countries(other)
        code = default or (next(iter(others)) if len(others) == 1 else None)
        rest = [c for c in named if c not in others]
        if attacked and assault and default is None and len(rest) == 1:
            code = rest[0]  # "Palestinian bombers killed 23 people in Tel Aviv": victims of ISR
        elif side == (PROTESTERS,) and default is None and len(rest) == 1:
            code = rest[0]  # implicit protesters: not the country they protest against
        if code is None:
            return side
        out: dict[Actor, None] = {}
        for actor in side:
            if actor is UNIDENTIFIED and default is None:
                out.setdefault(actor, None)  # never the victims' country by default
                continue
            # In material conflict a bare name (no role) as the target may be a place the
            # tables do not know ("Russian troops shelled Mariupol"): it never takes the
            # attacker's country (the location's, yes).
            bare = attacked and actor.sector is None and (where is None or code != where)
            if actor.code is None and not (bare and code in others) and (
                normalise_key(actor.name) not in places
            ):
                actor = Actor(name=actor.name, code=code, sector=actor.sector)
            out.setdefault(actor, None)
        return tuple(out)

    return fill(source, target, attacked=False), fill(target, source, attacked=violent)
