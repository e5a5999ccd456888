"""The course's stylesheets reach readers as one minified bundle, in the order mkdocs.yml lists them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from coursekit.paths import REPO_ROOT
from coursekit.site.stylesheet_bundle import BUNDLE_URI, minify

pytestmark = pytest.mark.slow


def test_pages_link_the_bundle_and_it_holds_every_stylesheet_in_order(built_site: Path) -> None:
    config = yaml_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = [entry for entry in config.get("extra_css", []) if entry.startswith("assets/css/")]
    bundle = (built_site / BUNDLE_URI).read_text(encoding="utf-8")
    positions = [bundle.find(minify((REPO_ROOT / "docs" / entry).read_text(encoding="utf-8"))) for entry in listed]
    assert all(position >= 0 for position in positions), dict(zip(listed, positions, strict=True))
    assert positions == sorted(positions), "the bundle changed the cascade order"

    page = (built_site / "chapters" / "01-introduction.html").read_text(encoding="utf-8")
    course_links = re.findall(r'<link rel="stylesheet" href="\.\./(assets/css/[^"]+)"', page)
    assert course_links == [BUNDLE_URI]
