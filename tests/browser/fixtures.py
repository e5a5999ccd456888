"""Browser fixtures for the whole suite: Debian's Chromium through Playwright, and the built site on 127.0.0.1.

Loaded from tests/conftest.py as a plugin (not a conftest here) so tests/browser/ and tests/gates/ share one
server and one browser per session.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import BrowserContext as AsyncContext
from playwright.async_api import Page as AsyncPage
from playwright.async_api import Request as AsyncRequest
from playwright.async_api import Route as AsyncRoute
from playwright.async_api import async_playwright
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


def stays_on_site(url: str, origin: str) -> bool:
    """Whether a request for `url` is the site's own (or never leaves the page)."""
    return urlsplit(url).scheme in LOCAL_SCHEMES or origin_of(url) == origin


def record_errors(page: Page | AsyncPage, log: PageLog) -> None:
    """Every console error and uncaught exception of `page` into `log` (either Playwright API: listeners are plain
    callbacks in both)."""
    page.on("console", lambda message: log.console_errors.append(f"{message.text} ({message.location.get('url')})")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: log.console_errors.append(f"uncaught: {error}"))


def watch(context: BrowserContext, page: Page, origin: str) -> PageLog:
    """Block and record every request to another origin, record every console error and uncaught exception."""
    log = PageLog(origin)

    def route(route: Route, request: Request) -> None:
        if stays_on_site(request.url, origin):
            route.continue_()
        else:
            log.foreign_requests.append(request.url)
            route.abort()

    context.route("**/*", route)
    record_errors(page, log)
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
    width_at_narrowest: int = 0  # the page's scroll width once the window is NARROWEST wide


# The narrowest phone screen the course supports: no page may scroll sideways there.
NARROWEST = 320


# Pages the crawl keeps open at once: each waits for 500 ms of network quiet ("networkidle"), and open together
# those waits overlap instead of adding up (one tab at a time spent most of a minute waiting).
CRAWL_TABS = 6


async def _visit(context: AsyncContext, base: str, path: str) -> PageVisit:
    page = await context.new_page()
    log = PageLog(origin_of(base))

    async def route(route: AsyncRoute, request: AsyncRequest) -> None:
        if stays_on_site(request.url, log.origin):
            await route.continue_()
        else:
            log.foreign_requests.append(request.url)
            await route.abort()

    await page.route("**/*", route)
    record_errors(page, log)
    response = await page.goto(base + path, wait_until="networkidle")
    title = await page.title()
    h1 = [text.strip() for text in await page.locator("h1").all_inner_texts()]
    await page.set_viewport_size({"width": NARROWEST, "height": 700})
    width = await page.evaluate("document.documentElement.scrollWidth")
    visit = PageVisit(path=path, status=response.status if response else None, title=title, h1=h1,
                      foreign_requests=log.foreign_requests, console_errors=log.console_errors,
                      width_at_narrowest=int(width))
    await page.close()
    return visit


async def _crawl(chromium: Path, base: str, paths: list[str]) -> dict[str, PageVisit]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context()
            gate = asyncio.Semaphore(CRAWL_TABS)

            async def one(path: str) -> PageVisit:
                async with gate:
                    return await _visit(context, base, path)

            visits = await asyncio.gather(*(one(path) for path in paths))
        finally:
            await browser.close()
    return {visit.path: visit for visit in visits}


@pytest.fixture(scope="session")
def crawl(chromium_path: Path, site_server: str, site_pages: list[str]) -> dict[str, PageVisit]:
    """Every page of the built site opened once over http://127.0.0.1, shared by the page, privacy and narrow-screen
    tests (each page is read at 1280 px, then narrowed to 320 px).

    Several tabs at a time, through Playwright's async API in a Chromium of its own on a thread of its own (the
    session's sync browser belongs to the main thread's event loop)."""
    outcome: dict[str, dict[str, PageVisit] | BaseException] = {}

    def run() -> None:
        try:
            outcome["visits"] = asyncio.run(_crawl(chromium_path, site_server, site_pages))
        except BaseException as error:  # handed to the test thread below
            outcome["error"] = error

    thread = threading.Thread(target=run, name="crawl")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    visits = outcome["visits"]
    assert isinstance(visits, dict)
    return visits
