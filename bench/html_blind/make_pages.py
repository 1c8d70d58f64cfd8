"""Writes the blind HTML set: each invented story (blind_articles.py) rendered by one of twelve
page templates that imitate common CMS habits, and truth.json with each page's title and body.

    python bench/html_blind/make_pages.py

Run once to freeze the set (PROTOCOL.md); the pages and the truth are committed before any
extractor runs on them. Deterministic: story i gets template i mod 12, and every choice inside a
template depends only on the story.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from pathlib import Path

from blind_articles import STORIES, Story

HERE = Path(__file__).resolve().parent
SITES = (
    "The Selby Courier", "Northfield Daily", "Valley Voice", "Coastline News", "Harwick Herald",
    "Riverside Post", "The Provincial", "Metro Ledger", "Westmark Times", "Open Notebook",
    "Upland Gazette", "Civic Record",
)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def kind(par: str) -> tuple[str, str]:
    for mark, name in (("## ", "h"), ("- ", "li"), ("> ", "q")):
        if par.startswith(mark):
            return name, par[len(mark):]
    return "p", par


def truth_text(par: str) -> str:
    return kind(par)[1]


def linked(text: str, seed: int, wrap: str = "{}") -> str:
    """The paragraph with one in-sentence link over words 4-5 (when it has 12 words or more)."""
    words = esc(text).split(" ")
    if len(words) < 12 or seed % 3:
        return " ".join(words)
    i = 3
    anchor = f'<a href="/topic/{seed}">{words[i]} {words[i + 1]}</a>'
    return " ".join([*words[:i], wrap.format(anchor), *words[i + 2:]])


def blocks(story: Story, *, p: str = "<p>{}</p>", link_wrap: str = "{}", h: str = "h2") -> str:
    out: list[str] = []
    items: list[str] = []
    for n, par in enumerate(story.body):
        name, text = kind(par)
        if name == "li":
            items.append(f"<li>{esc(text)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if name == "h":
            out.append(f"<{h}>{esc(text)}</{h}>")
        elif name == "q":
            out.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        else:
            out.append(p.format(linked(text, n + len(story.slug), link_wrap)))
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


def head(story: Story, site: str, extra: str = "") -> str:
    host = site.lower().replace("the ", "").replace(" ", "")
    return f"""<head>
<meta charset="utf-8">
<title>{esc(story.title)} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{esc(story.title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{story.date}T08:15:00+00:00">
<meta name="author" content="{story.author}">
<link rel="canonical" href="https://www.{host}.example/{story.section.lower()}/{story.slug}">
<link rel="stylesheet" href="/assets/site.css">
{extra}</head>"""


def wordpress(story: Story, site: str) -> str:
    return f"""<!DOCTYPE html><html lang="en-US">{head(story, site)}
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{site}</a></p>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button>
<ul id="primary-menu" class="menu"><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/contact">Contact us</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-4417" class="post-4417 post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{esc(story.title)}</h1>
<div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">Posted on</span>
<time class="entry-date published" datetime="{story.date}T08:15:00+00:00">{story.date}</time></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x">{story.author}</a></span></span></div></header>
<div class="entry-content">
{blocks(story)}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>
<li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-facebook" href="#">Facebook</a></li></ul></div>
<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3>
<div class="jp-relatedposts-post"><a href="/a">Council approves budget for new sports hall after long debate</a></div>
<div class="jp-relatedposts-post"><a href="/b">Five things to do in the old town this weekend</a></div></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c">{story.section}</a></span></footer>
</article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2>
<div class="nav-previous"><a href="/prev">Previous post: Market day moves to Saturdays</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this</h2>
<ol class="comment-list"><li class="comment"><div class="comment-content"><p>Great to read this, thanks for covering it so carefully.</p></div></li>
<li class="comment"><div class="comment-content"><p>I was there on the day and it was exactly as described here.</p></div></li></ol>
<div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2>
<ul><li><a href="/r1">Harvest supper raises money for the village hall</a></li><li><a href="/r2">Road resurfacing starts on Monday</a></li></ul></section>
<section class="widget widget_archive"><h2 class="widget-title">Archives</h2><ul><li><a href="/2025/01">January 2025</a></li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by a publishing platform | Theme by a theme shop</div></footer>
</body></html>"""


def blogger(story: Story, site: str) -> str:
    parts = []
    for n, par in enumerate(story.body):
        name, text = kind(par)
        if n == 1:
            parts.append('<div class="separator" style="clear: both; text-align: center;"><a href="/img/1.jpg" '
                         'style="margin-left: 1em; margin-right: 1em;"><img border="0" height="240" src="/img/1s.jpg" width="320"></a></div>')
        prefix = "&#8226; " if name == "li" else ""
        tag = ("<b>", "</b>") if name == "h" else ("", "")
        parts.append(f"{tag[0]}{prefix}{linked(text, n)}{tag[1]}")
    body = "<br /><br />\n".join(parts)
    return f"""<!DOCTYPE html><html dir="ltr" lang="en">{head(story, site)}
<body class="variant-indie">
<div class="navbar section" id="navbar"><div class="widget Navbar"><iframe src="about:blank" height="30"></iframe></div></div>
<div class="outer-wrapper"><div class="header section" id="header"><div class="widget Header"><h1 class="title"><a href="/">{site}</a></h1>
<p class="description"><span>Notes from a small corner of the world</span></p></div></div>
<div class="main-inner"><div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>{story.date}</span></h2><div class="date-posts"><div class="post-outer">
<div class="post hentry" itemprop="blogPost" itemscope="itemscope">
<h3 class="post-title entry-title" itemprop="name">{esc(story.title)}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-88213" itemprop="description articleBody">
{body}
<div style="clear: both;"></div></div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Posted by
<span class="fn" itemprop="author"><span itemprop="name">{story.author}</span></span></span>
<span class="post-timestamp">at <a class="timestamp-link" href="#"><abbr class="published">8:15 AM</abbr></a></span>
<span class="post-comment-link"><a class="comment-link" href="#">3 comments</a></span></div>
<div class="post-share-buttons goog-inline-block"><a class="share-button sb-email" href="#"><span class="share-button-link-text">Email This</span></a>
<a class="share-button sb-blog" href="#"><span class="share-button-link-text">BlogThis!</span></a></div></div>
</div></div></div></div></div>
<div class="blog-pager" id="blog-pager"><a class="blog-pager-older-link" href="#">Older Post</a> <a class="home-link" href="/">Home</a></div>
</div></div>
<div class="sidebar section" id="sidebar-right-1"><div class="widget BlogArchive"><h2>Blog Archive</h2><ul class="hierarchy">
<li><a href="#">2025</a> (14)</li><li><a href="#">2024</a> (31)</li></ul></div>
<div class="widget Profile"><h2>About Me</h2><dl class="profile-datablock"><dd class="profile-textblock">I write about the things I see around me.</dd></dl></div></div></div></div>
</body></html>"""


def news_ads(story: Story, site: str) -> str:
    parts = []
    body = blocks(story).split("\n")
    for n, block in enumerate(body):
        parts.append(block)
        if n == 1:
            parts.append('<div class="ad-container ad-inarticle"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-2"></div></div>')
        if n == 2:
            parts.append('<p class="read-more"><strong>READ MORE:</strong> <a href="/x">Mayor under pressure over delayed housing scheme</a></p>')
        if n == 3:
            parts.append('<div class="newsletter-signup"><h4>Get the morning briefing</h4><p>Sign up for our free newsletter and get the day\u2019s top stories in your inbox.</p><form><input type="email"><button>Sign up</button></form></div>')
    return f"""<!DOCTYPE html><html lang="en">{head(story, site)}
<body><div id="page"><header class="masthead"><a class="logo" href="/">{site}</a>
<nav class="primary-nav"><a href="/news">News</a> <a href="/business">Business</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="breaking-bar">Breaking: <a href="/live">Follow our live coverage of the budget</a></div>
<main><div class="article-container"><div class="article-header"><span class="kicker">{story.section}</span>
<h1 class="headline">{esc(story.title)}</h1><div class="byline">By <a href="/staff/1">{story.author}</a> &middot; <time datetime="{story.date}">{story.date}</time></div></div>
<figure class="lead-image"><img src="/img/lead.jpg" alt=""><figcaption>A file photo from the area. <span class="credit">Photo: Staff</span></figcaption></figure>
<div class="article-body">
{chr(10).join(parts)}
</div>
<div class="article-tags"><a href="/t/1">{story.section}</a> <a href="/t/2">Region</a></div></div>
<aside class="most-read"><h3>Most read</h3><ol><li><a href="/m1">Man fined for feeding ducks in the park</a></li><li><a href="/m2">Where to find the best chips on the coast</a></li></ol></aside></main>
<footer class="site-footer"><p>&copy; 2025 {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer></div>
</body></html>"""


def amp(story: Story, site: str) -> str:
    return f"""<!doctype html><html amp lang="en">{head(story, site, '<script async src="https://cdn.ampproject.org/v0.js"></script><style amp-custom>body{{font-family:serif}}</style>')}
<body><amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/weather">Weather</a></li></ul></amp-sidebar>
<header class="amp-header"><button on="tap:sidebar.toggle">Menu</button><a href="/">{site}</a></header>
<article class="amp-article"><header><h1>{esc(story.title)}</h1><div class="amp-byline">{story.author}, <time datetime="{story.date}">{story.date}</time></div></header>
<amp-img src="/img/a.jpg" width="640" height="360" layout="responsive" alt="picture"></amp-img>
<div class="amp-article-content">
{blocks(story)}
</div>
<amp-ad width="300" height="250" type="doubleclick" data-slot="/123/amp"></amp-ad>
<div class="amp-social"><amp-social-share type="twitter"></amp-social-share><amp-social-share type="facebook"></amp-social-share></div>
</article>
<section class="amp-related"><h2>More stories</h2><ul><li><a href="/s1">School choir heads to national final</a></li><li><a href="/s2">Bypass plans go on display</a></li></ul></section>
<footer><p>{site} &middot; <a href="/full">View full site</a></p></footer></body></html>"""


def drupal(story: Story, site: str) -> str:
    return f"""<!DOCTYPE html><html lang="en" dir="ltr">{head(story, site)}
<body class="path-node page-node-type-article"><div class="dialog-off-canvas-main-canvas">
<div class="layout-container"><header role="banner"><div class="region region-header"><a href="/" rel="home">{site}</a></div>
<nav role="navigation" id="block-mainnavigation"><ul class="menu"><li class="menu-item"><a href="/news">News</a></li><li class="menu-item"><a href="/events">Events</a></li><li class="menu-item"><a href="/about">About</a></li></ul></nav></header>
<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation"><ol><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ol></nav></div>
<main role="main"><div class="layout-content"><div class="region region-content">
<article role="article" class="node node--type-article node--view-mode-full">
<h1 class="page-title"><span class="field field--name-title">{esc(story.title)}</span></h1>
<div class="node__meta"><span class="field field--name-uid">{story.author}</span> <span class="field field--name-created">{story.date}</span></div>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{blocks(story)}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">Tags</div>
<div class="field__items"><div class="field__item"><a href="/tags/1">{story.section}</a></div></div></div>
<ul class="links inline"><li class="node-readmore"><a href="/print">Print this page</a></li></ul></div></article>
</div></div></main>
<footer role="contentinfo"><div class="region region-footer"><p>Copyright 2025 {site}</p><a href="/accessibility">Accessibility</a></div></footer></div></div>
</body></html>"""


def medium(story: Story, site: str) -> str:
    body = blocks(story, p='<p class="pw-post-body-paragraph kq kr fu ks b kt ku kv kw kx ky kz la lb lc ld le lf lg lh li lj lk ll lm ln fn bj" data-selectable-paragraph="">{}</p>', h="h2")
    return f"""<!doctype html><html lang="en">{head(story, site)}
<body><div id="root"><div class="a b c"><div class="l c"><div class="l d e f g"><div class="h i j k"><a href="/" aria-label="Homepage">{site}</a></div>
<div class="m n o"><a href="/signin">Sign in</a> <a class="bu bv" href="/get-started">Get started</a></div></div></div>
<article><div class="l"><div class="m"><section><div><div class="gp gq gr gs gt"><div class="ab ca"><div class="ch bg fx fy fz ga">
<div><h1 class="pw-post-title gu gv fu bf gw gx gy gz ha hb hc hd he hf hg hh hi hj hk hl hm hn ho hp hq hr bk" data-testid="storyTitle">{esc(story.title)}</h1></div>
<div class="speechify-ignore ab cp"><div class="ab"><a href="/@x"><p class="bf b hs ht bk">{story.author}</p></a>
<span class="bf b bg z dx"><span>5 min read</span><span> · </span><span>{story.date}</span></span></div></div>
{body}
</div></div></div></div></section></div></div></article>
<div class="ab ca"><div class="clap-row"><button aria-label="clap"><span class="pw-multi-vote-count">1.2K</span></button><button aria-label="responses">14</button></div></div>
<div class="ab ca"><h2 class="bf ea">Written by {story.author}</h2><p class="bf b">Writer. Occasionally right.</p><button>Follow</button></div>
<div class="ab ca"><h2>More from {site}</h2><div><a href="/p1"><h2>How I learned to stop worrying about deadlines</h2></a></div></div>
<div class="ab ca"><p>Sign up to discover human stories that deepen your understanding of the world.</p><a href="/membership">Become a member</a></div>
</div></div></body></html>"""


def bootstrap(story: Story, site: str) -> str:
    return f"""<!DOCTYPE html><html lang="en">{head(story, site)}
<body><nav class="navbar navbar-expand-lg navbar-light bg-light"><div class="container"><a class="navbar-brand" href="/">{site}</a>
<button class="navbar-toggler" type="button"><span class="navbar-toggler-icon"></span><span class="sr-only">Toggle navigation</span></button>
<div class="collapse navbar-collapse"><ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="/">Home <span class="sr-only">(current)</span></a></li>
<li class="nav-item"><a class="nav-link" href="/news">News</a></li><li class="nav-item"><a class="nav-link" href="/contact">Contact</a></li></ul></div></div></nav>
<div class="modal fade" id="cookieModal" style="display: none;" aria-hidden="true"><div class="modal-dialog"><div class="modal-content"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button class="btn btn-primary">Accept</button></div></div></div>
<div class="container mt-4"><nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Home</a></li><li class="breadcrumb-item active">{story.section}</li></ol></nav>
<div class="row"><div class="col-lg-8"><h1 class="mt-4">{esc(story.title)}</h1><p class="lead">by <a href="#">{story.author}</a></p><hr><p>Posted on {story.date}</p><hr>
<img class="img-fluid rounded" src="/img/900x300.jpg" alt=""><hr>
{blocks(story)}
<hr><div class="card my-4"><h5 class="card-header">Leave a Comment:</h5><div class="card-body"><form><textarea class="form-control" rows="3"></textarea><button class="btn btn-primary">Submit</button></form></div></div></div>
<div class="col-md-4 d-none d-md-block"><div class="card my-4"><h5 class="card-header">Search</h5><div class="card-body"><input class="form-control" placeholder="Search for..."></div></div>
<div class="card my-4"><h5 class="card-header">Categories</h5><div class="card-body"><ul class="list-unstyled mb-0"><li><a href="#">Local</a></li><li><a href="#">Politics</a></li><li><a href="#">Weather</a></li></ul></div></div></div></div></div>
<footer class="py-5 bg-dark"><div class="container"><p class="m-0 text-center text-white">Copyright &copy; {site} 2025</p></div></footer>
</body></html>"""


def tailwind(story: Story, site: str) -> str:
    body = blocks(story, p='<p class="mb-5 text-lg leading-relaxed text-gray-800">{}</p>')
    return f"""<!DOCTYPE html><html lang="en" class="scroll-smooth">{head(story, site)}
<body class="bg-white antialiased"><header class="sticky top-0 z-40 border-b bg-white/90"><div class="mx-auto flex max-w-5xl items-center justify-between px-4 py-3">
<a href="/" class="text-xl font-bold">{site}</a><nav class="hidden gap-6 md:flex"><a href="/world">World</a><a href="/local">Local</a><a href="/climate">Climate</a><a href="/about">About</a></nav>
<button class="md:hidden" aria-label="Open menu"><svg aria-hidden="true" class="h-6 w-6"><path d="M4 6h16"></path></svg></button></div>
<div id="mobile-menu" class="hidden"><a class="block px-4 py-2" href="/world">World</a><a class="block px-4 py-2" href="/local">Local</a></div></header>
<main class="mx-auto max-w-3xl px-4 py-10"><article>
<p class="text-sm font-semibold uppercase tracking-wide text-emerald-700">{story.section}</p>
<h1 class="mt-2 text-4xl font-extrabold tracking-tight">{esc(story.title)}</h1>
<div class="mt-4 flex items-center gap-3 text-sm text-gray-500"><span>{story.author}</span><span aria-hidden="true">&middot;</span><time datetime="{story.date}">{story.date}</time></div>
<div class="prose prose-lg mt-8">
{body}
</div></article>
<section class="mt-16 border-t pt-8"><h2 class="text-2xl font-bold">Keep reading</h2><div class="mt-6 grid gap-6 md:grid-cols-2">
<a class="block rounded-lg border p-4" href="/k1"><h3 class="font-semibold">Why the tide tables are getting harder to predict</h3></a>
<a class="block rounded-lg border p-4" href="/k2"><h3 class="font-semibold">A guide to the region\u2019s best walking routes</h3></a></div></section></main>
<footer class="border-t py-8 text-center text-sm text-gray-500">&copy; 2025 {site}</footer></body></html>"""


def table_layout(story: Story, site: str) -> str:
    parts = []
    for n, par in enumerate(story.body):
        name, text = kind(par)
        if name == "h":
            parts.append(f"<b>{esc(text)}</b>")
        elif name == "li":
            parts.append(f"&nbsp;&nbsp;- {esc(text)}")
        else:
            parts.append(linked(text, n))
    body = "<br><br>\n".join(parts)
    return f"""<html><head><title>{site} - {esc(story.title)}</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body bgcolor="#ffffff" topmargin="0" leftmargin="0"><table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td colspan="2" bgcolor="#003366"><font color="#ffffff" size="5"><b>{site}</b></font></td></tr>
<tr><td width="160" valign="top" bgcolor="#eeeeee"><font size="2"><a href="/">Home</a><br><a href="/news.html">News</a><br><a href="/archive.html">Archive</a><br><a href="/links.html">Links</a><br><a href="/contact.html">Contact</a></font></td>
<td valign="top"><table width="100%" cellpadding="8"><tr><td class="bodytext"><font face="Arial" size="4"><b>{esc(story.title)}</b></font><br>
<font size="1" color="#666666">{story.date} | {story.author}</font><br><br>
<font face="Arial" size="2">
{body}
</font><br><br><font size="1"><a href="javascript:window.print()">Print</a> | <a href="/archive.html">Back to archive</a></font></td></tr></table></td></tr>
<tr><td colspan="2" align="center"><font size="1">Copyright 2025 {site}. Best viewed at 1024x768.</font></td></tr></table></body></html>"""


def static_blog(story: Story, site: str) -> str:
    return f"""<!DOCTYPE html><html lang="en">{head(story, site)}
<body class="post-template"><div class="site-wrapper"><header class="site-header"><div class="inner"><a class="site-logo" href="/">{site}</a>
<ul class="nav"><li class="nav-home"><a href="/">Home</a></li><li class="nav-archive"><a href="/archive/">Archive</a></li><li class="nav-about"><a href="/about/">About</a></li></ul>
<a class="subscribe-button" href="#subscribe">Subscribe</a></div></header>
<main id="site-main" class="site-main outer"><div class="inner"><article class="post-full post">
<header class="post-full-header"><section class="post-full-meta"><time class="post-full-meta-date" datetime="{story.date}">{story.date}</time> <span class="date-divider">/</span> <a href="/tag/x/">{story.section}</a></section>
<h1 class="post-full-title">{esc(story.title)}</h1></header>
<section class="post-full-content"><div class="post-content">
{blocks(story)}
</div></section>
<footer class="post-full-footer"><section class="author-card"><h4 class="author-card-name">{story.author}</h4><p>Writes here about once a month. Lives by the sea.</p></section>
<div class="post-full-footer-right"><a class="author-card-button" href="/author/x/">Read More</a></div></footer></article></div></main>
<aside class="read-next outer"><div class="inner"><div class="read-next-feed"><article class="read-next-card"><header class="read-next-card-header"><h3>More in {story.section}</h3></header>
<div class="read-next-card-content"><ul><li><a href="/n1/">Notes on a long winter</a></li><li><a href="/n2/">The bookshop at the end of the pier</a></li></ul></div></article></div></div></aside>
<div class="subscribe-form" id="subscribe"><h3>Subscribe to {site}</h3><p>Get the latest posts delivered right to your inbox</p><form><input type="email" placeholder="youremail@example.com"><button>Subscribe</button></form></div>
<footer class="site-footer outer"><div class="inner"><section class="copyright">{site} &copy; 2025</section></div></footer></div></body></html>"""


def newsroom(story: Story, site: str) -> str:
    body = blocks(story, p='<p class="story-body__paragraph">{}</p>', link_wrap='<span class="glossary-term">{}</span>')
    return f"""<!DOCTYPE html><html lang="en-GB">{head(story, site, '<script type="application/ld+json">{"@type":"NewsArticle","headline":"' + esc(story.title) + '"}</script>')}
<body><div id="app"><div class="paywall-overlay" hidden><div class="paywall-box"><h2>You have read all your free articles this month</h2><p>Subscribe now for unlimited access to award-winning journalism.</p></div></div>
<header class="site-header"><div class="site-header__top"><a class="site-header__logo" href="/">{site}</a><a class="site-header__login" href="/login">Log in</a></div>
<nav class="site-header__nav" aria-label="Sections"><a href="/uk">UK</a><a href="/world">World</a><a href="/business">Business</a><a href="/politics">Politics</a></nav></header>
<div class="story" id="main-content"><div class="story__header"><a class="story__section" href="/{story.section.lower()}">{story.section}</a>
<h1 class="story__headline">{esc(story.title)}</h1>
<div class="story__meta"><span class="story__author">{story.author}</span> <time class="story__time" datetime="{story.date}">{story.date}</time></div></div>
<figure class="story__image"><img src="/i/1.jpg" alt=""><figcaption>Archive image. <span class="story__credit">Picture agency</span></figcaption></figure>
<div class="story-body">
{body}
</div>
<div class="story__share"><span class="visually-hidden">Share this article</span><a href="#"><svg aria-hidden="true"></svg></a><a href="#"><svg aria-hidden="true"></svg></a></div>
<section class="story__more"><h2>More on this story</h2><ul><li><a href="/o1">What the new rules mean for you</a></li><li><a href="/o2">Timeline: how we got here</a></li></ul></section></div>
<footer class="site-footer"><p>&copy; {site} 2025</p><p><a href="/cookies">Cookies</a> <a href="/help">Help</a></p></footer></div></body></html>"""


def div_paragraphs(story: Story, site: str) -> str:
    body = blocks(story, p='<div class="paragraph">{}</div>', h="h3")
    return f"""<!DOCTYPE html><html lang="en">{head(story, site)}
<body><div class="top-bar"><div class="top-bar__weather">Today 14&deg;C</div><div class="top-bar__links"><a href="/epaper">E-paper</a> <a href="/jobs">Jobs</a></div></div>
<div class="header-wrap"><div class="logo"><a href="/">{site}</a></div><ul class="menu-main"><li><a href="/news">News</a></li><li><a href="/region">Region</a></li><li><a href="/sport">Sport</a></li><li><a href="/notices">Notices</a></li></ul></div>
<div class="content-wrap"><div class="col-main"><div class="news-item"><div class="news-item__title"><h1>{esc(story.title)}</h1></div>
<div class="news-item__info">{story.date} &nbsp; {story.author}</div>
<div class="share-icons"><a href="#" title="Facebook"><i class="icon-fb" aria-hidden="true"></i> Share</a> <a href="#" title="Print"><i class="icon-print" aria-hidden="true"></i> Print</a></div>
<div class="news-item__text">
{body}
</div>
<div class="news-item__source">Source: {site}</div></div></div>
<div class="col-side"><div class="box"><div class="box__title">Latest news</div><div class="box__item"><a href="/l1">Road works on the ring road finish early</a></div><div class="box__item"><a href="/l2">Library extends opening hours</a></div></div></div></div>
<div class="footer">{site} &copy; 2025 &middot; <a href="/imprint">Imprint</a></div></body></html>"""


TEMPLATES: tuple[tuple[str, Callable[[Story, str], str]], ...] = (
    ("wordpress", wordpress), ("blogger", blogger), ("news_ads", news_ads), ("amp", amp),
    ("drupal", drupal), ("medium", medium), ("bootstrap", bootstrap), ("tailwind", tailwind),
    ("table_layout", table_layout), ("static_blog", static_blog), ("newsroom", newsroom),
    ("div_paragraphs", div_paragraphs),
)


def main() -> None:
    pages = HERE / "pages"
    pages.mkdir(exist_ok=True)
    truth = {}
    for i, story in enumerate(STORIES):
        name, render = TEMPLATES[i % len(TEMPLATES)]
        site = SITES[(i * 5) % len(SITES)]
        file = f"{i:02d}_{name}.html"
        (pages / file).write_text(render(story, site), encoding="utf-8")
        truth[file] = {
            "template": name,
            "title": story.title,
            "body": [truth_text(p) for p in story.body],
        }
    (HERE / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
