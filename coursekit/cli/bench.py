"""`course bench --out bench/results.json`: measure the current build against the targets of issue 9 and print
the table. A benchmark, not a test: it reports misses and exits 0 unless a measurement itself fails."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from coursekit.bench.baseline import make_plain_project
from coursekit.bench.lighthouse import CATEGORIES, ensure_lighthouse, lighthouse_side_by_side
from coursekit.bench.rebuild import measure_rebuild
from coursekit.bench.report import Row, plain_table, result_files, write_results
from coursekit.bench.server import serve_site
from coursekit.bench.timing import CommandFailed, median, mkdocs_build, timed
from coursekit.bench.weight import GZIP_LEVEL, measure_pages
from coursekit.bench.workspace import copy_project
from coursekit.paths import project_paths
from coursekit.registry import Registry
from coursekit.safe_output import OutputError, check_output_files

BUILD_RATIO_TARGET = 1.5
PDF_RATIO_TARGET = 6.0  # issue 15: every offline edition within 6x the strict site build
REBUILD_TARGET_S = 2.0
WEIGHT_TARGET_BYTES = 80_000
REQUESTS_TARGET = 8
LIGHTHOUSE_TARGET = 100


def _has_command(name: str) -> bool:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    from coursekit.features import build_registry  # the registry lists this module: import late

    for register in build_registry().commands:
        register(sub)
    return name in sub.choices


def _measure_builds(project: Path, plain_config: Path, work: Path, runs: int) -> dict[str, Any]:
    """Alternate full and plain builds so both see the same machine load; medians."""
    full, plain = [], []
    for _ in range(runs):
        full.append(timed(mkdocs_build(project / "mkdocs.yml", work / "site"), project))
        plain.append(timed(mkdocs_build(plain_config, work / "plain-site"), plain_config.parent))
    return {"full_s": median(full), "plain_s": median(plain), "full_runs_s": full, "plain_runs_s": plain}


def _lighthouse_rows(figures: dict[str, Any], measured: dict[str, tuple[dict[str, float], list[str]]], page: str,
                     runs: int, notes: list[str]) -> list[Row]:
    """Course and plain Material side by side: both scores, their ratio, and the course's score against 100."""
    course, course_short = measured["course"]
    plain, plain_short = measured["plain"]
    ratios = {name: (course[name] / plain[name] if plain[name] else None) for name in CATEGORIES}
    figures["lighthouse"] = {"page": page, "median": course, "plain_median": plain, "ratio": ratios,
                             "audits_short": course_short, "plain_audits_short": plain_short}
    rows = []
    for name in CATEGORIES:
        ratio = ratios[name]
        shown = f"{course[name]:.0f} / {plain[name]:.0f}" + (f" ({ratio:.2f}x)" if ratio is not None else "")
        rows.append(Row(f"Lighthouse mobile {name}, course / plain Material (median of {runs})", shown,
                        str(LIGHTHOUSE_TARGET), course[name] >= LIGHTHOUSE_TARGET))
    if course_short:
        notes.append("Lighthouse audits below full score for the course in some run: " + ", ".join(course_short))
    if plain_short:
        notes.append("... and for plain Material: " + ", ".join(plain_short))
    return rows


def run_bench(args: argparse.Namespace) -> int:
    root = project_paths(args.root).root
    out = Path(args.out) if Path(args.out).is_absolute() else root / args.out
    if out.suffix != ".json":
        raise OutputError(f"{args.out}: give a .json file name (a .md table is written beside it)")
    check_output_files(out.parent, "bench", root, result_files(out))  # refuse now, not after minutes of work
    figures: dict[str, Any] = {"runs": args.runs, "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    rows: list[Row] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="course-bench-") as folder:
        work = Path(folder)
        project = copy_project(root, work / "project")
        print("bench: cold strict build ...", file=sys.stderr)
        figures["cold_build_s"] = timed(mkdocs_build(project / "mkdocs.yml", work / "site"), project)
        rows.append(Row("Cold strict build (empty caches)", f"{figures['cold_build_s']:.2f} s"))

        print("bench: plain Material baseline and warm builds ...", file=sys.stderr)
        plain_config = make_plain_project(project, work / "plain")
        builds = _measure_builds(project, plain_config, work, args.runs)
        figures["builds"] = builds
        ratio = builds["full_s"] / builds["plain_s"]
        figures["build_ratio"] = ratio
        rows.append(Row("Strict build, caches warm (median)", f"{builds['full_s']:.2f} s"))
        rows.append(Row("Plain Material build of the same pages (median)", f"{builds['plain_s']:.2f} s"))
        rows.append(Row("Full build / plain build", f"{ratio:.2f}x", f"<= {BUILD_RATIO_TARGET}x",
                        ratio <= BUILD_RATIO_TARGET))

        print("bench: rebuild under mkdocs serve ...", file=sys.stderr)
        chapter = sorted((project / "docs" / "chapters").glob("*.md"))[0]
        rebuild = measure_rebuild(project, chapter, runs=args.runs)
        figures["rebuild"] = {"chapter": chapter.name, "save_to_reload_s": rebuild.save_to_reload,
                              "build_s": rebuild.build}
        rows.append(Row(f"Rebuild after touching {chapter.name} (save to reload, median)",
                        f"{rebuild.save_to_reload:.2f} s (build {rebuild.build:.2f} s)",
                        f"< {REBUILD_TARGET_S:.0f} s", rebuild.save_to_reload < REBUILD_TARGET_S))

        if _has_command("pdf"):
            print("bench: course pdf ...", file=sys.stderr)
            site_before = timed(mkdocs_build(project / "mkdocs.yml", work / "site-ratio"), project)
            figures["pdf_s"] = timed([sys.executable, "-m", "coursekit", "--root", str(project), "pdf", "--quiet",
                                      "--site", str(work / "site"), "--out", str(work / "dist")], project)
            site_after = timed(mkdocs_build(project / "mkdocs.yml", work / "site-ratio"), project)
            site_s = median([*builds["full_runs_s"], site_before, site_after])
            pdf_ratio = figures["pdf_s"] / site_s
            figures["offline_editions"] = {"pdf_s": figures["pdf_s"], "site_build_s": site_s, "ratio": pdf_ratio,
                                           "site_builds_around_pdf_s": [site_before, site_after]}
            rows.append(Row("Offline editions: 2 PDFs + chapter PDFs + EPUB + zip (course pdf)",
                            f"{figures['pdf_s']:.2f} s"))
            rows.append(Row("Offline editions / strict site build (same run)", f"{pdf_ratio:.1f}x",
                            f"<= {PDF_RATIO_TARGET:.0f}x", pdf_ratio <= PDF_RATIO_TARGET))
        else:
            figures["pdf_s"] = None
            rows.append(Row("PDF build (course pdf)", "not available"))

        print("bench: page weight ...", file=sys.stderr)
        site = work / "site"
        chapters = sorted(p.relative_to(site).as_posix() for p in (site / "chapters").glob("*.html"))
        with serve_site(site) as base:
            weights = measure_pages(site, base, chapters)
            heaviest = max(weights, key=lambda w: w.compressed_bytes)
            figures["pages"] = {w.path: {"compressed_bytes": w.compressed_bytes, "requests": w.requests}
                                for w in weights}
            figures["heaviest"] = {"page": heaviest.path, "compressed_bytes": heaviest.compressed_bytes,
                                   "requests": heaviest.requests, "resources": heaviest.resources,
                                   "gzip_level": GZIP_LEVEL}
            rows.append(Row(f"Heaviest chapter page ({heaviest.path}), gzip -{GZIP_LEVEL}",
                            f"{heaviest.compressed_bytes / 1000:.1f} KB", f"< {WEIGHT_TARGET_BYTES // 1000} KB",
                            heaviest.compressed_bytes < WEIGHT_TARGET_BYTES))
            rows.append(Row("Requests for that page", str(heaviest.requests), f"<= {REQUESTS_TARGET}",
                            heaviest.requests <= REQUESTS_TARGET))

            if args.skip_lighthouse:
                notes.append("Lighthouse skipped (--skip-lighthouse).")
            else:
                print(f"bench: Lighthouse (mobile, {args.runs} runs each, course and plain Material alternated) ...",
                      file=sys.stderr)
                cli = ensure_lighthouse(root / "bench")
                with serve_site(work / "plain-site") as plain_base:
                    measured = lighthouse_side_by_side(
                        cli, {"course": base + heaviest.path, "plain": plain_base + heaviest.path}, runs=args.runs)
                rows += _lighthouse_rows(figures, measured, heaviest.path, args.runs, notes)
    notes.append("Measured on a copy of the project in a temporary folder; the site is served with gzip "
                 f"(level {GZIP_LEVEL}) and max-age=600, as GitHub Pages serves it. Times are wall-clock and "
                 "depend on the machine's load; the build ratio compares builds alternated in the same run.")
    markdown = write_results(out, root, figures, rows, notes)
    print(plain_table(rows))
    for note in notes:
        print(f"- {note}")
    print(f"\nwritten: {out} and {markdown}")
    return 0


def run_bench_command(args: argparse.Namespace) -> int:
    try:
        return run_bench(args)
    except CommandFailed as exc:
        print(f"course bench: {exc}", file=sys.stderr)
        return 1


def _register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("bench", help="build, rebuild, PDF, page-weight and Lighthouse figures with targets")
    parser.add_argument("--out", default="bench/results.json", help="results file (a .md table is written beside)")
    parser.add_argument("--runs", type=int, default=3, help="runs per timed figure (medians are reported)")
    parser.add_argument("--skip-lighthouse", action="store_true", help="leave out the Lighthouse runs")
    parser.set_defaults(func=run_bench_command)


def register(registry: Registry) -> None:
    registry.add_command(_register)
