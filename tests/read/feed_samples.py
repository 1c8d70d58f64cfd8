"""RSS, Atom and sitemap documents written for the tests (made-up sites and stories)."""

from __future__ import annotations

ARTICLE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
           "<p>{title}: ministers from both countries met on Monday in Geneva to resume talks "
           "on the ceasefire, officials said after the meeting ended late at night.</p>"
           "</article></body></html>")
LONG_BODY = "".join(f"<p>Paragraph {n} of the full story, told inside the feed itself "
                    "so that no fetch is needed for it.</p>" for n in range(20))


def rss(base: str, paths: list[str], *, inline_last: bool = False) -> bytes:
    items = []
    for number, path in enumerate(paths, start=1):
        content = (f"<content:encoded><![CDATA[{LONG_BODY}]]></content:encoded>"
                   if inline_last and number == len(paths) else "")
        items.append(f"<item><title>Story {number} &amp; more</title><link>{base}{path}</link>"
                     f"<pubDate>Tue, 0{number} Mar 2024 10:00:00 GMT</pubDate>"
                     f"<description>A teaser.</description>{content}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>News</title><link>{base}/</link>{''.join(items)}</channel></rss>").encode()


def atom(base: str, paths: list[str]) -> bytes:
    entries = "".join(
        f'<entry><title>Entry {n}</title><link rel="alternate" href="{path}"/>'
        f"<id>tag:news.example,2024:{n}</id><updated>2024-05-0{n}T09:00:00Z</updated>"
        "<summary>Short.</summary></entry>" for n, path in enumerate(paths, start=1))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
            f'xml:base="{base}/"><title>Atom news</title><id>tag:news.example,2024:feed</id>'
            f"<updated>2024-05-01T00:00:00Z</updated>{entries}</feed>").encode()


def news_sitemap(urls: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<url><loc>{url}</loc><news:news><news:publication><news:name>News</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>{day}T06:00:00+00:00</news:publication_date>"
        f"<news:title>Title of {url.rsplit('/', 1)[-1]}</news:title></news:news></url>"
        for url, day in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{entries}</urlset>").encode()


def plain_sitemap(urls: list[tuple[str, str]]) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc><lastmod>{day}</lastmod></url>" for url, day in urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
            ).encode()


def sitemap_index(locations: list[str]) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locations)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex '
            f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
            ).encode()
