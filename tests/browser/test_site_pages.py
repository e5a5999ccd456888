"""Every page of the built site, opened over http://127.0.0.1: no foreign request, no console error, title and h1."""

from __future__ import annotations

import pytest

from tests.browser.fixtures import NARROWEST, PageVisit
from tests.conftest import CRAWL_GROUP

pytestmark = [pytest.mark.browser, pytest.mark.slow, CRAWL_GROUP]


def _report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{path}: {item}" for path, items in problems.items() for item in items)


def test_the_crawl_covers_the_site(crawl: dict[str, PageVisit]) -> None:
    assert "index.html" in crawl and any(path.startswith("chapters/") for path in crawl)
    bad_status = {path: [f"HTTP {visit.status}"] for path, visit in crawl.items() if visit.status != 200}
    assert not bad_status, _report(bad_status)


def test_no_page_logs_a_console_error(crawl: dict[str, PageVisit]) -> None:
    problems = {path: visit.console_errors for path, visit in crawl.items() if visit.console_errors}
    assert not problems, "console errors:\n" + _report(problems)


def test_no_page_requests_another_host(crawl: dict[str, PageVisit]) -> None:
    problems = {path: visit.foreign_requests for path, visit in crawl.items() if visit.foreign_requests}
    assert not problems, "requests to other hosts:\n" + _report(problems)


def test_every_page_has_a_title_and_one_main_heading(crawl: dict[str, PageVisit]) -> None:
    problems: dict[str, list[str]] = {}
    for path, visit in crawl.items():
        if not visit.title.strip():
            problems.setdefault(path, []).append("no <title>")
        if len([text for text in visit.h1 if text]) != 1:
            problems.setdefault(path, []).append(f"expected one non-empty <h1>, found {visit.h1}")
    assert not problems, _report(problems)


def test_no_page_scrolls_sideways_on_the_narrowest_phone(crawl: dict[str, PageVisit]) -> None:
    wide = {path: visit.width_at_narrowest for path, visit in crawl.items() if visit.width_at_narrowest > NARROWEST}
    assert not wide, f"pages wider than a {NARROWEST} px screen: {wide}"
    assert all(visit.width_at_narrowest > 0 for visit in crawl.values()), "the crawl measured every page"
