"""Merged events for the field's tools: GDELT's event-table column order, and PLOVER JSON.

Both read the merged events (one per real-world event, ``watch.merge``) with their reports
(``watch_reports``: which article and event each mention is), in one streamed query ordered
by (date, id) and, within an event, by the reports' canonical order (published, article id,
event seq): the first report gives the actor names, sectors, mode and location.

- ``export_gdelt``: tab-separated, no header, the 61 columns of the GDELT 2.0 event table in
  its order (``GDELT_COLUMNS``). CAMEO codes come from the PLOVER type and mode through
  ``data/plover/plover_cameo.tsv`` (derived from the PLOVER project's CAMEO2PLOVER table);
  columns with no counterpart in wirewatch are empty (docs/output.md says which and why).
- ``export_plover``: JSON Lines in the field names of the PLOVER manual's data format
  (Table 6.1, as in the POLECAT data set): id, date, actor, recipient, event, mode, quad_code,
  event_scale, event_loc, link (the story), text_info, cite_info (one per mention), coder.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, BinaryIO

import orjson
import sqlalchemy as sa

from wirewatch.store import schema
from wirewatch.store.core import Store
from wirewatch.store.watch_index_schema import watch_reports
from wirewatch.store.watch_schema import merged_events

ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                 "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID")
GDELT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ACTOR_COLUMNS), *(f"Actor2{c}" for c in ACTOR_COLUMNS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in GEO_COLUMNS), *(f"Actor2Geo_{c}" for c in GEO_COLUMNS),
    *(f"ActionGeo_{c}" for c in GEO_COLUMNS), "DATEADDED", "SOURCEURL",
)
QUAD_CLASS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
              "MATERIAL CONFLICT": 4}


@cache
def cameo_codes() -> dict[tuple[str, str], tuple[str, str]]:
    """(PLOVER type, mode or '') -> (CAMEO event code, CAMEO root code)."""
    text = resources.files("wirewatch").joinpath("data/plover/plover_cameo.tsv").read_text(
        "utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    out = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        out[(row["plover_type"], row["plover_mode"] or "")] = (row["cameo_code"],
                                                               row["cameo_root"])
    return out


def cameo_of(type_: str, mode: str | None) -> tuple[str, str] | None:
    """The CAMEO (event code, root code) of a PLOVER type and mode: the mode's row when the
    table has one, else the type's."""
    table = cameo_codes()
    return table.get((type_, mode or "")) or table.get((type_, ""))


@cache
def country_codes() -> frozenset[str]:
    text = resources.files("wirewatch").joinpath("data/actors/countries.csv").read_text("utf-8")
    return frozenset(ln.split(",", 1)[0] for ln in text.splitlines()[1:]
                     if ln and not ln.startswith("#"))


def _event_rows(store: Store) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each merged event (dated first, by date and id) with its reports in canonical order."""
    m, r, e, a = merged_events, watch_reports, schema.events, schema.articles
    query = (
        sa.select(m, r.c.article_id.label("r_article"), r.c.seq.label("r_seq"),
                  e.c.source_actors, e.c.target_actors, e.c.mode.label("e_mode"),
                  e.c.location, e.c.coder, e.c.sentence, e.c.start, e.c.end,
                  a.c.url, a.c.source.label("a_source"), a.c.site, a.c.title, a.c.language,
                  a.c.published, a.c.stored_at)
        .select_from(m.join(r, r.c.merged_id == m.c.id)
                     .join(e, sa.and_(e.c.article_id == r.c.article_id, e.c.seq == r.c.seq))
                     .join(a, a.c.id == r.c.article_id))
        .order_by(m.c.date.is_(None), m.c.date, m.c.id, r.c.published.is_(None),
                  r.c.published, r.c.article_id, r.c.seq)
    )
    with store.connect() as conn:
        streamed = conn.execution_options(stream_results=True, yield_per=1000)
        current: dict[str, Any] | None = None
        reports: list[dict[str, Any]] = []
        for row in streamed.execute(query).mappings():
            if current is not None and row["id"] != current["id"]:
                yield current, reports
                reports = []
            if not reports:
                current = dict(row)
            reports.append(dict(row))
        if current is not None:
            yield current, reports


def _first_actor(text: str) -> dict[str, Any]:
    actors = orjson.loads(text)
    return actors[0] if actors else {}


def _day_fields(day: str | None) -> list[str]:
    if not day:
        return ["", "", "", ""]
    d = date.fromisoformat(day)
    fraction = d.year + (d.timetuple().tm_yday - 1) / 365
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{fraction:.4f}"]


def _actor_fields(code: str | None, actor: dict[str, Any]) -> list[str]:
    country = code if code in country_codes() else ""
    return [code or "", (actor.get("name") or "").upper(), country or "", "", "", "", "",
            actor.get("sector") or "", "", ""]


def gdelt_row(event: dict[str, Any], reports: list[dict[str, Any]]) -> list[str]:
    """One merged event as the 61 fields of a GDELT 2.0 event row."""
    first = reports[0]
    cameo = cameo_of(event["type"], event["mode"])
    code, root = cameo if cameo else ("", "")
    base = code[:3]
    added = min(r["stored_at"] for r in reports)
    stamp = "".join(ch for ch in added[:19] if ch.isdigit())
    geo_empty = [""] * len(GEO_COLUMNS)
    action_geo = ["", first["location"] or "", *[""] * (len(GEO_COLUMNS) - 2)]
    return [
        str(int(event["id"][1:], 16)), *_day_fields(event["date"]),
        *_actor_fields(event["source_code"], _first_actor(first["source_actors"])),
        *_actor_fields(event["target_code"], _first_actor(first["target_actors"])),
        "", code, base, root, str(QUAD_CLASS.get(event["quad"], "")), "",
        str(event["mentions"]), str(event["outlets"]),
        str(len({r["r_article"] for r in reports})), "",
        *geo_empty, *geo_empty, *action_geo, stamp, first["url"] or first["a_source"],
    ]


def export_gdelt(store: Store, out: BinaryIO) -> int:
    """Write every merged event as a GDELT 2.0 event row (tab-separated, no header)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    n = 0
    for event, reports in _event_rows(store):
        writer.writerow(gdelt_row(event, reports))
        n += 1
    text.flush()
    text.detach()
    return n


def _entities(text: str) -> list[dict[str, Any]]:
    return [{"code": x.get("code"), "sector": x.get("sector"), "entity_text": x.get("name")}
            for x in orjson.loads(text)]


def plover_record(event: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One merged event as a PLOVER-format JSON object (manual, Table 6.1)."""
    first = reports[0]
    return {
        "id": event["id"], "date": event["date"], "actor": _entities(first["source_actors"]),
        "recipient": _entities(first["target_actors"]), "event": [event["type"]],
        "mode": [event["mode"]] if event["mode"] else [],
        "quad_code": QUAD_CLASS.get(event["quad"]), "event_scale": event["intensity"],
        "event_loc": {"extracted_place": first["location"]} if first["location"] else None,
        "link": event["story_id"], "outlets": event["outlets"], "mentions": event["mentions"],
        "text_info": [{"article_id": r["r_article"], "start": r["start"], "end": r["end"]}
                      for r in reports],
        "cite_info": [{"url": r["url"], "title": r["title"], "publication": r["site"],
                       "language": r["language"], "date": r["published"]} for r in reports],
        "coder": first["coder"], "coded_date": min(r["stored_at"] for r in reports)[:10],
        "has_event": True,
    }


def export_plover(store: Store, out: BinaryIO) -> int:
    """Write every merged event as one PLOVER JSON object per line."""
    n = 0
    for event, reports in _event_rows(store):
        out.write(orjson.dumps(plover_record(event, reports)) + b"\n")
        n += 1
    return n
