"""Read what the gates check in a built page's <head>: title, language, description, Open Graph tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Head:
    """The metadata of one HTML document (values unescaped; None when absent)."""

    lang: str | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # name or property -> content (first occurrence)


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.head.lang = values.get("lang")
        elif tag == "title" and self.head.title is None:
            self._in_title = True
        elif tag == "meta" and "content" in values:
            key = values.get("name") or values.get("property")
            if key:
                self.head.meta.setdefault(key, values["content"])

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self._in_title = False
            self.head.title = "".join(self._title).strip()


def read_head(path: Path) -> Head:
    """Parse one built page."""
    parser = _HeadParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.head
