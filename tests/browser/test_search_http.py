"""Over http the search index and worker load only when the reader opens search, and search then works."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SEARCH_FILES = ("search/search_index.json", "/workers/search.")


@pytest.mark.parametrize("width", [1280, 390])
def test_search_loads_on_demand_and_finds_a_chapter(site_server: str, open_context, width: int) -> None:
    page, log = open_context(site_server.rstrip("/"), viewport={"width": width, "height": 800})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + "index.html", wait_until="networkidle")
    assert not [url for url in requested if any(part in url for part in SEARCH_FILES)], \
        "the search index or worker was loaded before the reader opened search"

    if width >= 960:
        page.locator("input.md-search__input").click()  # the field sits in the header
    else:
        page.locator("label.md-header__button[for='__search']").click()  # the phone header shows a button
    page.locator("input.md-search__input").press_sequentially("informalization", delay=30)
    results = page.locator(".md-search-result__list a")
    expect(results.first).to_be_visible(timeout=15_000)
    assert any("search/search_index.json" in url for url in requested)
    assert any("chapters/" in (results.nth(i).get_attribute("href") or "") for i in range(results.count()))
    assert not log.console_errors, log.console_errors
    assert not log.foreign_requests, log.foreign_requests
