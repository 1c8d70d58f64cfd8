"""Every API route with good and bad parameters, in-process through httpx.ASGITransport."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.anyio


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


async def get(client: httpx.AsyncClient, url: str, **params: Any) -> Any:
    response = await client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


async def test_articles_list_paginates_and_filters(client: httpx.AsyncClient) -> None:
    first = await get(client, "/articles", limit=5)
    assert len(first["items"]) == 5 and first["next_offset"] == 5
    published = [a["published"] for a in first["items"]]
    assert published == sorted(published, reverse=True)
    rest = await get(client, "/articles", limit=1000, offset=5)
    assert rest["next_offset"] is None
    assert len(first["items"]) + len(rest["items"]) == 16
    only = await get(client, "/articles", site="reprint.example")
    assert [a["id"] for a in only["items"]] == ["copy13"]
    march = await get(client, "/articles", since="2024-03-10", until="2024-03-11")
    assert {a["published"] for a in march["items"]} == {"2024-03-10", "2024-03-11"}


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"offset": -1},
                                    {"limit": "ten"}, {"since": "yesterday"},
                                    {"until": "2024-02-30"}])
async def test_articles_bad_parameters(client: httpx.AsyncClient, params: dict[str, Any]) -> None:
    assert_error(await client.get("/articles", params=params), 400, "invalid_parameter")


async def test_article_detail_has_body_quotes_events_and_story(client: httpx.AsyncClient) -> None:
    art = await get(client, "/articles/art13")
    assert art["body_text"] == "\n\n".join(art["body"])
    assert art["short"] is False
    for q in art["quotes"]:
        assert art["body_text"][q["start"]:q["end"]] == q["text"]
    assert [art["body_text"][q["speaker_start"]:q["speaker_end"]] for q in art["quotes"]] \
        == ["Russia"]
    for e in art["events"]:
        assert art["body_text"][e["start"]:e["end"]] == e["sentence"]
    assert art["story_id"]
    assert art["copies"] == ["copy13"]
    copy = await get(client, "/articles/copy13")
    assert copy["copy_of"] == "art13" and copy["story_id"] == art["story_id"]
    assert_error(await client.get("/articles/nope"), 404, "not_found")


async def test_events_filters(client: httpx.AsyncClient) -> None:
    everything = await get(client, "/events", limit=1000)
    assert len(everything["items"]) == 14 + 3 + 4 + 1
    rus_ukr = await get(client, "/events", source="RUS", target="UKR")
    assert {(e["source"][0]["code"], e["target"][0]["code"]) for e in rus_ukr["items"]} == {
        ("RUS", "UKR")}
    threats = await get(client, "/events", type="threaten")
    assert {e["type"] for e in threats["items"]} == {"THREATEN"} and len(threats["items"]) == 2
    ukr = await get(client, "/events", actor="UKR")
    assert len(ukr["items"]) == 2
    window = await get(client, "/events", since="2024-03-02", until="2024-03-03")
    assert {e["day"] for e in window["items"]} == {"2024-03-02", "2024-03-03"}
    site = await get(client, "/events", site="reprint.example", modality="asserted")
    assert {e["article_id"] for e in site["items"]} == {"copy13"}
    paged = await get(client, "/events", limit=2, offset=1)
    assert [e["id"] for e in paged["items"]] == [e["id"] for e in everything["items"][1:3]]


async def test_events_carry_and_filter_on_confidence(client: httpx.AsyncClient) -> None:
    everything = await get(client, "/events", limit=1000)
    assert all(0.0 <= e["confidence"] <= 1.0 for e in everything["items"])
    kept = await get(client, "/events", limit=1000, min_confidence=0.5)
    assert [e["id"] for e in kept["items"]] == [
        e["id"] for e in everything["items"] if e["confidence"] >= 0.5]


@pytest.mark.parametrize("params", [{"limit": 5000}, {"since": "2024-13-01"},
                                    {"source": "R U S"}, {"actor": "x" * 40},
                                    {"modality": "<script>"}, {"min_confidence": 1.5},
                                    {"min_confidence": "high"}])
async def test_events_bad_parameters(client: httpx.AsyncClient, params: dict[str, Any]) -> None:
    assert_error(await client.get("/events", params=params), 400, "invalid_parameter")


async def test_stories_and_story_detail(client: httpx.AsyncClient) -> None:
    multi = await get(client, "/stories", min_articles=2)
    assert len(multi["items"]) == 1
    (story,) = multi["items"]
    assert sorted(story["sites"]) == ["reprint.example", "wire.example"]
    detail = await get(client, f"/stories/{story['id']}")
    members = {m["id"]: m for m in detail["members"]}
    assert members["copy13"]["copy_of"] == "art13"
    assert all(ev["outlets"] == 1 for ev in detail["events"])  # the copy is not independent
    assert all(len(ev["mentions"]) == 2 for ev in detail["events"])
    everything = await get(client, "/stories", limit=1000)
    assert sum(s["articles"] for s in everything["items"]) == 16
    assert_error(await client.get("/stories/nope"), 404, "not_found")
    assert_error(await client.get("/stories", params={"min_articles": 0}), 400,
                 "invalid_parameter")


async def test_dyad_series_day_events_and_overview(client: httpx.AsyncClient) -> None:
    series = await get(client, "/dyads/RUS/NATO")
    days = [d["day"] for d in series["days"]]
    assert days[0] == "2024-03-01" and days[-1] == "2024-03-14"
    assert len(days) == 14  # filled daily
    assert [a["day"] for a in series["alerts"]] == ["2024-03-14"]
    later = await get(client, "/dyads/RUS/NATO", since="2024-03-10")
    assert later["days"][0]["day"] >= "2024-03-10"
    day = await get(client, "/dyads/RUS/NATO/2024-03-14")
    assert {e["type"] for e in day["events"]} == {"ACCUSE", "THREATEN", "MOBILIZE"}
    assert all(m["sentence"] for e in day["events"] for m in e["mentions"])
    empty = await get(client, "/dyads/USA/CHN")
    assert empty["days"] == [] and empty["alerts"] == []
    active = await get(client, "/dyads", order="active")
    assert (active["pairs"][0]["source"], active["pairs"][0]["target"]) == ("RUS", "NATO")
    assert len(active["pairs"][0]["spark"]) == 30
    escalating = await get(client, "/dyads", order="escalating", limit=1)
    assert len(escalating["pairs"]) == 1
    assert_error(await client.get("/dyads", params={"order": "loud"}), 400, "invalid_parameter")
    assert_error(await client.get("/dyads/RUS/NATO", params={"since": "x"}), 400,
                 "invalid_parameter")
    assert_error(await client.get("/dyads/RUS/NATO/2024-99-01"), 400, "invalid_parameter")


async def test_alerts(client: httpx.AsyncClient) -> None:
    found = await get(client, "/alerts")
    assert [(a["source"], a["target"], a["day"]) for a in found["items"]] == [
        ("RUS", "NATO", "2024-03-14")]
    assert found["items"][0]["score"] >= 3.0
    assert (await get(client, "/alerts", source="USA"))["items"] == []
    assert (await get(client, "/alerts", since="2024-03-15"))["items"] == []
    assert_error(await client.get("/alerts", params={"limit": -3}), 400, "invalid_parameter")


async def test_read_only_unknown_routes_and_openapi(client: httpx.AsyncClient) -> None:
    assert_error(await client.post("/events", json={}), 405, "method_not_allowed")
    assert_error(await client.delete("/articles/art01"), 405, "method_not_allowed")
    assert_error(await client.get("/nothing/here"), 404, "not_found")
    schema = await get(client, "/openapi.json")
    for path in ("/articles", "/articles/{article_id}", "/events", "/stories", "/alerts",
                 "/dyads/{source}/{target}"):
        assert list(schema["paths"][path]) == ["get"]
    params = {p["name"] for p in schema["paths"]["/events"]["get"]["parameters"]}
    assert {"actor", "target", "type", "modality", "since", "until", "site", "limit",
            "offset"} <= params


async def test_sql_metacharacters_are_just_values(client: httpx.AsyncClient) -> None:
    hostile = "x' OR '1'='1"
    assert (await get(client, "/articles", site=hostile))["items"] == []
    assert (await get(client, "/events", site=hostile))["items"] == []
    # Not an id at all: refused like a bad query parameter (issue 13), never run as SQL.
    assert_error(await client.get(f"/articles/{hostile}"), 400, "invalid_parameter")


async def test_no_page_that_needs_the_internet(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/docs"), 404, "not_found")
    assert_error(await client.get("/redoc"), 404, "not_found")
    for path in ("/", "/pair/RUS/NATO", "/article/art01", "/story/x"):
        page = (await client.get(path)).text
        assert "http://" not in page and "https://" not in page
    script = (await client.get("/static/dashboard.js")).text
    assert "https://" not in script
    assert ".innerHTML" not in script and "insertAdjacentHTML" not in script
