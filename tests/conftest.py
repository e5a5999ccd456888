"""Fixtures the whole suite shares: the site built once per session with the real mkdocs.yml.

The browser fixtures (Chromium, the local web server) live in tests/browser/fixtures.py and are loaded here as a
plugin, so tests/browser/ and tests/gates/ share one server and one browser instead of each starting their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coursekit.paths import REPO_ROOT

pytest_plugins = ["tests.browser.fixtures"]

# For developing against a site built by hand (e.g. with a trimmed config); CI never sets it.
PREBUILT_SITE_VARIABLE = "COURSE_TEST_SITE_DIR"


def build_site(config: Path, target: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` with the .venv's own MkDocs, output captured for the failure message."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(target)],
        cwd=REPO_ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course site, built strictly from the real mkdocs.yml into a temporary folder, once per session."""
    prebuilt = os.environ.get(PREBUILT_SITE_VARIABLE)
    if prebuilt:
        return Path(prebuilt).resolve()
    target = tmp_path_factory.mktemp("site")
    result = build_site(REPO_ROOT / "mkdocs.yml", target)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
                    pytrace=False)
    return target


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the site root ('index.html', 'chapters/...')."""
    return sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))
