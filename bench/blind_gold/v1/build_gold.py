"""Build the blind gold's ``events.jsonl`` and ``quotes.jsonl`` from annotation sheets that
stay outside the repository (they hold corpus text).

One sheet per selected body, ``NN.txt`` (NN: the body's position in ``selection.tsv``), one
record a line, cells separated by `` | ``:

    E | anchor | TYPE | mode | source | target | modality      an event
    N | anchor | naive TYPE | reason                          a sentence with no event
    Q | kind | speaker | cue | exact span [| text just before it]   a quote

``anchor``: a substring of the body inside the event's sentence (first occurrence in the
body); the record gets that sentence's offsets (``sentences``). Actors: ``CODE/SECTOR``,
``CODE``, ``/SECTOR`` or ``-``, several joined by ``+``. ``-`` for a null mode, speaker or cue.
Quote spans are located at their first occurrence after the previous quote's start.
The output keeps offsets and SHA-1s, never text.

Usage: .venv/bin/python bench/blind_gold/v1/build_gold.py SHEET_DIR
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from candidates import bodies  # noqa: E402

FAMILY = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation", "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict",
    "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
MODALITIES = ("asserted", "negated", "hypothetical", "future", "alleged", "denied")
KINDS = ("direct", "partial", "indirect")
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "rep", "sen", "gov", "lt", "col", "gen", "st", "jr", "sr", "no",
    "inc", "co", "corp", "vs", "rt", "hon", "u.s", "u.k", "u.n", "jan", "feb", "aug", "sept",
    "oct", "nov", "dec", "d.c", "p.d", "calif", "ill", "mich", "minn", "w.va", "s.c", "s.d",
    "n.y", "mo", "mt",
))


def selection() -> list[tuple[str, str]]:
    """(key, body) in the order of ``selection.tsv``."""
    text = {k: b for k, b, _ in bodies()}
    rows = (HERE / "selection.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return [(r.split("\t")[1], text[r.split("\t")[1]]) for r in rows if r.strip()]


def sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans: paragraphs (blank-line separated) cut after . ! ? (and closing quotes
    or brackets) before a capital, a digit or an opening quote, unless the word before the
    stop is a known abbreviation or a single letter (an initial)."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", body):
        start = para.start()
        for m in re.finditer(r"[.!?][\"”’')\]]*\s+(?=[A-Z0-9\"“‘'(])", para.group()):
            word = re.search(r"([\w.]+)[.!?]$", para.group()[: m.start() + 1])
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            end = para.start() + m.end()
            spans.append((start, end))
            start = end
        spans.append((start, para.end()))
    return [(s, len(body[:e].rstrip())) for s, e in spans if body[s:e].strip()]


def actors(cell: str) -> list[dict[str, str | None]]:
    if cell in ("-", ""):
        return []
    out = []
    for part in cell.split("+"):
        code, _, sector = part.partition("/")
        out.append({"code": code or None, "sector": sector or None})
    return out


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def sentence_of(body: str, spans: list[tuple[int, int]], anchor: str) -> tuple[int, int]:
    pos = body.find(anchor)
    if pos < 0:
        raise ValueError(f"anchor not found: {anchor[:60]!r}")
    if body.find(anchor, pos + 1) >= 0:
        print(f"  note: anchor occurs more than once, first taken: {anchor[:50]!r}")
    first = [s for s in spans if s[0] <= pos < s[1]]
    last = [s for s in spans if s[0] < pos + len(anchor) <= s[1]]
    if not first or not last:
        raise ValueError(f"anchor outside any sentence: {anchor[:60]!r}")
    return first[0][0], last[0][1]


def build(sheets: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    events: list[dict[str, object]] = []
    quotes: list[dict[str, object]] = []
    for number, (key, body) in enumerate(selection(), 1):
        spans = sentences(body)
        after = 0
        for line in (sheets / f"{number:02d}.txt").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            cells = [c.strip() for c in line.split(" | ")]
            tag = cells[0]
            if tag == "E":
                _, anchor, etype, mode, src, tgt, modality = cells
                if etype not in FAMILY or modality not in MODALITIES:
                    raise ValueError(f"{number:02d}: bad event {line[:60]!r}")
                start, end = sentence_of(body, spans, anchor)
                events.append({"key": key, "start": start, "end": end,
                               "sha1": sha1(body[start:end]), "kind": "event", "type": etype,
                               "mode": None if mode == "-" else mode, "family": FAMILY[etype],
                               "source": actors(src), "target": actors(tgt),
                               "modality": modality})
            elif tag == "N":
                _, anchor, naive, reason = cells
                if naive not in FAMILY:
                    raise ValueError(f"{number:02d}: bad naive type {line[:60]!r}")
                start, end = sentence_of(body, spans, anchor)
                events.append({"key": key, "start": start, "end": end,
                               "sha1": sha1(body[start:end]), "kind": "no_event",
                               "naive_type": naive, "reason": reason})
            elif tag == "Q":
                _, kind, speaker, cue, span, *prefix = cells
                if kind not in KINDS:
                    raise ValueError(f"{number:02d}: bad quote kind {line[:60]!r}")
                pos = body.find(span, after)
                while prefix and pos >= 0 and not body[:pos].endswith(prefix[0]):
                    pos = body.find(span, pos + 1)
                if pos < 0:
                    pos = body.find(span)
                    if pos < 0:
                        raise ValueError(f"{number:02d}: quote not found {span[:60]!r}")
                    print(f"  note {number:02d}: quote found before the previous one: "
                          f"{span[:40]!r}")
                if body.count(span) > 1:
                    print(f"  note {number:02d}: quote span occurs {body.count(span)} times: "
                          f"{span[:40]!r}")
                after = pos
                quotes.append({"key": key, "start": pos, "end": pos + len(span),
                               "sha1": sha1(span), "kind": kind,
                               "speaker": None if speaker == "-" else speaker,
                               "cue": None if cue == "-" else cue})
            else:
                raise ValueError(f"{number:02d}: unknown record {line[:60]!r}")
        # an event sentence cannot also be a no-event sentence
        ev = {(e["start"], e["end"]) for e in events if e["key"] == key and e["kind"] == "event"}
        for e in events:
            if e["key"] == key and e["kind"] == "no_event" and (e["start"], e["end"]) in ev:
                raise ValueError(f"{number:02d}: a no_event sentence also has an event")
    return events, quotes


def main() -> int:
    events, quotes = build(Path(sys.argv[1]))
    for name, rows in (("events.jsonl", events), ("quotes.jsonl", quotes)):
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (HERE / name).write_text(text, encoding="utf-8")
    print(f"{sum(e['kind'] == 'event' for e in events)} events, "
          f"{sum(e['kind'] == 'no_event' for e in events)} no_event sentences, "
          f"{len(quotes)} quotes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
