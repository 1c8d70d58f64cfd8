"""Small news pages written for the tests (never copied from the corpora)."""

from __future__ import annotations

from pathlib import Path

PLACES = ("Geneva", "Nairobi", "Jakarta", "Lima", "Oslo", "Hanoi", "Accra", "Tbilisi")


def text_page(n: int) -> str:
    """A scraped-text page: date line, a little chrome, title, byline and a real body."""
    place = PLACES[n % len(PLACES)]
    return "\n".join([
        f"date 2024-03-{n % 28 + 1:02d}",
        "Home | World | Politics",
        "",
        f"Envoys meet in {place} for round {n} of ceasefire talks",
        "",
        "By Jane Reporter",
        "",
        f"Diplomats from both sides gathered in {place} on Tuesday for round {n} of talks "
        "aimed at extending a fragile ceasefire, officials said, as pressure mounted on the "
        "negotiators to show progress before the end of the month.",
        "",
        f"The foreign minister told reporters that the {n}th session had been “constructive "
        "but difficult”, adding that several questions about prisoner exchanges and border "
        "crossings remained unresolved after hours of discussion.",
        "",
        "Observers from the United Nations said they expected a joint statement later in the "
        "week, although neither delegation would confirm the timing or the content of any "
        f"agreement reached in {place}.",
        "",
        "Share this article",
        "",
    ])


def html_page(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    paragraphs = "".join(
        f"<p>{text}</p>" for text in (
            f"Diplomats gathered in {place} on Tuesday for round {n} of talks aimed at "
            "extending a fragile ceasefire, officials said, as pressure mounted on the "
            "negotiators to show progress before the end of the month.",
            "The foreign minister told reporters that the session had been constructive but "
            "difficult, adding that questions about prisoner exchanges remained unresolved.",
            "Observers from the United Nations said they expected a joint statement later in "
            "the week, although neither delegation would confirm the timing.",
        )
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Envoys meet in {place} for talks {n}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Envoys meet in {place} for talks {n}</h1>{paragraphs}</article>"
        "<footer>Contact us</footer></body></html>"
    )


def write_pages(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = folder / f"page_{n:03d}.txt"
        path.write_text(text_page(n), encoding="utf-8")
        paths.append(path)
    return paths
