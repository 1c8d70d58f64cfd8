"""PLOVER gold records (322 CAMEO-manual sentences): event type micro-F1, mode and actor codes.

Run: .venv/bin/python bench/bench_plover.py [--split odd|even|all] [--errors N]

Reads ../shared/corpora/plover/plover_gsr_cameo_current.jsonl (CC BY-SA 4.0) by path. Scoring:
- type: micro P/R/F1 over (record, type) pairs; prediction = the set of types the coder emits
  for the sentence, gold = the record's one event type.
- mode: share of gold records with a mode (v0.5 mode names mapped to the current codebook)
  whose gold type was predicted with the gold mode.
- code precision: of the codes on our events (as pooled above, source and target), the share
  the gold names on either side (the accuracies above never penalise an extra code).
- source / target codes: share of records with gold codes where every gold country/IGO code
  appears among the codes of our events of the gold type (all our events if none has it).
  Our organisations carry their own codes (NATO, UN, EU, OSCE, ...); the gold uses CAMEO's
  generic class, so ours are mapped through organisations.csv's plover_code column
  (NATO/UN/EU/... -> IGO, Amnesty/HRW/MSF -> NGO, al-Qaeda/ISIL -> IMG) before comparing.
Anchors in the same run: majority class (always the most frequent gold type) and keyword-only
(any token whose lemma is a trigger lemma, no parse rules). PETRARCH2 is not runnable here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "corpora" / "plover" / "plover_gsr_cameo_current.jsonl"
OUT = ROOT / "bench" / "results" / "bench_plover.md"

# CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Mode names of PLOVER 0.5 in the gold records -> the current codebook (None: no equivalent).
MODE_MAP = {
    "host": "visit", "strike-hun": "hunger", "riot-spon": "riot", "demo-org": "demo",
    "demo-spon": "demo", "strike-gen": "strike", "assassinate": "targeted", "detain": "arrest",
    "confiscate": "seize", "ban": "restrict", "political": None, "other": None,
    "curfew": None, "martial-law": None, "destroy": None, "deport": None, "firearms": None,
}  # fmt: skip


# The figures before issue 9's round (main at dacb2d7, same bench): the round's baseline.
BEFORE_ISSUE_9 = (
    "Before issue 9's round (main at dacb2d7): type F1 held out (even) 0.811, tuning half "
    "(odd) 0.904, all 322 0.858. In that round (hazards, agency, modality from the verb chain, "
    "non-events, recall holes, confidence) the held-out half's records were never read and its "
    "figures were not used to keep or revert anything (protocol: docs/analysis-events.md).")

# Gold records whose (type, mode) the current codebook files under another type: PLOVER 0.5
# had COERCE destroy/firearms; the current codebook's ASSAULT has the destroy and firearms
# modes ("demolition of housing settlements" is ASSAULT destroy). Used only for the extra,
# clearly labelled "current codebook" row; the main rows keep the gold as published.
CODEBOOK_RELABEL = {("COERCE", "destroy"): "ASSAULT", ("COERCE", "firearms"): "ASSAULT"}


def relabelled(gold: list[dict[str, object]]) -> list[dict[str, object]]:
    out = []
    for record in gold:
        new_type = CODEBOOK_RELABEL.get((str(record["event"]), str(record.get("mode"))))
        out.append({**record, "event": new_type} if new_type else record)
    return out


def load_gold() -> list[dict[str, object]]:
    with GOLD.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    for i, record in enumerate(records):
        record["key"] = f"{i:03d}|{record['id']}"  # ids are not unique (COERCE-0004 twice)
    return records


def gold_mode(record: dict[str, object]) -> str | None:
    mode = record.get("mode")
    if not isinstance(mode, str):
        return None
    return MODE_MAP.get(mode, mode)


def codes(actors: object) -> set[str]:
    out = set()
    for actor in actors if isinstance(actors, list) else []:
        code = actor.get("code")
        if code:
            out.add(CAMEO_TO_ISO.get(code, code))
    return out


def f1_table(gold: list[dict[str, object]], pred: dict[str, set[str]]) -> dict[str, float]:
    tp = fp = fn = 0
    for record in gold:
        types = pred.get(str(record["key"]), set())
        g = record["event"]
        tp += g in types
        fn += g not in types
        fp += len(types - {g})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}


def run_coder(gold: list[dict[str, object]]) -> tuple[dict[str, list[object]], float]:
    from wirewatch.analyze.pipeline import code_texts

    items = [(str(r["key"]), str(r["text"]), None) for r in gold]
    events: dict[str, list[object]] = defaultdict(list)
    start = time.perf_counter()
    for item_id, event in code_texts(items):
        events[item_id].append(event)
    return events, time.perf_counter() - start


def keyword_baseline(gold: list[dict[str, object]]) -> dict[str, set[str]]:
    from wirewatch.analyze.events.lexicon import INTENT, trigger_rules
    from wirewatch.analyze.nlp.load import load_nlp, pipe_texts

    first_type: dict[str, str] = {}
    for (lemma, _pos), rules in trigger_rules().items():
        plain = [r for r in rules if not r.conditions] or list(rules)
        kind = plain[0].type
        first_type.setdefault(lemma, "AGREE" if kind == INTENT else kind)
    out: dict[str, set[str]] = {}
    docs = pipe_texts((str(r["text"]) for r in gold), nlp=load_nlp(), disable=())
    for record, doc in zip(gold, docs, strict=True):
        out[str(record["key"])] = {first_type[t.lemma_.lower()] for t in doc
                                  if t.lemma_.lower() in first_type}
    return out


def score(gold: list[dict[str, object]], events: dict[str, list[object]]) -> dict[str, float]:
    from wirewatch.analyze.actors.tables import plover_code

    pred = {k: {e.type for e in v} for k, v in events.items()}  # type: ignore[attr-defined]
    result = f1_table(gold, pred)
    mode_ok = mode_n = src_ok = src_n = tar_ok = tar_n = code_ok = code_n = 0
    for record in gold:
        ours = events.get(str(record["key"]), [])
        same = [e for e in ours if e.type == record["event"]]  # type: ignore[attr-defined]
        mode = gold_mode(record)
        if mode is not None:
            mode_n += 1
            mode_ok += any(e.mode == mode for e in same)  # type: ignore[attr-defined]
        pool = same or ours
        ours_src = {plover_code(a.code) for e in pool for a in e.source  # type: ignore[attr-defined]
                    if a.code}
        ours_tar = {plover_code(a.code) for e in pool for a in e.target  # type: ignore[attr-defined]
                    if a.code}
        gsrc, gtar = codes(record["actor"]), codes(record["recipient"])
        if gsrc or gtar:  # code precision: our codes that the gold names on either side
            all_ours = ours_src | ours_tar
            code_ok += len(all_ours & (gsrc | gtar))
            code_n += len(all_ours)
        if gsrc:
            src_n += 1
            src_ok += gsrc <= (ours_src | (ours_tar if not gtar else set()))
        if gtar:
            tar_n += 1
            tar_ok += gtar <= ours_tar
    result["mode_acc"] = mode_ok / mode_n if mode_n else 0.0
    result["source_acc"] = src_ok / src_n if src_n else 0.0
    result["target_acc"] = tar_ok / tar_n if tar_n else 0.0
    result["code_prec"] = code_ok / code_n if code_n else 0.0
    return result


def per_type(gold: list[dict[str, object]], pred: dict[str, set[str]]) -> list[str]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for record in gold:
        g = str(record["event"])
        types = pred.get(str(record["key"]), set())
        if g in types:
            tp[g] += 1
        else:
            fn[g] += 1
        for t in types - {g}:
            fp[t] += 1
    lines = ["| type | gold | TP | FP | FN | F1 |", "|---|---|---|---|---|---|"]
    for t in sorted(set(tp) | set(fn) | set(fp)):
        denom = 2 * tp[t] + fp[t] + fn[t]
        lines.append(f"| {t} | {tp[t] + fn[t]} | {tp[t]} | {fp[t]} | {fn[t]} | "
                     f"{2 * tp[t] / denom if denom else 0:.2f} |")
    return lines


def threshold_rows(name: str, gold: list[dict[str, object]],
                   events: dict[str, list[object]]) -> list[str]:
    """Type precision of the events and recall of the records at confidence thresholds."""
    out = []
    for threshold in (0.0, 0.6, 0.7, 0.8):
        kept = n_right = found = 0
        for record in gold:
            mine = [e for e in events.get(str(record["key"]), [])
                    if e.confidence >= threshold]  # type: ignore[attr-defined]
            right = [e for e in mine if e.type == record["event"]]  # type: ignore[attr-defined]
            kept += len(mine)
            n_right += len(right)
            found += bool(right)
        out.append(f"| {name} | {threshold:.1f} | {kept} | {n_right / max(1, kept):.3f} | "
                   f"{found / len(gold):.3f} |")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print N misses (tuning half only)")
    args = parser.parse_args()
    if not GOLD.exists():
        print(f"gold records not found at {GOLD}", file=sys.stderr)
        return 2
    gold = load_gold()
    odd = [r for i, r in enumerate(gold) if i % 2 == 1]  # the half we looked at while tuning
    even = [r for i, r in enumerate(gold) if i % 2 == 0]  # held out
    events, seconds = run_coder(gold)
    majority = Counter(str(r["event"]) for r in gold).most_common(1)[0][0]
    keyword = keyword_baseline(gold)
    rows = [
        ("wirewatch.events/1, even ids (held out, 161)", score(even, events)),
        ("wirewatch.events/1, odd ids (tuning half, 161)", score(odd, events)),
        ("wirewatch.events/1, all 322", score(gold, events)),
        (f"wirewatch.events/1, all 322, gold per current codebook "
         f"({sum(r is not q for r, q in zip(relabelled(gold), gold, strict=True))} COERCE "
         "destroy/firearms records as ASSAULT)", score(relabelled(gold), events)),
        (f"majority class ({majority}), all", f1_table(gold, {str(r["key"]): {majority}
                                                              for r in gold})),
        ("keyword-only lemmas, all", f1_table(gold, keyword)),
    ]
    header = ("| coder | type P | type R | type F1 | mode acc | source code acc | "
              "target code acc | code precision |")
    lines = [header, "|---|---|---|---|---|---|---|---|"]
    for name, res in rows:
        extra = [f"{res[k]:.3f}" if k in res else "–" for k in ("mode_acc", "source_acc",
                                                                 "target_acc", "code_prec")]
        lines.append(f"| {name} | {res['P']:.3f} | {res['R']:.3f} | {res['F1']:.3f} | "
                     + " | ".join(extra) + " |")
    pred = {k: {e.type for e in v} for k, v in events.items()}  # type: ignore[attr-defined]
    from wirewatch.analyze.pipeline import code_texts

    repeated = [(str(n), str(r["text"]), None) for n in range(5) for r in gold]
    cpu = time.process_time()
    sum(1 for _ in code_texts(repeated))
    cpu = time.process_time() - cpu
    speed = (f"first pass {len(gold) / seconds:.0f} sentences/s wall ({seconds:.1f} s, one "
             f"process, model load included); steady state {len(repeated) / cpu:.0f} "
             f"sentences per CPU second ({len(repeated)} sentences through `code_texts`)")
    table = "\n".join(lines)
    confidence = "\n".join([
        "| half | min confidence | events | type precision | record recall |",
        "|---|---|---|---|---|",
        *threshold_rows("even (held out)", even, events),
        *threshold_rows("odd (tuning)", odd, events)])
    print(table)
    print(confidence)
    print("\n".join(per_type(gold, pred)))
    print(speed)
    if args.errors:
        shown = 0
        for record in odd:
            types = pred.get(str(record["key"]), set())
            if types != {record["event"]} and shown < args.errors:
                shown += 1
                print(f"- {record['id']} gold={record['event']}/{record.get('mode')} "
                      f"ours={sorted(types)}: {record['text']}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        "# PLOVER gold records: event coding\n\n"
        "`.venv/bin/python bench/bench_plover.py` — 322 records from "
        "../shared/corpora/plover (CC BY-SA 4.0).\n\n" + table + "\n\nConfidence thresholds "
        "(the watch uses 0.6; chosen on the odd half, docs/watch.md):\n\n" + confidence
        + "\n\nPer type (all 322):\n\n"
        + "\n".join(per_type(gold, pred)) + f"\n\nSpeed: {speed}. The machine has 2 cores shared "
        "with other jobs: timings are noisy.\n\n" + BEFORE_ISSUE_9 + "\n\n"
        "Honesty: the lexicon was first written from the "
        "codebook and CAMEO2PLOVER descriptions and general English. Errors (types, modes and "
        "codes) were then inspected sentence by sentence on the odd-numbered records only (the "
        "tuning half); of the even-numbered half (held out) only aggregate per-type counts were "
        "looked at, plus the first three records of the file (two of them even), seen when "
        "reading its format. A later round of tuning (country convention, own organisation "
        "codes, target fallbacks, a few general lexicon rows) kept this protocol: errors read "
        "on odd records only, even-half figures looked at only in aggregate (totals and "
        "per-type counts) to decide whether a change was general, so the held-out half is no "
        "longer quite blind: about fifteen keep/revert decisions used its totals, a third "
        "round about nine more, and one change (future protests as THREATEN) was chosen from "
        "the even half's aggregate confusion counts; read its figure as an upper bound. The gap "
        "between the halves is the honest measure of fitting. Gold modes use PLOVER 0.5 names "
        "(host, strike-hun, riot-spon, ...), mapped to the current codebook where one exists; "
        "gold country codes are CAMEO's (JAP, ITL, VTN mapped to ISO). Our organisations carry "
        "their own codes (NATO, UN, UNSC, EU, OSCE, IAEA, ...); for this comparison they are "
        "mapped to the gold's generic class through the plover_code column of "
        "data/actors/organisations.csv (IGO for intergovernmental bodies, NGO, IMG).\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
