"""Actor coding: resolve_name on the actor phrases of the PLOVER gold records.

Every ``actor``/``recipient`` of ../shared/corpora/plover/plover_gsr_cameo_current.jsonl has the
phrase as written (``actorText``), a country or organisation code and often a PLOVER sector.
We code the phrase alone (no sentence context) and compare:
- code accuracy over phrases with a gold code (CAMEO's JAP/ITL/VTN mapped to ISO);
- sector accuracy over phrases whose gold sector is one of the codebook's plain sector codes.
Anchor in the same run: pycountry alone (the longest run of words that pycountry's lookup
accepts as a country name or code), which is what a dictionary-free coder would get.
Organisations carry their own codes (NATO, UN, EU, OSCE, ...); for the comparison they are mapped
to the gold's generic class (IGO, NGO, IMG) through organisations.csv's plover_code column.

Usage: .venv/bin/python bench/bench_actors.py [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import pycountry

from wirewatch.analyze.actors.mentions import resolve_name
from wirewatch.analyze.actors.tables import plover_code

ROOT = Path(__file__).resolve().parents[1]
PLOVER = ROOT.parent / "shared" / "corpora" / "plover"
GOLD = PLOVER / "plover_gsr_cameo_current.jsonl"
CODEBOOK = PLOVER / "plover_codebook.json"
OUT = ROOT / "bench" / "results" / "bench_actors.md"
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gold_rows() -> list[tuple[str, str | None, str | None]]:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for actor in record["actor"] + record["recipient"]:
            text = (actor.get("actorText") or "").strip()
            if text:
                code = actor.get("code")
                rows.append((text, CAMEO_TO_ISO.get(code, code), actor.get("sector")))
    return rows


def pycountry_only(text: str) -> str | None:
    words = re.findall(r"[\w'.-]+", text)
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            try:
                return str(pycountry.countries.lookup(" ".join(words[i : i + size])).alpha_3)
            except LookupError:
                continue
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", type=int, default=0, help="print N mis-coded phrases")
    args = parser.parse_args()
    sectors = {s["code"] for s in json.loads(CODEBOOK.read_text(encoding="utf-8"))["sector_codes"]}
    rows = gold_rows()
    coded = [r for r in rows if r[1]]
    with_sector = [r for r in rows if r[2] in sectors]
    started = time.perf_counter()
    ours = {text: resolve_name(text) for text, _, _ in rows}
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    anchor = {text: pycountry_only(text) for text, _, _ in rows}
    anchor_s = time.perf_counter() - started
    ours_code = sum(1 for t, c, _ in coded
                    if (a := ours[t]) is not None and plover_code(a.code) == c)
    anchor_code = sum(1 for t, c, _ in coded if anchor[t] == c)
    ours_sector = sum(1 for t, _, s in with_sector if (a := ours[t]) is not None and a.sector == s)
    misses = [(t, c, s, ours[t]) for t, c, s in coded if ours[t] is None
              or plover_code(ours[t].code) != c]

    def pct(a: int, b: int) -> str:
        return f"{a} of {b} ({100 * a / b:.1f} %)" if b else "n/a"

    table = "\n".join(
        [
            "## Actor coding (PLOVER gold actor phrases, coded out of context)",
            "",
            f"{len(rows)} actor phrases from {GOLD.name} (CC BY-SA 4.0); timings on a shared "
            "2-core machine, noisy.",
            "",
            "| coder | code accuracy | sector accuracy | time |",
            "|---|---|---|---|",
            f"| wirewatch resolve_name | {pct(ours_code, len(coded))} | "
            f"{pct(ours_sector, len(with_sector))} | {ours_s * 1000:.0f} ms |",
            f"| pycountry lookup only (anchor) | {pct(anchor_code, len(coded))} | – | "
            f"{anchor_s * 1000:.0f} ms |",
            "",
            "Our organisations carry their own codes (NATO, UN, EU, OSCE, ...), mapped to the "
            "gold's generic class (IGO, NGO, IMG) through the plover_code column of "
            "data/actors/organisations.csv for this comparison. Misses are mostly people "
            "without a title or country "
            '("Salaheddine Sidhoum"), events coded to a place ("car bomb" -> LBN) and '
            "ethnic sub-codes.",
        ]
    )
    print(table)
    for text, code, sector, got in misses[: args.errors]:
        print(f"  {text!r:60} gold {code}/{sector}  ours {got}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
