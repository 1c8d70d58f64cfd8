"""Render benchmark HTML to text the way a scraper would, keeping every line.

The scraped-text benchmarks (bench_text.py, bench_meta_text.py) need the corpora's pages as a
scraper would hand them to us: all visible text, navigation and footers included, one block per
line. inscriptis does that (it lays out block elements on their own lines and drops script and
style, nothing else). Rendered texts are cached under bench/out/render/ (git-ignored), so the
timing of a cleaner never includes the rendering.

    .venv/bin/python bench/text_render.py        # renders both corpora, prints counts
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

from inscriptis import get_text
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
AEB = SHARED / "corpora" / "aeb"
TEV = SHARED / "corpora" / "trafilatura-eval-en"
CACHE = ROOT / "bench" / "out" / "render"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_CONFIG = ParserConfig(css=CSS_PROFILES["strict"], display_images=False, display_links=False)


def decode_html(raw: bytes) -> str:
    """UTF-8 first, then the page's meta charset, then charset-normalizer."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(raw[:4096])
    if match:
        try:
            return raw.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def render_html(html: str) -> str:
    """Every visible line of ``html`` as text (inscriptis, strict CSS profile)."""
    text: str = get_text(html, _CONFIG)
    # a scraper strips trailing blanks and collapses runs of empty lines
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def _cached(kind: str, key: str, html_loader: object) -> str:
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    path = CACHE / kind / f"{digest}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    assert callable(html_loader)
    text = render_html(html_loader())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def aeb_ids() -> list[str]:
    return sorted(p.name.split(".")[0] for p in (AEB / "html").glob("*.html.gz"))


def aeb_html(doc_id: str) -> str:
    with gzip.open(AEB / "html" / f"{doc_id}.html.gz", "rb") as handle:
        return handle.read().decode("utf-8", errors="replace")


def render_aeb() -> dict[str, str]:
    """{AEB id: rendered text} for the 181 AEB pages."""
    return {i: _cached("aeb", i, lambda i=i: aeb_html(i)) for i in aeb_ids()}


def tev_entries() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        (TEV / "evaldata-en.json").read_text(encoding="utf-8")
    )
    return data


def tev_html(name: str) -> str:
    return decode_html((TEV / "pages" / name).read_bytes())


def render_tev() -> dict[str, str]:
    """{trafilatura-eval URL: rendered text} for pages whose file exists."""
    out: dict[str, str] = {}
    for url, entry in tev_entries().items():
        name = str(entry["file"])
        if not (TEV / "pages" / name).exists():
            continue
        out[url] = _cached("tev", name, lambda name=name: tev_html(name))
    return out


def main() -> int:
    aeb = render_aeb()
    tev = render_tev()
    print(f"rendered {len(aeb)} AEB pages and {len(tev)} trafilatura-eval-en pages into {CACHE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
