"""Gate: reading the site asks no host but the site's own.

Two views: what the browser actually requested on every page (the shared crawl, over http://127.0.0.1), and
every resource the built files reference (HTML src/href of non-links, CSS url() and @import), which also covers
resources a page would only load later (print styles, lazy images, a font on hover). Each view is first shown a
page that does reach another host, and must flag it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.fixtures import PageLog, PageVisit
from tests.conftest import CRAWL_GROUP

pytestmark = pytest.mark.slow

# Elements whose URL attributes the browser fetches by itself (an <a href> is only fetched when followed).
_FETCHED = {"script": ("src",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
            "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "embed": ("src",),
            "object": ("data",), "track": ("src",), "image": ("href", "xlink:href"), "use": ("href", "xlink:href")}
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")
_LOCAL_SCHEMES = {"", "data", "blob", "about"}
# A page that reaches three other hosts: a script, a stylesheet's font, an inline style's image.
FOREIGN_SAMPLE = """<!doctype html><html lang="en"><head><title>bad</title>
<link rel="canonical" href="https://example.org/page.html">
<script src="https://cdn.example.com/lib.js"></script>
<style>@font-face { font-family: x; src: url("https://fonts.example.net/x.woff2"); }</style></head>
<body><p style="background: url(//images.example.com/bg.png)">text</p>
<a href="https://example.org/">a link</a></body></html>
"""
FOREIGN_IN_SAMPLE = {"https://cdn.example.com/lib.js", "https://fonts.example.net/x.woff2",
                     "//images.example.com/bg.png"}


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


def foreign_resources(site: Path) -> list[str]:
    """'page: url' for every resource a built file would fetch from another host."""
    foreign: list[str] = []
    for path in sorted(site.rglob("*.html")):
        parser = _ResourceParser()
        parser.feed(path.read_text(encoding="utf-8"))
        foreign += [f"{path.relative_to(site)}: {url}" for url in parser.urls if _is_foreign(url)]
    for path in sorted(site.rglob("*.css")):
        urls = _CSS_URL.findall(path.read_text(encoding="utf-8"))
        foreign += [f"{path.relative_to(site)}: {url}" for url in urls if _is_foreign(url)]
    return foreign


def test_the_file_scan_flags_a_page_that_reaches_other_hosts(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text(FOREIGN_SAMPLE, encoding="utf-8")
    (tmp_path / "bad.css").write_text('@import "https://cdn.example.com/theme.css";', encoding="utf-8")
    found = {line.split(": ", 1)[1] for line in foreign_resources(tmp_path)}
    assert found == FOREIGN_IN_SAMPLE | {"https://cdn.example.com/theme.css"}


@pytest.mark.browser
def test_the_request_watch_flags_a_page_that_reaches_other_hosts(
        open_context: Callable[..., tuple[Page, PageLog]], site_server: str) -> None:
    page, log = open_context(site_server.rstrip("/"))
    page.goto(site_server + "index.html")
    page.set_content(FOREIGN_SAMPLE, wait_until="load")
    assert {"https://cdn.example.com/lib.js", "http://images.example.com/bg.png"} <= set(log.foreign_requests)


@pytest.mark.browser
@CRAWL_GROUP
def test_no_page_request_leaves_the_site(crawl: dict[str, PageVisit]) -> None:
    foreign = [f"{path}: {url}" for path, visit in crawl.items() for url in visit.foreign_requests]
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)


def test_no_built_file_references_another_host(built_site: Path) -> None:
    foreign = foreign_resources(built_site)
    assert not foreign, "resources from other hosts:\n" + "\n".join(foreign)
