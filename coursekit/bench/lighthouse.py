"""Lighthouse mobile scores (the `lighthouse` npm package pinned in bench/package.json), median of three runs;
the course and the plain-Material build of the same page are measured in the same run, alternately."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from coursekit.bench.timing import CommandFailed

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
                "--disable-sync --no-first-run")


def ensure_lighthouse(bench_dir: Path) -> Path:
    """Install bench/node_modules from bench/package-lock.json when missing (`npm ci`); returns the CLI script."""
    cli = bench_dir / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.is_file():
        result = subprocess.run(["npm", "ci", "--prefix", str(bench_dir), "--ignore-scripts", "--no-audit",
                                 "--no-fund", "--loglevel=error"], capture_output=True, text=True)
        if result.returncode != 0 or not cli.is_file():
            raise CommandFailed(f"npm ci --prefix {bench_dir} failed:\n{result.stdout}\n{result.stderr}")
    return cli


def lighthouse_run(cli: Path, url: str) -> tuple[dict[str, float], set[str]]:
    """One mobile run (Lighthouse's default form factor and throttling): category -> score 0..100, and the ids
    of the scored audits that fell short."""
    with tempfile.TemporaryDirectory(prefix="course-lighthouse-") as folder:
        report = Path(folder) / "report.json"
        result = subprocess.run(
            ["node", str(cli), url, "--output=json", f"--output-path={report}", "--quiet",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        if result.returncode != 0 or not report.is_file():
            raise CommandFailed(f"lighthouse {url} failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failing = {audit_id for audit_id, audit in data["audits"].items()
               if audit.get("score") is not None and audit["score"] < 1
               and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")}
    return scores, failing


def lighthouse_scores(cli: Path, url: str, runs: int = 3) -> tuple[dict[str, float], list[str]]:
    """Median score per category over `runs` runs, and the audits that fell short in any run."""
    results = [lighthouse_run(cli, url) for _ in range(runs)]
    medians = {name: statistics.median(scores[name] for scores, _ in results) for name in CATEGORIES}
    return medians, sorted(set().union(*(failing for _, failing in results)))


def lighthouse_side_by_side(cli: Path, urls: dict[str, str], runs: int = 3) -> dict[str, tuple[dict[str, float],
                                                                                          list[str]]]:
    """Median scores for several sites' same page, runs alternated (course, plain, course, ...) so that every site
    sees the same machine load; name -> (medians, audits short in any run)."""
    results: dict[str, list[tuple[dict[str, float], set[str]]]] = {name: [] for name in urls}
    for _ in range(runs):
        for name, url in urls.items():
            results[name].append(lighthouse_run(cli, url))
    return {name: ({category: statistics.median(scores[category] for scores, _ in found) for category in CATEGORIES},
                   sorted(set().union(*(failing for _, failing in found))))
            for name, found in results.items()}
