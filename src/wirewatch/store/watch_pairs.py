"""The SQL of ``dyad_pairs``, the per-pair totals that GET /dyads ranks on (``watch.pairs``)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from wirewatch.store.watch_index_schema import dyad_pairs
from wirewatch.store.watch_schema import alerts, dyad_days


def pair_row(p: Any) -> dict[str, Any]:
    return {"source": p.source, "target": p.target, "events": p.events, "tension": p.tension,
            "recent": p.recent, "prior": p.prior, "escalation": p.escalation,
            "alerts": p.alerts}


def replace_pairs(conn: sa.Connection, pairs: Iterable[tuple[str, str]],
                  rows: Sequence[Any]) -> None:
    """Delete the rows of ``pairs`` and insert ``rows`` (``PairTotals``)."""
    t = dyad_pairs
    for source, target in sorted(set(pairs) | {(r.source, r.target) for r in rows}):
        conn.execute(sa.delete(t).where(t.c.source == source, t.c.target == target))
    if rows:
        conn.execute(sa.insert(t), [pair_row(r) for r in rows])


def last_day(conn: sa.Connection) -> str | None:
    """The store's last dyad day."""
    return conn.execute(sa.select(sa.func.max(dyad_days.c.day))).scalar_one_or_none()


def alert_count(conn: sa.Connection, source: str, target: str) -> int:
    a = alerts
    return int(conn.execute(sa.select(sa.func.count()).select_from(a)
                            .where(a.c.source == source, a.c.target == target)).scalar_one())


def window_days(conn: sa.Connection, since: str) -> dict[tuple[str, str], list[tuple[str, float]]]:
    """Each pair's (day, tension) from ``since`` on, in (pair, day) order."""
    t = dyad_days
    out: dict[tuple[str, str], list[tuple[str, float]]] = {}
    query = (sa.select(t.c.source, t.c.target, t.c.day, t.c.tension).where(t.c.day >= since)
             .order_by(t.c.source, t.c.target, t.c.day))
    for source, target, day, tension in conn.execute(query):
        out.setdefault((source, target), []).append((day, float(tension)))
    return out


def pairs_in_windows(conn: sa.Connection) -> list[tuple[str, str]]:
    """Pairs whose stored recent or prior sum is not zero."""
    t = dyad_pairs
    query = (sa.select(t.c.source, t.c.target).where(sa.or_(t.c.recent != 0, t.c.prior != 0))
             .order_by(t.c.source, t.c.target))
    return [(s, g) for s, g in conn.execute(query)]


def set_windows(conn: sa.Connection, values: dict[tuple[str, str], tuple[float, float]]) -> None:
    """Set recent, prior and escalation of existing pairs."""
    t = dyad_pairs
    if not values:
        return
    update = (sa.update(t).where(t.c.source == sa.bindparam("s_"), t.c.target == sa.bindparam("t_"))
              .values(recent=sa.bindparam("r_"), prior=sa.bindparam("p_"),
                      escalation=sa.bindparam("e_")))
    conn.execute(update, [{"s_": s, "t_": g, "r_": r, "p_": p, "e_": round(r - p, 3) + 0.0}
                          for (s, g), (r, p) in sorted(values.items())])
