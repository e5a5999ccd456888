"""Issue 17, point 4: markup planted in every free-text field of every data file never runs on the site.

A copy of the project gets `<img src=x onerror=alert(N)>` appended to each glossary, timeline, course,
concept-map, chapter front-matter and question-bank text (tests/safety/hostile.py), and is built strictly.
Every page is opened in Chromium (each quiz answered, so the widget's feedback is drawn too): no dialog may
open, no planted element may exist, and each planted payload shown on the site must read as literal text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from coursekit.bench.server import serve_site
from coursekit.bench.workspace import copy_project
from coursekit.paths import REPO_ROOT
from tests.safety.hostile import payload, plant_where_accepted

# Spaces optional: the concept map wraps labels into SVG <text> lines, whose text joins without a space.
PAYLOAD = re.compile(r"<img\s*src=x\s*onerror=alert\((\d+)\)>")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str], Path]:
    work = tmp_path_factory.mktemp("hostile")
    copies = iter(range(100))
    root, planted, refused = plant_where_accepted(lambda: copy_project(REPO_ROOT, work / f"project-{next(copies)}"))
    # A field that refuses markup at validation is safe by construction; it must be a structural one.
    assert all(any(w in why for w in ("must be one of", "must be", "id ")) for why in refused.values()), refused
    site = work / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, f"the hostile build failed:\n{result.stderr[-4000:]}"
    return root, planted, site


@pytest.fixture(scope="module")
def hostile_server(hostile: tuple[Path, dict[int, str], Path]) -> Iterator[str]:
    with serve_site(hostile[2]) as base:
        yield base


ANSWER_EVERY_QUESTION = """() => {
  for (const item of document.querySelectorAll('.cq-item')) {
    const input = item.querySelector('input[type=radio], input[type=checkbox]');
    if (input) input.click();
    const text = item.querySelector('input[type=text]');
    if (text) { text.value = 'x'; text.dispatchEvent(new Event('input', {bubbles: true})); }
    const check = [...item.querySelectorAll('button')].find(b => /check/i.test(b.textContent));
    if (check) check.click();
  }
  for (const details of document.querySelectorAll('details')) details.open = true;
}"""

# The page's text and every attribute value as the browser parsed them (tooltips, popovers' data, meta tags).
SHOWN_TEXT = """() => {
  const parts = [document.title, document.documentElement.textContent];
  for (const el of document.querySelectorAll('*'))
    for (const attribute of el.attributes) parts.push(attribute.value);
  return parts.join('\\n');
}"""
SOURCE_NUMBER = re.compile(r"alert\((\d+)\)")
SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


@pytest.mark.slow
def test_planted_markup_never_runs_and_reads_as_text(hostile: tuple[Path, dict[int, str], Path],
                                                     hostile_server: str, browser: Browser) -> None:
    _, planted, site = hostile
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    # The students' assignment page draws every chapter and quiz from the embedded catalogue.
    chapters = sorted(int(p.stem.split("-")[1]) for p in (site / "quizzes").glob("chapter-*.html"))
    pages.append("assignment.html?" + "&".join([*(f"chapter={n}" for n in chapters),
                                                *(f"quiz={n}" for n in chapters), "quiz=final"]))
    dialogs: list[str] = []
    planted_elements: dict[str, int] = {}
    shown: set[int] = set()
    double_escaped: list[str] = []
    context = browser.new_context()
    try:
        for path in pages:
            page = context.new_page()
            page.on("dialog", lambda dialog, where=path: (dialogs.append(f"{where}: {dialog.message}"),
                                                          dialog.dismiss()))
            page.goto(hostile_server + path, wait_until="load")
            if path.startswith("quizzes/"):
                page.evaluate(ANSWER_EVERY_QUESTION)
            page.wait_for_timeout(50)
            count = page.evaluate("() => document.querySelectorAll('img[src=x], [onerror]').length")
            if count:
                planted_elements[path] = count
            text = page.evaluate(SHOWN_TEXT)
            shown |= {int(n) for n in PAYLOAD.findall(text)}
            if "&lt;img src=x" in text or "&amp;lt;" in text:
                double_escaped.append(path)
            page.close()
    finally:
        context.close()
    assert not dialogs, f"planted script ran: {dialogs[:10]} ({len(dialogs)} dialogs)"
    assert not planted_elements, f"planted markup became elements: {planted_elements}"
    assert not double_escaped, f"escaped twice (entities shown to the reader): {double_escaped}"
    # Every payload that reaches the built files must read as text in the browser; a field the site never
    # renders (exam items, the PDFs' cover text, check rules, a renderer leaving a field out) is not on the site.
    # (Data embedded for scripts, such as the assignment builder's catalogue, is counted when a script shows it.)
    in_files = {int(n) for p in site.rglob("*.html")
                for n in SOURCE_NUMBER.findall(SCRIPT.sub("", p.read_text(encoding="utf-8")))}
    missing = {n: where for n, where in planted.items() if n in in_files and n not in shown}
    print(f"\n{len(planted)} fields planted, {len(in_files)} reach the site, {len(shown)} read as text")
    assert len(in_files) > len(planted) // 2, "most planted fields must reach the site, or the test proves little"
    assert not missing, ("planted text not shown literally anywhere on the site: "
                         + json.dumps(dict(list(missing.items())[:20]), indent=1))


def test_the_payload_is_the_one_the_pattern_finds() -> None:
    assert PAYLOAD.fullmatch(payload(12)).group(1) == "12"
