"""Tension arithmetic and escalation alerts on small hand-made series."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wirewatch.errors import QueryError
from wirewatch.records import DyadDay, MergedEvent
from wirewatch.watch.tension import (
    QUADS,
    AlertParams,
    detect_alerts,
    dyad_days,
    event_count,
    fill_days,
)


def merged(
    day: str,
    intensity: float,
    quad: str,
    *,
    src: str = "RUS",
    tgt: str = "NATO",
    outlets: int = 1,
    n: int = 0,
) -> MergedEvent:
    return MergedEvent(
        id=f"{src}{tgt}{day}{n}",
        type="X",
        mode=None,
        source_code=src,
        target_code=tgt,
        date=day,
        first_seen=day,
        outlets=outlets,
        story_id=None,
        intensity=intensity,
        quad=quad,
    )


def test_counts_sums_means_and_tension_of_one_day() -> None:
    events = [
        merged("2024-03-01", -3.5, "VERBAL CONFLICT", n=1),
        merged("2024-03-01", -7.0, "MATERIAL CONFLICT", n=2),
        merged("2024-03-01", 2.5, "VERBAL COOPERATION", n=3),
    ]
    (day,) = dyad_days(events)
    assert (
        day.verbal_conflict,
        day.material_conflict,
        day.verbal_cooperation,
        day.material_cooperation,
    ) == (1, 1, 1, 0)
    assert day.intensity_sum == pytest.approx(-8.0)
    assert day.intensity_mean == pytest.approx(-8.0 / 3, abs=1e-3)  # rounded to 3 places
    assert day.tension == pytest.approx(8.0)
    assert event_count(day) == 3


def test_outlets_do_not_multiply_tension() -> None:
    one = dyad_days([merged("2024-03-01", -4.0, "VERBAL CONFLICT", outlets=1)])
    many = dyad_days([merged("2024-03-01", -4.0, "VERBAL CONFLICT", outlets=9)])
    assert one[0].tension == many[0].tension == pytest.approx(4.0)


def test_pairs_are_ordered_and_self_pairs_and_undated_are_left_out() -> None:
    events = [
        merged("2024-03-01", -2.0, "VERBAL CONFLICT", src="RUS", tgt="NATO"),
        merged("2024-03-01", -2.0, "VERBAL CONFLICT", src="NATO", tgt="RUS"),
        merged("2024-03-01", -2.0, "VERBAL CONFLICT", src="RUS", tgt="RUS"),
        MergedEvent(
            id="u",
            type="X",
            mode=None,
            source_code="RUS",
            target_code="UKR",
            date=None,
            first_seen=None,
            outlets=1,
            story_id=None,
            intensity=-2.0,
            quad="VERBAL CONFLICT",
        ),
    ]
    days = dyad_days(events)
    assert [(d.source, d.target) for d in days] == [("NATO", "RUS"), ("RUS", "NATO")]


def series(values: list[tuple[float, int]], start: str = "2024-03-01") -> list[DyadDay]:
    """A filled series: per day (tension, events); conflict events carry the tension."""
    first = date.fromisoformat(start)
    out = []
    for i, (tension, n) in enumerate(values):
        day = (first + timedelta(days=i)).isoformat()
        out.append(
            DyadDay("RUS", "NATO", day, 0, 0, n, 0, -tension, -tension / n if n else 0.0, tension)
        )
    return out


def test_a_spike_over_a_steady_baseline_raises_one_alert() -> None:
    values = [
        (2.0, 1),
        (3.0, 1),
        (2.0, 1),
        (2.5, 1),
        (3.0, 1),
        (2.0, 1),
        (2.5, 1),
        (2.0, 1),
        (3.0, 1),
        (2.0, 1),
        (20.0, 4),
        (2.0, 1),
    ]
    (alert,) = detect_alerts(series(values))
    assert alert.day == "2024-03-11"
    assert alert.baseline == pytest.approx(2.25)  # median of the ten days before
    # MAD of the history is 0.5 -> 0.7413, below the floor 2.0: scale 2.0
    assert alert.score == pytest.approx((20.0 - 2.25) / 2.0)
    assert alert.threshold == pytest.approx(2.25 + 3.0 * 2.0)
    assert alert.method.startswith("median-mad/v1")


def test_no_alert_without_enough_history_or_events() -> None:
    early = [(1.0, 1), (1.0, 1), (30.0, 5)]
    assert detect_alerts(series(early)) == []
    lonely = [(1.0, 1)] * 10 + [(30.0, 1)]  # one event only: below min_events
    assert detect_alerts(series(lonely)) == []
    assert len(detect_alerts(series(lonely), AlertParams(min_events=1))) == 1


def test_a_noisy_baseline_needs_a_bigger_spike() -> None:
    history = [(v, 1) for v in (1.0, 9.0, 3.0, 7.0, 5.0, 2.0, 8.0, 4.0, 6.0, 5.0)]
    # median 5, MAD 2 -> scale 2.965: 12 is 2.4 scales above, 20 is 5.1
    assert detect_alerts(series([*history, (12.0, 3)])) == []
    (alert,) = detect_alerts(series([*history, (20.0, 3)]))
    assert alert.score == pytest.approx(15.0 / (1.4826 * 2.0), abs=1e-3)


def test_sparse_series_are_filled_with_quiet_days() -> None:
    sparse = [series([(2.0, 1)])[0], series([(3.0, 1)], start="2024-03-04")[0]]
    filled = fill_days(sparse, until="2024-03-06")
    assert [d.day for d in filled] == [f"2024-03-0{i}" for i in range(1, 7)]
    assert [d.tension for d in filled] == [2.0, 0.0, 0.0, 3.0, 0.0, 0.0]


def test_fill_days_refuses_mixed_pairs_and_bad_params() -> None:
    a = series([(1.0, 1)])[0]
    b = DyadDay("USA", "CHN", "2024-03-01", 0, 0, 1, 0, -1.0, -1.0, 1.0)
    with pytest.raises(QueryError):
        fill_days([a, b])
    with pytest.raises(QueryError):
        AlertParams(min_scale=0)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=40),
            st.floats(min_value=-10, max_value=10, allow_nan=False),
            st.sampled_from(QUADS),
        ),
        max_size=40,
    )
)
def test_series_arithmetic_and_alert_invariants(
    items: list[tuple[int, float, str]],
) -> None:
    start = date(2024, 1, 1)
    events = [
        merged((start + timedelta(days=d)).isoformat(), x, q, n=i)
        for i, (d, x, q) in enumerate(items)
    ]
    days = dyad_days(events)
    assert sum(event_count(d) for d in days) == len(events)
    assert sum(d.tension for d in days) == pytest.approx(-sum(x for _, x, _ in items), abs=0.01)
    params = AlertParams()
    for alert in detect_alerts(days, params):
        day = next(d for d in days if d.day == alert.day)
        assert event_count(day) >= params.min_events
        assert alert.tension >= alert.threshold - 1e-6
        assert alert.score >= params.z_threshold
