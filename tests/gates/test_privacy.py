"""Gate: reading the site asks no host but the site's own.

Two views: what the browser actually requested on every page (the shared crawl, over http://127.0.0.1), and
every resource the built files reference (HTML src/href of non-links, CSS url() and @import), which also covers
resources a page would only load later (print styles, lazy images, a font on hover).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.fixtures import PageVisit

pytestmark = pytest.mark.slow

# Elements whose URL attributes the browser fetches by itself (an <a href> is only fetched when followed).
_FETCHED = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
            "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
            "object": ("data",), "track": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href")}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")
_LOCAL_SCHEMES = {"", "data", "blob", "about"}


def _is_foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() not in _LOCAL_SCHEMES or bool(parts.netloc)


class _ResourceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and (values.get("rel") or "").lower() in {"canonical", "alternate", "prev", "next"}:
            return  # navigation metadata, not fetched
        for name in _FETCHED.get(tag, ()):
            value = values.get(name)
            if value:
                self.urls += [item.split()[0] for item in value.split(",")] if name == "srcset" else [value]
        if values.get("style"):
            self.urls += _CSS_URL.findall(values["style"])

    def handle_data(self, data: str) -> None:
        if self.lasttag == "style":
            self.urls += _CSS_URL.findall(data)


@pytest.mark.browser
def test_no_page_request_leaves_the_site(crawl: dict[str, PageVisit]) -> None:
    foreign = [f"{path}: {url}" for path, visit in crawl.items() for url in visit.foreign_requests]
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)


def test_no_built_file_references_another_host(built_site: Path) -> None:
    foreign: list[str] = []
    for path in sorted(built_site.rglob("*.html")):
        parser = _ResourceParser()
        parser.feed(path.read_text(encoding="utf-8"))
        foreign += [f"{path.relative_to(built_site)}: {url}" for url in parser.urls if _is_foreign(url)]
    for path in sorted(built_site.rglob("*.css")):
        urls = _CSS_URL.findall(path.read_text(encoding="utf-8"))
        foreign += [f"{path.relative_to(built_site)}: {url}" for url in urls if _is_foreign(url)]
    assert not foreign, "resources from other hosts:\n" + "\n".join(foreign)
