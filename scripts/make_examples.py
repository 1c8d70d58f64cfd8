"""Write the bundled sample input of ``make run`` into examples/ (fictional articles).

Every outlet, byline and article here is invented for wirewatch's demonstration; the actors
are real states and organisations so that the event coder has something to code. The set
spans four weeks (2024-03-01 .. 2024-03-28) and mixes:

- HTML pages and scraped-text pages (a ``date YYYY-MM-DD`` first line, navigation and footer
  chrome around the body, like pages rendered to text by a crawler);
- wire stories republished by other outlets (new headline, a paragraph dropped, a note
  added): the duplicates the stories stage must find;
- the same story written independently by two outlets: grouped into one story;
- a slow rise of Russia-NATO and Russia-Ukraine hostility ending in an escalation in the
  last week (the dashboard shows alerts), beside calmer US-China and China-Russia relations.

Run: ``.venv/bin/python scripts/make_examples.py`` (deterministic; rewrites examples/pages).
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from examples_content import OUTLETS, STORIES, Outlet

OUT = Path(__file__).resolve().parents[1] / "examples" / "pages"
START = date(2024, 3, 1)


@dataclass(frozen=True)
class Version:
    outlet: str
    headline: str
    paragraphs: tuple[str, ...]
    when: datetime
    byline: str
    copy_of: str | None = None
    related: tuple[str, ...] = field(default=())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def republish(original: Version, outlet: str, headline: str, hours: int) -> Version:
    """A syndicated copy: new headline, last paragraph dropped, a credit line added."""
    wire = OUTLETS[original.outlet].name
    paragraphs = (*original.paragraphs[:-1],
                  f"This report was first distributed by {wire} and edited for length.")
    return Version(outlet=outlet, headline=headline, paragraphs=paragraphs,
                   when=original.when + timedelta(hours=hours), byline=original.byline,
                   copy_of=original.outlet)


def render_html(v: Version, outlet: Outlet, related: list[str]) -> str:
    e = html.escape
    url = f"https://{outlet.domain}/world/{v.when:%Y/%m/%d}/{slug(v.headline)}"
    paras = "\n".join(f"      <p>{e(p)}</p>" for p in v.paragraphs)
    rel = "\n".join(f"        <li><a href=\"/world/{slug(r)}\">{e(r)}</a></li>" for r in related)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{e(v.headline)} | {e(outlet.name)}</title>
  <meta property="og:site_name" content="{e(outlet.name)}">
  <meta property="og:title" content="{e(v.headline)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{v.when:%Y-%m-%dT%H:%M:00Z}">
  <meta name="author" content="{e(v.byline)}">
  <link rel="canonical" href="{url}">
</head>
<body>
  <header><a href="/">{e(outlet.name)}</a>
    <nav><a href="/world">World</a> <a href="/europe">Europe</a> <a href="/asia">Asia</a>
      <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav>
  </header>
  <main>
    <article>
      <h1>{e(v.headline)}</h1>
      <p class="byline">By {e(v.byline)}</p>
      <time datetime="{v.when:%Y-%m-%dT%H:%M:00Z}">{v.when:%d %B %Y, %H:%M} UTC</time>
{paras}
    </article>
    <aside><h2>Related</h2>
      <ul>
{rel}
      </ul>
    </aside>
  </main>
  <footer><p>&copy; 2024 {e(outlet.name)}. Fictional outlet for the wirewatch examples.</p>
    <p>Subscribe to our newsletter</p></footer>
</body>
</html>
"""


def render_text(v: Version, outlet: Outlet, related: list[str]) -> str:
    lines = [
        f"date {v.when:%Y-%m-%d}",
        "searchicon menuicon closeicon shareicon fbicon twicon mailicon",
        "HomeWorld",
        "",
        v.headline,
        "",
        f"{v.when.day} {v.when:%b}, {v.when:%Y} {v.when:%H:%M}",
        "",
        f"By {v.byline}",
        "",
    ]
    for p in v.paragraphs:
        lines += [p, ""]
    for r in related[:1]:
        lines += [f"READ MORE: {r}", ""]
    lines += [
        "Share this story",
        f"© {outlet.name}, 2024. All rights reserved.",
        "This website uses cookies. Accept cookies",
    ]
    return "\n".join(lines) + "\n"


def versions() -> list[Version]:
    out: list[Version] = []
    for story in STORIES:
        day = START + timedelta(days=story.day)
        base = Version(outlet=story.outlet, headline=story.headline,
                       paragraphs=story.paragraphs,
                       when=datetime(day.year, day.month, day.day, story.hour, 5 + story.day),
                       byline=story.byline)
        out.append(base)
        for outlet, headline, hours in story.republished_by:
            out.append(republish(base, outlet, headline, hours))
        for rewrite in story.rewrites:
            when = base.when + timedelta(hours=rewrite.hours)
            out.append(Version(outlet=rewrite.outlet, headline=rewrite.headline,
                               paragraphs=rewrite.paragraphs, when=when,
                               byline=rewrite.byline))
    return out


# Two inputs that hold no article, so that `make run` shows skip reasons in its summary.
NAVIGATION_ONLY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Section index | Danube Daily</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> | <a href="/sport">Sport</a></nav>
<ul><li><a href="/login">Sign in</a></li><li><a href="/subscribe">Subscribe</a></li></ul>
<footer>© Danube Daily (fictional). Cookie settings. Privacy policy.</footer>
</body></html>
"""


def write_bad_inputs() -> None:
    (OUT / "zz-empty-page.txt").write_text("", "utf-8")
    (OUT / "zz-navigation-only.html").write_text(NAVIGATION_ONLY, "utf-8")


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    all_versions = versions()
    headlines = [v.headline for v in all_versions]
    for i, v in enumerate(all_versions):
        outlet = OUTLETS[v.outlet]
        related = [h for h in headlines[max(0, i - 3):i] if h != v.headline][:2]
        name = f"{v.when:%Y%m%d-%H%M}-{v.outlet}-{slug(v.headline)[:40]}"
        if outlet.form == "html":
            (OUT / f"{name}.html").write_text(render_html(v, outlet, related), "utf-8")
        else:
            (OUT / f"{name}.txt").write_text(render_text(v, outlet, related), "utf-8")
    write_bad_inputs()
    print(f"wrote {len(all_versions)} pages and 2 pages without an article to {OUT}")


if __name__ == "__main__":
    main()
