"""Web-page markup in a record's words, as plain text.

Directories that scrape providers' web pages, and feeds whose CMS stores HTML, send descriptions
such as "<h3>Who is it for?</h3><ul><li>Living in Bury</li></ul>" and "&pound;3 a session". Read
as they are, "online.</p>" looks like an online service and "&pound;3" is not a price; shown as
they are, a link worker reads tags. Text that shows no markup is returned unchanged.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A tag or a character reference that ends in ";" (a bare "&copy" in a web address is left alone).
_MARKUP = re.compile(
    r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"
)
# Tags after which the text starts a new line: paragraphs, headings, list items, line breaks.
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article blockquote header footer dt dd".split()
)
_SKIPPED = frozenset({"script", "style"})
_MARKDOWN_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def has_markup(text: str) -> bool:
    return bool(text) and ("**" in text or "__" in text or _MARKUP.search(text) is not None)


def plain_text(text: str) -> str:
    """`text` without tags, character references or markdown emphasis: one line per paragraph,
    heading or list item ("• Living in Bury"), spaces tidied."""
    if not has_markup(text):
        return text
    parser = _PlainText()
    parser.feed(text)
    parser.close()
    joined = _MARKDOWN_STRONG.sub(r"\2", "".join(parser.parts).replace("\xa0", " "))
    lines = [" ".join(line.split()) for line in joined.splitlines()]
    return "\n".join(line for line in lines if line and line != "•")
