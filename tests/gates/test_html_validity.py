"""Gate: the Nu HTML Checker (vnu.jar from the vnu-jar npm package, run by Debian's Java) finds no error."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from coursekit.paths import REPO_ROOT

pytestmark = pytest.mark.slow

VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _format(message: dict, site: Path) -> str:
    where = message.get("url", "").removeprefix(site.as_uri() + "/").removeprefix("file:")
    extract = (message.get("extract") or "").strip().replace("\n", " ")[:160]
    return f"{where}:{message.get('lastLine', '?')}: {message.get('message')}  [{extract}]"


# Known-bad HTML the checker must flag: a duplicate id, a <div> inside a <span>, an <img> without alt.
BAD_SAMPLE = ('<!doctype html><html lang="en"><head><title>bad</title></head><body>'
              '<p id="x">a</p><p id="x">b</p><span><div>block in inline</div></span><img src="a.png"></body></html>')
BAD_NAME = "known-bad-sample.html"


def vnu_errors(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's errors for these files (one Java start for all of them)."""
    java = shutil.which("java")
    assert java, "java is missing: apt-get install -y default-jre-headless"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make setup` (npm ci)"
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True)
    report = json.loads(result.stderr or result.stdout)
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


def test_every_page_is_valid_html_and_the_checker_flags_a_bad_one(built_site: Path, site_pages: list[str],
                                                                  tmp_path: Path) -> None:
    """The site's pages and a known-bad sample in one checker run: the sample's errors, and only those."""
    sample = tmp_path / BAD_NAME
    sample.write_text(BAD_SAMPLE, encoding="utf-8")
    errors = vnu_errors([*(built_site / p for p in site_pages), sample])
    flagged = [m for m in errors if m.get("url", "").endswith(BAD_NAME)]
    assert len(flagged) >= 3, f"the checker missed errors in the known-bad sample: {flagged}"
    site_errors = [m for m in errors if not m.get("url", "").endswith(BAD_NAME)]
    assert not site_errors, f"{len(site_errors)} HTML error(s):\n" + "\n".join(_format(m, built_site)
                                                                            for m in site_errors)
