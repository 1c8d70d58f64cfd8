"""Sample pages written for the HTML layers' tests (issue 10, item 4): invented text, markup in
the habits of common CMSs. Each builder returns the page and what its body must be."""

from __future__ import annotations

LEAD = (
    "The regional assembly met on Thursday evening to decide the future of the ferry link "
    "between the two harbours, which has lost money every year since it opened.",
    "Members heard from ferry staff, island residents and the company that runs the service, "
    "before a vote that went on past midnight.",
)
TAIL = (
    "The assembly finally voted to keep the ferry running for three more years, with a "
    "smaller boat in winter and a higher fare for visitors.",
    "Residents who had gathered outside the building cheered when the result was announced "
    "through an open window.",
)


def _page(title: str, body: str, *, head: str = "", before: str = "", after: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">{head}</head>
<body><header><nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a>
<a href="/islands">Islands</a> <a href="/login">Log in</a></nav></header>
{before}<main><article class="story"><h1>{title}</h1>
<p class="byline">By Ann Example, 4 April 2025</p>
<div class="story-body">{body}</div></article></main>{after}
<footer><p>© Harbour Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def _ps(paragraphs: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


REFRAIN = "We will sail in the morning, and we will sail home again at night."
UPDATE = "Update: The ferry company said the winter timetable would be published next week."


def refrain_page() -> tuple[str, list[str]]:
    """A song sung at the vigil, its refrain three times in a row; an "Update:" line twice."""
    body = [
        *LEAD,
        "As the vote was counted, the crowd outside sang the old ferry song, whose refrain "
        "everyone seemed to know:",
        REFRAIN,
        REFRAIN,
        REFRAIN,
        UPDATE,
        *TAIL,
        UPDATE,
    ]
    return _page("Assembly saves island ferry", _ps(body)), body


def hidden_page() -> tuple[str, list[str], list[str]]:
    """Text hidden four ways inside the article: body, and the hidden sentences that must go."""
    hidden = [
        "Subscribe today and get your first three months of unlimited reading for free.",
        "This teaser for the weekend magazine is hidden until the reader scrolls down.",
        "Our journalism is funded by readers like you: log in to continue reading.",
        "Sections: Home News Islands Weather Sport Opinion Puzzles Obituaries Jobs",
    ]
    body = [*LEAD, *TAIL]
    markup = (
        f"<p>{LEAD[0]}</p>"
        f'<p class="promo" style="display: none">{hidden[0]}</p>'
        f"<p>{LEAD[1]}</p>"
        # the id before the style: an XPath on @id|@style tests only the first of the two
        f'<div id="teaser-box" style="visibility:hidden"><p>{hidden[1]}</p></div>'
        f"<p>{TAIL[0]}</p>"
        f'<div class="gate" hidden><p>{hidden[2]}</p></div>'
        f'<nav class="story-links" aria-hidden="true"><p>{hidden[3]}</p></nav>'
        f"<p>{TAIL[1]}</p>"
    )
    return _page("Assembly saves island ferry", markup), body, hidden


def hidden_wrapper_page() -> tuple[str, list[str]]:
    """The whole article inside a wrapper hidden until scripts run (an anti-flicker habit)."""
    html = _page("Assembly saves island ferry", _ps([*LEAD, *TAIL]))
    html = html.replace("<main>", '<main id="app" style="visibility: hidden">')
    return html, [*LEAD, *TAIL]


LINKED = (
    "The ferry's owner announced the decision on {0} shortly after the vote, thanking "
    "residents for their patience."
)
LINKED_2 = (
    "A recording of the debate is available on the {0} until the end of the month, the "
    "assembly's clerk said."
)


def linked_page() -> tuple[str, list[str]]:
    """In-sentence links inside spans whose classes read like chrome (social, tags)."""
    first = LINKED.format(
        '<span class="social-link"><a href="https://social.example/ferry">Twitter Lite</a></span>'
    )
    second = LINKED_2.format(
        '<span class="tag-list"><a href="/tags/tv">assembly TV channel</a></span>'
    )
    body = [*LEAD, LINKED.format("Twitter Lite"), LINKED_2.format("assembly TV channel"), *TAIL]
    return _page("Assembly saves island ferry", _ps([*LEAD, first, second, *TAIL])), body


SHORT = "Polls close at eight tonight across the islands."


def short_page() -> tuple[str, str]:
    """A real article of 8 words: a breaking-news stub."""
    return _page("Islanders vote today", f"<p>{SHORT}</p>"), SHORT


def navigation_page() -> str:
    """A section page: a short list of links and nothing else."""
    links = "".join(
        f'<li><a href="/{n}">{t}</a></li>'
        for n, t in enumerate(["Island news", "Ferry timetable", "Harbour webcam"])
    )
    return (
        "<html><head><title>Islands | Harbour Times</title></head><body>"
        f"<main><ul class='section-list'>{links}</ul></main></body></html>"
    )


BLOG_LEDE = (
    "When I first moved to the island twelve years ago, the ferry ran four times a day and the "
    "crossing took forty minutes, which felt like a small holiday every time."
)
BLOG_REST = (
    "Since then the timetable has shrunk, the boat has aged, and the crossing has become the "
    "thing everyone here complains about.",
    "Last winter the ferry missed eleven days because of storms and two more because of a "
    "broken engine part that had to come from the mainland.",
    "I went to the assembly meeting on Thursday to hear what would happen next, and I came "
    "home more hopeful than I expected.",
    "The new plan is not perfect, but it keeps the link open, and for an island of four "
    "hundred people that is what matters most.",
)


def blog_cut_page() -> tuple[str, list[str]]:
    """A blog post: a lede paragraph, a clearing div after a floated picture, then the rest of
    the post as loose text with blank lines between paragraphs (a plain-text editor habit)."""
    post = (
        f"<p>{BLOG_LEDE}</p>"
        '<div style="clear: both;"></div>' + "\n\n".join(BLOG_REST)
    )
    html = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>The ferry and me</title></head><body>
<div id="page"><div class="blog-item"><h3 class="post-title">The ferry and me</h3>
<article>{post}</article></div></div>
<div class="sidebar"><h2>Archive</h2><ul><li><a href="/2024">2024</a></li>
<li><a href="/2023">2023</a></li></ul></div></body></html>"""
    return html, [BLOG_LEDE, *BLOG_REST]


def hidden_slides_page() -> tuple[str, list[str]]:
    """A gallery whose items are all hidden until scripts show them one at a time."""
    items = [*LEAD, *TAIL]
    slides = "".join(
        f'<div id="slide-{n}" class="gallery-slide hidden" style="display: none;"><p>{p}</p></div>'
        for n, p in enumerate(items)
    )
    return _page("Assembly saves island ferry", f'<div class="gallery">{slides}</div>'), items
