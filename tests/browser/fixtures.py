"""Browser fixtures for the whole suite: Debian's Chromium through Playwright, and the built site on 127.0.0.1.

Loaded from tests/conftest.py as a plugin (not a conftest here) so tests/browser/ and tests/gates/ share one
server and one browser per session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Request, Route, sync_playwright

from coursekit.bench.server import serve_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Schemes that never leave the page: inline data, object URLs, the blank page.
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-error"}


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Debian's Chromium; CI installs it (.ci/run), so its absence is a failure, not a skip."""
    assert CHROMIUM.is_file(), f"{CHROMIUM} is missing: apt-get update && apt-get install -y chromium"
    return CHROMIUM


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """The built site served on a free 127.0.0.1 port the way a static host serves it (gzip, Cache-Control),
    with the same server the benchmark uses; yields the base URL ending in '/'."""
    with serve_site(built_site) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Browser]:
    """One headless Chromium for the session (never a downloaded browser)."""
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@dataclass
class PageLog:
    """What one browsing context did: requests that left the site (blocked) and console errors."""

    origin: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def origin_of(url: str) -> str:
    """scheme://host:port, or 'file://' for local files."""
    parts = urlsplit(url)
    return "file://" if parts.scheme == "file" else f"{parts.scheme}://{parts.netloc}"


def watch(context: BrowserContext, page: Page, origin: str) -> PageLog:
    """Block and record every request to another origin, record every console error and uncaught exception."""
    log = PageLog(origin)

    def route(route: Route, request: Request) -> None:
        scheme = urlsplit(request.url).scheme
        if scheme in LOCAL_SCHEMES or origin_of(request.url) == origin:
            route.continue_()
        else:
            log.foreign_requests.append(request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda message: log.console_errors.append(f"{message.text} ({message.location.get('url')})")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: log.console_errors.append(f"uncaught: {error}"))
    return log


@pytest.fixture
def open_context(browser: Browser) -> Iterator[Callable[..., tuple[Page, PageLog]]]:
    """Factory: a fresh context and page watched for foreign requests and console errors.

    `open_context(origin, **context_options)`; the contexts are closed after the test.
    """
    contexts: list[BrowserContext] = []

    def make(origin: str, **options: object) -> tuple[Page, PageLog]:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        return page, watch(context, page, origin)

    yield make
    for context in contexts:
        context.close()


@dataclass(frozen=True)
class PageVisit:
    """One page as the browser saw it."""

    path: str
    status: int | None
    title: str
    h1: list[str]
    foreign_requests: list[str]
    console_errors: list[str]


@pytest.fixture(scope="session")
def crawl(browser: Browser, site_server: str, site_pages: list[str]) -> dict[str, PageVisit]:
    """Every page of the built site opened once over http://127.0.0.1, shared by the page and privacy tests."""
    visits: dict[str, PageVisit] = {}
    context = browser.new_context()
    try:
        for path in site_pages:
            page = context.new_page()
            log = watch(context, page, origin_of(site_server))
            response = page.goto(site_server + path, wait_until="networkidle")
            visits[path] = PageVisit(
                path=path,
                status=response.status if response else None,
                title=page.title(),
                h1=[text.strip() for text in page.locator("h1").all_inner_texts()],
                foreign_requests=list(log.foreign_requests),
                console_errors=list(log.console_errors),
            )
            page.close()
            context.unroute("**/*")
    finally:
        context.close()
    return visits
