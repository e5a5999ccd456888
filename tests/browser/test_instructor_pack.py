"""instructors/pack.html: the locked pack opens with the passphrase, in Chromium, over http and from file://.

With the passphrase and unlocked exam banks (CI), the built site holds the sealed pack: the right passphrase
gives a zip with the keys, the LMS files and the .imscc; a wrong one a clear message and no download. Without
them (a fork, a public clone) the page says the pack is not part of this build and how to make it.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from coursekit.exam.passphrase import PASSPHRASE_FILE_VARIABLE, passphrase_from_env
from coursekit.paths import REPO_ROOT
from tests.browser.fixtures import PageLog

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def project_passphrase() -> str | None:
    shared = REPO_ROOT.parent / "shared" / "exam-passphrase"
    env = dict(os.environ)
    if not env.get("COURSE_EXAM_PASSPHRASE") and not env.get(PASSPHRASE_FILE_VARIABLE) and shared.is_file():
        env[PASSPHRASE_FILE_VARIABLE] = str(shared)
    return passphrase_from_env(env)


def has_pack(site: Path) -> bool:
    return (site / "instructors" / "pack-data.js").is_file()


def open_pack(open_context: Callable[..., tuple[Page, PageLog]], url: str, origin: str) -> tuple[Page, PageLog]:
    page, log = open_context(origin, accept_downloads=True, viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_load_state("load")
    return page, log


@pytest.mark.parametrize("where", ["http", "file"])
def test_the_pack_unlocks_with_the_passphrase_and_refuses_a_wrong_one(
        built_site: Path, site_server: str, open_context: Callable[..., tuple[Page, PageLog]], where: str) -> None:
    if not has_pack(built_site):
        pytest.skip("this build has no instructor pack (no exam passphrase or locked exam banks): see the "
                    "test of the page's message")
    passphrase = project_passphrase()
    assert passphrase, "the build made a pack, so the passphrase must be set for the test too"
    if where == "http":
        page, log = open_pack(open_context, site_server + "instructors/pack.html", site_server.rstrip("/"))
    else:
        page, log = open_pack(open_context, (built_site / "instructors" / "pack.html").as_uri(), "file://")
    field = page.get_by_label("Instructor passphrase")
    status = page.locator("#course-pack-status")
    field.fill("not the passphrase")
    field.press("Enter")  # keyboard only
    expect(status).to_contain_text("does not open the pack", timeout=60_000)
    expect(page.locator("#course-pack-result")).to_be_hidden()
    field.fill(passphrase)
    page.get_by_role("button", name="Unlock the pack").click()
    expect(status).to_contain_text("Unlocked", timeout=60_000)
    with page.expect_download() as info:
        page.get_by_role("link", name="Download the instructor pack (zip)").click()
    data = Path(info.value.path()).read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    for wanted in ("instructor-pack/course.imscc", "instructor-pack/report.md"):
        assert wanted in names
    for folder in ("keys/", "exam/", "moodle/", "gift/", "qti/"):
        assert any(n.startswith(f"instructor-pack/{folder}") for n in names), folder
    assert any(n.endswith("-exam-key.csv") for n in names)
    assert passphrase not in page.content()
    assert not log.console_errors and not log.foreign_requests


def test_without_a_pack_the_page_says_how_to_make_one(built_site: Path,
                                                      open_context: Callable[..., tuple[Page, PageLog]]) -> None:
    html = (built_site / "instructors" / "pack.html").read_text(encoding="utf-8")
    if has_pack(built_site):
        assert "course-pack-form" in html and "not part of this build" not in html
        return
    page, log = open_pack(open_context, (built_site / "instructors" / "pack.html").as_uri(), "file://")
    text = page.locator("#course-pack").inner_text()
    assert "not part of this build" in text and "course exam unlock" in text and "make instructor" in text
    assert not log.console_errors
