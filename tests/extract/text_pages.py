"""Synthetic scraped-text pages written for the cleaner's tests (no real site's text)."""

from __future__ import annotations

PARAGRAPHS = [
    "The foreign ministers of the two countries met in Vienna on Tuesday to discuss the "
    "stalled talks on the border crossing, which has been closed to trade since the spring.",
    "According to officials who attended the meeting, both sides agreed that the crossing "
    "should reopen for humanitarian convoys before the end of the month, but they did not "
    "settle the question of customs checks.",
    "“We have made real progress today, and we will continue the work next week,” the first "
    "minister told reporters after the talks, adding that a written agreement was close.",
    "The second minister was more cautious. He said that his government would wait for the "
    "details to be approved by parliament before it made any promise about trade.",
]

MENU = ["  * Home", "  * World", "  * Politics", "  * Business", "  * Sport", "  * Opinion"]

FOOTER = [
    "Related stories",
    "  * Ministers to meet again in Geneva",
    "  * Border trade falls by a third",
    "Leave a Reply",
    "Jane Reader on March 3, 2021 at 5:20 pm said:",
    "I think the talks are a waste of time and the crossing should stay closed for good, "
    "because nobody has explained who will pay for the new customs post at the border.",
    "John Reader on March 3, 2021 at 6:02 pm said:",
    "Finally some good news from the region. I hope they keep the convoys running through "
    "the winter, when the roads are the hardest to travel and the need is the greatest.",
    "© 2021 Example Daily Ltd. All rights reserved.",
    "This website uses cookies. Read the Example Daily Privacy policy to find out more.",
    "Accept cookies",
]


def news_page(*, subheading: bool = False) -> str:
    head = [
        *MENU,
        "World",
        "",
        "Ministers agree to reopen border crossing for aid convoys",
        "",
        "3 March 2021 14:05",
        "Share this article",
        "By Ann Writer and Bob Scribe",
        "",
    ]
    body: list[str] = []
    for i, paragraph in enumerate(PARAGRAPHS):
        body += [paragraph, ""]
        if subheading and i == 1:
            body += ["What comes next", ""]
    return "\n".join(head + body + FOOTER) + "\n"
