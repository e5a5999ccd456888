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


def test_every_page_has_language_description_and_open_graph(heads: dict[str, Head]) -> None:
    problems = []
    for path, head in heads.items():
        if not (head.lang or "").strip():
            problems.append(f"{path}: no lang attribute on <html>")
        if not (head.title or "").strip():
            problems.append(f"{path}: no <title>")
        problems += [f"{path}: no non-empty <meta {key}>" for key in REQUIRED_META
                     if not head.meta.get(key, "").strip()]
    assert not problems, "\n".join(problems)


def test_titles_are_unique(heads: dict[str, Head]) -> None:
    pages_by_title: dict[str, list[str]] = defaultdict(list)
    for path, head in heads.items():
        pages_by_title[(head.title or "").strip()].append(path)
    shared = {title: paths for title, paths in pages_by_title.items() if len(paths) > 1}
    assert not shared, "\n".join(f"{title!r} is the title of {paths}" for title, paths in shared.items())

