"""Fixtures the whole suite shares: the site built once per session with the real mkdocs.yml.

The browser fixtures (Chromium, the local web server) live in tests/browser/fixtures.py and are loaded here as a
plugin, so tests/browser/ and tests/gates/ share one server and one browser instead of each starting their own.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from coursekit.content.essay import HOW_TO_GET_IT, essay_path
from coursekit.content.load import CourseContent, load_content
from coursekit.paths import REPO_ROOT, project_paths

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
    """The course site, built strictly from the real mkdocs.yml once per run and shared by every test that reads it.

    Under pytest-xdist every worker asks for it: the first to take the lock builds, the others wait and reuse it.
    """
    prebuilt = os.environ.get(PREBUILT_SITE_VARIABLE)
    if prebuilt:
        return Path(prebuilt).resolve()
    return shared_once(tmp_path_factory, "site", lambda target: _build_or_fail(target))


def _build_or_fail(target: Path) -> None:
    result = build_site(REPO_ROOT / "mkdocs.yml", target)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}",
                    pytrace=False)


def shared_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder made once per test run, even across pytest-xdist workers (a lock file in the run's base folder)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # shared by every worker of this run
    target, done = base / f"shared-{name}", base / f"shared-{name}.done"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            if target.exists():
                shutil.rmtree(target)  # a half-made folder from a worker that failed
            target.mkdir()
            make(target)
            done.touch()
    return target


# Session fixtures too slow to make once per pytest-xdist worker (`pdf_build`, `crawl`): the modules that use
# them carry `pytest.mark.xdist_group(...)`, so under --dist loadgroup their tests share one worker and the
# fixture is made once; every other test, browser tests included, goes wherever a worker is free.
PDF_GROUP = pytest.mark.xdist_group("pdf")
CRAWL_GROUP = pytest.mark.xdist_group("crawl")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """PDF tests carry the `pdf` marker (make test-fast leaves them out)."""
    for item in items:
        if "tests/pdf/" in item.nodeid or item.get_closest_marker("pdf"):
            item.add_marker(pytest.mark.pdf)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session: pytest.Session) -> None:
    """Fail the run when --dist loadgroup does not group (pytest-xdist 3.8 renames test ids through an attribute
    pytest 9.2 no longer reads: every costly fixture was then made on both workers, unnoticed)."""
    if not session.config.getoption("loadgroup", default=False):
        return
    ungrouped = [item.nodeid for item in session.items
                 if item.get_closest_marker("xdist_group") and "@" not in item.nodeid]
    if ungrouped:
        raise pytest.UsageError(f"pytest-xdist did not group {len(ungrouped)} tests (e.g. {ungrouped[0]}): check the "
                                "pytest / pytest-xdist pins in pyproject.toml")


@pytest.fixture(scope="session")
def site_pages(built_site: Path) -> list[str]:
    """Every HTML page of the built site, as paths relative to the site root ('index.html', 'chapters/...')."""
    return sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*.html"))


# A project copy: content and top-level files copied (a test may break them), code and npm assets linked.
COPIED_FOLDERS = ("docs", "bibliography", "quizzes")
LINKED_FOLDERS = ("coursekit", "node_modules")
ProjectCopy = Callable[..., Path]


def copy_from_repo(names: tuple[str, ...], root: Path, ignore: tuple[str, ...] = ()) -> Path:
    """The named folders and files of the project copied into `root` (made here), node_modules linked (large and
    read-only): for tests that need a chosen part of the project rather than `project_copy`'s whole content."""
    root.mkdir()
    for name in names:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns(*ignore))
        else:
            shutil.copy2(source, root / name)
    (root / "node_modules").symlink_to(REPO_ROOT / "node_modules", target_is_directory=True)
    return root


@pytest.fixture
def project_copy(tmp_path: Path) -> ProjectCopy:
    """A factory: `project_copy()` returns the root of a fresh copy of the project under tmp_path.

    Only files git would see are copied (no site/, dist/, .cache/, .venv/), so the copy has its own caches.
    """
    made = 0

    def make(name: str | None = None) -> Path:
        nonlocal made
        made += 1
        root = tmp_path / (name or f"project-{made}")
        root.mkdir()
        for path in REPO_ROOT.iterdir():
            if path.is_file():
                shutil.copy2(path, root / path.name)
        for folder in COPIED_FOLDERS:
            if (REPO_ROOT / folder).exists():
                shutil.copytree(REPO_ROOT / folder, root / folder)
        for folder in LINKED_FOLDERS:
            if (REPO_ROOT / folder).exists():
                (root / folder).symlink_to(REPO_ROOT / folder, target_is_directory=True)
        return root

    return make


@pytest.fixture(scope="session")
def real_content() -> CourseContent:
    """The real project's content, loaded and validated once per session for every test that reads it."""
    return load_content(project_paths(REPO_ROOT))


@pytest.fixture(scope="session")
def essay_text() -> str:
    """The essay's text (COURSE_ESSAY, else ../shared/source/article.txt); skips with how to get it when absent.

    .ci/run sets COURSE_ESSAY whenever ../shared is present, so CI never skips these tests silently.
    """
    path = essay_path(REPO_ROOT)
    if path is None:
        pytest.skip(f"needs the essay: COURSE_ESSAY is not set and ../shared/source/article.txt is absent. "
                    f"{HOW_TO_GET_IT}")
    return path.read_text(encoding="utf-8")


def on_config_error(root: Path) -> str | None:
    """What the build's on_config says about a project, in-process: None when it passes, else its error.

    Content is validated in on_config before MkDocs writes anything, so a bad-input case needs no full build
    (tests/quiz/test_site_build.py keeps one end-to-end build that fails and writes nothing).
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    from coursekit.site import hooks

    config = load_config(config_file=str(root / "mkdocs.yml"))
    try:
        hooks.on_config(config)
    except PluginError as exc:
        return str(exc)
    return None
