"""The candidate ranking behind the blind gold's selection (no wirewatch code is run).

Bodies: AEB ``articleBody`` split on newlines, stripped, empty dropped, joined with a blank
line (as bench/bench_quotes.py builds them). Pool: keys not among the 30 bodies of the quotes
gold (bench/quotes_gold: sorted keys, the first 30 with >= 4 double quotation marks), English
(>= 15 % of its a-z tokens from a short list of English function words), 120-800 words.
News ranking: hits of a fixed politics/conflict/disaster stem list per 100 words, descending.
Non-political ranking: URL path holds a business, sport or tech section word, key order.

Usage: .venv/bin/python bench/blind_gold/v1/candidates.py   (prints both rankings)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

AEB_TRUTH = Path(__file__).resolve().parents[4] / "shared" / "corpora" / "aeb" / "ground-truth.json"
MARKS = '"“”'
EN_FUNCTION = frozenset((
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "said", "by",
    "as", "at", "from", "his", "he",
))
NEWS_STEMS = (
    "president", "minister", "government", "senat", "congress", "parliament", "election",
    "campaign", "vote", "party", "impeach", "official", "police", "arrest", "court", "charg",
    "prosecut", "protest", "demonstrat", "riot", "militar", "troop", "army", "soldier",
    "attack", "kill", "war", "taliban", "sanction", "treaty", "talks", "diplomat", "embassy",
    "ambassador", "foreign", "united nations", "condemn", "accus", "threat", "prison",
    "hostage", "crash", "fire", "flood", "earthquake", "disease", "outbreak", "plague",
    "evacuat", "dead", "death", "injur", "victim", "investigat", "secretary", "border",
)
NONPOL_SECTIONS = ("business", "sport", "markets", "tech", "nfl", "nba", "soccer", "tennis")


def bodies() -> list[tuple[str, str, str]]:
    truth = json.loads(AEB_TRUTH.read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        paragraphs = [p.strip() for p in re.split(r"\n+", truth[key]["articleBody"])]
        out.append((key, "\n\n".join(p for p in paragraphs if p), truth[key]["url"]))
    return out


def quotes_gold_keys(items: list[tuple[str, str, str]]) -> set[str]:
    marked = [k for k, b, _ in items if sum(b.count(c) for c in MARKS) >= 4]
    return set(marked[:30])


def english(body: str) -> bool:
    tokens = re.findall(r"[a-z]+", body.lower())
    return bool(tokens) and sum(t in EN_FUNCTION for t in tokens) / len(tokens) >= 0.15


def pool() -> list[tuple[str, str, str]]:
    items = bodies()
    taken = quotes_gold_keys(items)
    return [(k, b, u) for k, b, u in items
            if k not in taken and english(b) and 120 <= len(b.split()) <= 800]


def news_score(body: str) -> float:
    low = body.lower()
    hits = sum(len(re.findall(r"\b" + re.escape(s), low)) for s in NEWS_STEMS)
    return 100 * hits / len(body.split())


def main() -> None:
    candidates = pool()
    print(f"pool: {len(candidates)} bodies")
    print("# news ranking (stem hits per 100 words)")
    for k, b, u in sorted(candidates, key=lambda c: (-news_score(c[1]), c[0])):
        print(f"{news_score(b):5.2f} {len(b.split()):4d} {k[:12]} {u[:100]}")
    print("# non-political ranking (section word in the URL path)")
    for k, b, u in candidates:
        path = u.split("/", 3)[-1].lower()
        if any(s in path for s in NONPOL_SECTIONS):
            print(f"{news_score(b):5.2f} {len(b.split()):4d} {k[:12]} {u[:100]}")


if __name__ == "__main__":
    main()
