"""Page weight: what a first visit to a chapter page downloads, gzip-compressed as a static host serves it."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
GZIP_LEVEL = 6  # gzip's and most static hosts' default


@dataclass
class PageWeight:
    """One page's first load: every request and its compressed size."""

    path: str
    resources: dict[str, int] = field(default_factory=dict)  # site path -> gzip bytes (0 when not in the site)

    @property
    def requests(self) -> int:
        return len(self.resources)

    @property
    def compressed_bytes(self) -> int:
        return sum(self.resources.values())


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL)) if path.is_file() else 0


def measure_pages(site: Path, base_url: str, pages: list[str]) -> list[PageWeight]:
    """Open each page in a fresh browser context (cold cache) and add up what it requested."""
    from playwright.sync_api import sync_playwright  # a dev dependency: imported only when measuring

    weights = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for page_path in pages:
                context = browser.new_context()
                weight = PageWeight(page_path)
                urls: list[str] = []
                context.on("request", lambda request, urls=urls: urls.append(request.url))
                page = context.new_page()
                page.goto(base_url + page_path, wait_until="networkidle")
                for url in urls:
                    if url.startswith(("data:", "blob:")):
                        continue
                    local = unquote(urlsplit(url).path).lstrip("/")
                    weight.resources[local] = gzip_size(site / local)
                weights.append(weight)
                context.close()
        finally:
            browser.close()
    return weights
