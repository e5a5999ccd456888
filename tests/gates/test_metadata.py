"""Gate: every page has a unique title, a description, a language and Open Graph title and description."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.gates.head import Head, read_head

pytestmark = pytest.mark.slow

REQUIRED_META = ("description", "og:title", "og:description")


@pytest.fixture(scope="module")
def heads(built_site: Path, site_pages: list[str]) -> dict[str, Head]:
    return {path: read_head(built_site / path) for path in site_pages}


def missing_metadata(heads: dict[str, Head]) -> list[str]:
    """'page: what is missing' for every page without a language, a title, a description or Open Graph tags."""
    problems = []
    for path, head in heads.items():
        if not (head.lang or "").strip():
            problems.append(f"{path}: no lang attribute on <html>")
        if not (head.title or "").strip():
            problems.append(f"{path}: no <title>")
        problems += [f"{path}: no non-empty <meta {key}>" for key in REQUIRED_META
                     if not head.meta.get(key, "").strip()]
    return problems


def shared_titles(heads: dict[str, Head]) -> dict[str, list[str]]:
    """Titles used by more than one page, with the pages."""
    pages_by_title: dict[str, list[str]] = defaultdict(list)
    for path, head in heads.items():
        pages_by_title[(head.title or "").strip()].append(path)
    return {title: paths for title, paths in pages_by_title.items() if len(paths) > 1}


def test_the_checks_flag_known_bad_pages(tmp_path: Path) -> None:
    good = ('<html lang="en"><head><title>A</title><meta name="description" content="d">'
            '<meta property="og:title" content="A"><meta property="og:description" content="d"></head></html>')
    bad = '<html><head><title>A</title><meta name="description" content=" "></head></html>'
    (tmp_path / "good.html").write_text(good, encoding="utf-8")
    (tmp_path / "bad.html").write_text(bad, encoding="utf-8")
    heads = {name: read_head(tmp_path / name) for name in ("good.html", "bad.html")}
    assert missing_metadata(heads) == [
        "bad.html: no lang attribute on <html>", "bad.html: no non-empty <meta description>",
        "bad.html: no non-empty <meta og:title>", "bad.html: no non-empty <meta og:description>"]
    assert shared_titles(heads) == {"A": ["good.html", "bad.html"]}


def test_every_page_has_language_description_and_open_graph(heads: dict[str, Head]) -> None:
    problems = missing_metadata(heads)
    assert not problems, "\n".join(problems)


def test_titles_are_unique(heads: dict[str, Head]) -> None:
    shared = shared_titles(heads)
    assert not shared, "\n".join(f"{title!r} is the title of {paths}" for title, paths in shared.items())
