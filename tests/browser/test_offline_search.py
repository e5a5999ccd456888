"""The site read from file:// (no server): search works and finds a chapter by a word from its title."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coursekit.content.load import load_content
from coursekit.paths import project_paths

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _search_word(title: str) -> str:
    """The longest word of a chapter title: specific enough that the chapter ranks in the results."""
    return max(re.findall(r"[A-Za-z]+", title), key=len).lower()


def test_search_from_file_url_finds_the_chapter(built_site: Path, open_context) -> None:
    chapter = load_content(project_paths()).chapters[3]
    word = _search_word(chapter.title)
    page, log = open_context("file://")
    page.goto((built_site / "index.html").as_uri())
    search = page.locator("input.md-search__input")  # in the header at desktop width
    search.click()
    expect(search).to_be_focused()
    search.press_sequentially(word, delay=30)
    results = page.locator(".md-search-result__list a")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    found = any(f"chapters/{chapter.stem}.html" in href for href in hrefs)
    assert found, f"searching '{word}' did not find {chapter.stem}: {hrefs}"
    assert not log.foreign_requests, log.foreign_requests
    assert not log.console_errors, log.console_errors
