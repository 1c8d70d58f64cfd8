"""The analyze and code commands through Click's CliRunner."""

from __future__ import annotations

from pathlib import Path

import orjson
from click.testing import CliRunner

from wirewatch.cli import main


def test_code_reads_jsonl_from_stdin_and_skips_bad_lines() -> None:
    lines = [
        orjson.dumps({"id": "a", "text": "Israel condemned the attack on Monday.",
                      "date": "2021-12-02"}),
        b"not json",
        orjson.dumps({"id": "b", "text": "A quiet day."}),
        orjson.dumps({"id": "c"}),
        orjson.dumps({"text": "Iran rejected the offer."}),
    ]
    result = CliRunner().invoke(main, ["code", "-"], input=b"\n".join(lines) + b"\n")
    assert result.exit_code == 0, result.output
    out = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [(o["id"], o["type"]) for o in out] == [("a", "ACCUSE"), ("5", "REJECT")]
    assert out[0]["date"] == "2021-11-29"
    assert out[0]["source"][0]["code"] == "ISR"
    assert out[0]["coder"] == "wirewatch.events/1"
    assert "skipped line 2: bad_json" in result.stderr
    assert "skipped line 4: no_text" in result.stderr


def test_code_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(orjson.dumps({"id": 7, "text": "Rebels released ten hostages."}) + b"\n")
    result = CliRunner().invoke(main, ["code", str(path)])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = orjson.loads(line)
    assert record["id"] == "7" and record["type"] == "RETREAT" and record["mode"] == "release"


def test_code_filters_on_confidence() -> None:
    lines = [orjson.dumps({"id": "a", "text": "Israel condemned the attack on Monday."}),
             orjson.dumps({"id": "b", "text": "Critics condemned the decision."})]
    every = CliRunner().invoke(main, ["code", "-"], input=b"\n".join(lines) + b"\n")
    out = [orjson.loads(line) for line in every.stdout.splitlines()]
    assert all(0.0 <= o["confidence"] <= 1.0 for o in out)
    threshold = max(o["confidence"] for o in out)
    assert min(o["confidence"] for o in out) < threshold  # an uncoded speaker is less sure
    strict = CliRunner().invoke(main, ["code", "--min-confidence", str(threshold), "-"],
                                input=b"\n".join(lines) + b"\n")
    assert strict.exit_code == 0, strict.output
    kept = [orjson.loads(line) for line in strict.stdout.splitlines()]
    assert [o["id"] for o in kept] == [o["id"] for o in out if o["confidence"] >= threshold]
    assert "below --min-confidence" in strict.stderr


def test_analyze_prints_one_json_line_per_article(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Ministers condemn raid\n\n"
        "Jordan's foreign ministry condemned the raid on the village on Tuesday, saying it "
        "violated international law and endangered civilians in the region.\n\n"
        "The ministry called on the international community to act, according to a statement "
        "released in Amman on Tuesday evening by the government spokesman.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["analyze", str(page), "--format", "json"])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = orjson.loads(line)
    assert {"id", "title", "body", "body_text", "quotes", "events", "actors",
            "event_drops"} <= set(record)
    types = {e["type"] for e in record["events"]}
    assert "ACCUSE" in types
    for event in record["events"]:
        assert record["body_text"][event["start"] : event["end"]] == event["sentence"]


def test_analyze_reports_unreadable_inputs_and_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["analyze", str(empty)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "skipped" in result.stderr
