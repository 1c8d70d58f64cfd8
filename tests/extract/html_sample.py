"""A news page written for these tests: navigation, a lead figure, a byline, six paragraphs,
a related-stories block, comments and a footer, with the metadata a CMS usually emits."""

from __future__ import annotations

PARAGRAPHS = (
    "Foreign ministers from twelve countries met in Vienna on Tuesday to discuss a framework "
    "for monitoring the ceasefire along the disputed border, officials said.",
    "The talks, the first at this level since the spring, ran late into the evening as "
    "delegations argued over who would staff the observation posts and how often they rotate.",
    "“We have made progress, but there is still a long way to go,” the host country's foreign "
    "minister told reporters outside the conference centre after the session ended.",
    "Negotiators said a draft text could be ready by the end of the month, although several "
    "delegations warned that parliaments at home would have to approve any deployment.",
    "Analysts cautioned that previous rounds had produced similar optimism before collapsing "
    "over the question of heavy weapons withdrawal from the frontline areas.",
    "The next meeting is scheduled for early next month in Geneva, according to a statement "
    "released by the organisers late on Tuesday night.",
)
TITLE = "Ministers agree to keep talking on border monitoring"
SITE = "The Example Herald"


def news_html(*, charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="{charset}">
<title>{TITLE} | {SITE}</title>
<meta property="og:title" content="{TITLE} | {SITE}">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2024-03-05T18:42:00+00:00">
<meta property="article:section" content="World">
<meta name="author" content="Dana Example">
<link rel="canonical" href="https://herald.example.org/world/border-talks">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<main>
<article>
<h1>{TITLE}</h1>
<p class="byline">By <a rel="author" href="/authors/dana">Dana Example</a></p>
<time datetime="2024-03-05T18:42:00+00:00">5 March 2024</time>
<figure><img src="/img/talks.jpg" alt="Delegates">
<figcaption>Delegates arrive for the talks in Vienna.
<span class="credit">Photo: Example Wire / A. Photographer</span></figcaption>
</figure>
{body}
</article>
<aside class="related-stories"><h2>Related</h2><ul>
<li><a href="/world/a">Ceasefire holds for a third week despite sporadic shelling</a></li>
<li><a href="/world/b">Parliament debates funding for monitoring mission</a></li>
</ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment">
<p>First! This is a reader comment that should not be in the body text at all.</p>
</div></section>
</main>
<footer><p>© 2024 {SITE}. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/cookies">Cookie settings</a></p></footer>
</body>
</html>
"""
