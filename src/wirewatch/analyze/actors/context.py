"""What an article says about where it is: the codes of the countries, organisations and known
people it names, read once per article.

Two decisions use them: an ambiguous name takes the reading the article calls for ("RSF" in a
story that names Sudan, Khartoum or Darfur is the Rapid Support Forces, not Reporters Without
Borders; data/actors/readings.csv, ``tables.read_in_context``), and a bare surname matches a
person of people.csv only where the article names that person's country or one of their
affiliations ("Moon" is Ban Ki-moon only in an article that names the UN or South Korea;
``tables.person_in_context``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from wirewatch.analyze.actors.country import place_code
from wirewatch.analyze.actors.tables import Entry, is_ambiguous, lookup_proper

__all__ = ["article_context"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def article_context(doc: Doc) -> frozenset[str]:
    """The codes the article's names give on their own: countries, demonyms, capitals,
    organisations, regions (places.csv, pycountry's subdivisions) and people named in full.
    Names with several readings (readings.csv) add nothing: they are what context decides."""
    codes: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in _NAME_LABELS or is_ambiguous(ent.text):
            continue
        entry = lookup_proper(ent.text)
        if entry is not None:
            codes.update(_codes(entry))
        elif ent.label_ in _PLACE_LABELS:
            code = place_code(ent.text)
            if code is not None:
                codes.add(code)
    return frozenset(codes)


def _codes(entry: Entry) -> tuple[str, ...]:
    if entry.context:
        return entry.context
    return (entry.code,) if entry.code else ()

