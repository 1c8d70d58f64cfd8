"""Build ``aeb_quotes.jsonl`` from annotation sheets that stay outside the repository.

An annotation sheet holds one record a line, tab-separated::

    kind <TAB> speaker <TAB> cue <TAB> exact substring of the body [<TAB> text just before it]

(``-`` for a null speaker or cue; ``\\n`` in the substring for a line break), one sheet per
selected body, named ``NN_<key>.tsv`` or ``ann_NN.tsv`` where NN is the body's position in the
selection (``bench_quotes_gold.select_bodies``). Each substring is located at its first
occurrence starting after the previous record's start (records are listed in text order);
the optional fifth column pins an occurrence by the text that must precede it. Records
whose substring occurs more than once in the body are listed for checking.

The output keeps offsets and a SHA-1 of the span, never the text: the corpus is not copied.

Usage: .venv/bin/python bench/quotes_gold/build_gold.py SHEET_DIR
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench_quotes_gold import GOLD, KINDS, select_bodies  # noqa: E402


def locate(body: str, text: str, after: int, prefix: str | None) -> int:
    pos = body.find(text, after)
    while prefix and pos >= 0 and not body[:pos].endswith(prefix):
        pos = body.find(text, pos + 1)
    if pos < 0:
        raise ValueError(f"not found after {after}: {text[:60]!r}")
    return pos


def read_sheet(path: Path) -> list[tuple[str, str | None, str | None, str, str | None]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) not in (4, 5) or cells[0] not in KINDS:
            raise ValueError(f"{path.name}:{number}: bad row {line[:60]!r}")
        kind, speaker, cue, text = cells[:4]
        prefix = cells[4] if len(cells) == 5 else None
        rows.append((kind, None if speaker == "-" else speaker, None if cue == "-" else cue,
                     text.replace("\\n", "\n"), prefix))
    return rows


def main() -> int:
    sheets = Path(sys.argv[1])
    selected = select_bodies()
    out: list[dict[str, object]] = []
    repeated = 0
    for index, (key, body) in enumerate(selected):
        found = [p for p in sheets.glob("*.tsv") if re.match(rf"(ann_)?{index:02d}(_|\.)", p.name)]
        if len(found) != 1:
            raise SystemExit(f"body {index} ({key}): {len(found)} sheets")
        after = 0
        for kind, speaker, cue, text, prefix in read_sheet(found[0]):
            start = locate(body, text, after, prefix)
            after = start + 1
            if body.count(text) > 1:
                repeated += 1
                print(f"repeated x{body.count(text)} in {index:02d}: {text[:50]!r} at {start}: "
                      f"...{body[max(0, start - 40):start]!r}")
            out.append({"key": key, "start": start, "end": start + len(text),
                        "sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),
                        "kind": kind, "speaker": speaker, "cue": cue})
    out.sort(key=lambda r: (selected_index(selected, str(r["key"])), r["start"]))
    GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out),
                    encoding="utf-8")
    counts = {k: sum(1 for r in out if r["kind"] == k) for k in KINDS}
    print(f"{len(out)} records in {len(selected)} bodies {counts}; {repeated} repeated; -> {GOLD}")
    return 0


def selected_index(selected: list[tuple[str, str]], key: str) -> int:
    return next(i for i, (k, _) in enumerate(selected) if k == key)


if __name__ == "__main__":
    raise SystemExit(main())
