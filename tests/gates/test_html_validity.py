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


def test_every_page_is_valid_html(built_site: Path, site_pages: list[str]) -> None:
    java = shutil.which("java")
    assert java, "java is missing: apt-get install -y default-jre-headless"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make setup` (npm ci)"
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *(str(built_site / p) for p in site_pages)],
        capture_output=True, text=True,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(_format(m, built_site) for m in errors)
    assert result.returncode == 0, result.stderr[-2000:]
