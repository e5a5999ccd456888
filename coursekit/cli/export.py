"""`course export --out dist/instructor` (`make instructor`): answer keys, exam items and LMS exports.

Layout of the output folder:

    keys/<quiz>-<use>-key.html|csv   every quiz, practice and exam
    exam/<quiz>-exam.html            the exam items, without answers
    moodle/<quiz>-<use>.xml          Moodle XML
    gift/<quiz>-<use>.gift.txt       GIFT
    qti/<quiz>-<use>.zip             Canvas QTI, built by text2qti from qti/<quiz>-<use>.text2qti.txt
    course.imscc                     the whole module as one IMS Common Cartridge 1.1 (chapters in reading order,
                                     practice and exam quizzes as CC assessments; see instructors/cartridge.py)
    report.md, report.json           counts per format and everything a format could not carry

Everything is written to a temporary folder and swapped into place at the end (`coursekit.safe_output`):
an existing folder is replaced only if it is empty or an earlier `course export` made it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from coursekit.cli.assign import configured_site_url
from coursekit.content.load import CourseContent, load_content
from coursekit.exam.store import require_unlocked
from coursekit.instructors import cartridge, gift, moodle, qti
from coursekit.instructors.cartridge import build_cartridge
from coursekit.instructors.keys import key_csv, worksheet_page
from coursekit.instructors.limits import Limitation
from coursekit.instructors.quiz_sets import QuizSet, quiz_sets
from coursekit.instructors.source_date import source_date
from coursekit.paths import project_paths
from coursekit.registry import Registry
from coursekit.safe_output import check_output_folder, output_folder

# The one file an instructor imports to set up the whole module (see coursekit/instructors/cartridge.py).
CARTRIDGE_NAME = "course.imscc"
FORMATS = (moodle.FORMAT, gift.FORMAT, qti.FORMAT, cartridge.FORMAT)

def write_exports(sets: list[QuizSet], course_title: str, stage: Path, date: dt.date) -> dict[str, object]:
    """Write every file into `stage`; return the report's data."""
    for folder in ("keys", "exam", "moodle", "gift", "qti"):
        (stage / folder).mkdir()
    limits: list[Limitation] = []
    exported: dict[str, dict[str, int]] = {moodle.FORMAT: {}, gift.FORMAT: {}, qti.FORMAT: {}}
    for qs in sets:
        (stage / "keys" / f"{qs.name}-key.html").write_text(worksheet_page(qs, with_answers=True), encoding="utf-8")
        (stage / "keys" / f"{qs.name}-key.csv").write_text(key_csv(qs), encoding="utf-8")
        if qs.use == "exam":
            (stage / "exam" / f"{qs.name}.html").write_text(worksheet_page(qs, with_answers=False), encoding="utf-8")
        if not qs.items:
            continue
        xml, found = moodle.moodle_xml(qs, course_title)
        (stage / "moodle" / f"{qs.name}.xml").write_text(xml, encoding="utf-8")
        limits += found
        text, found = gift.gift_text(qs)
        (stage / "gift" / f"{qs.name}.gift.txt").write_text(text, encoding="utf-8")
        limits += found
        source, found = qti.text2qti_source(qs)
        (stage / "qti" / f"{qs.name}.text2qti.txt").write_text(source, encoding="utf-8")
        limits += found
        for fmt in exported:
            left_out = {x.item for x in found_for(limits, fmt, qs.name) if x.action == "left out"}
            exported[fmt][qs.name] = len(qs.items) - len(left_out)
        if exported[qti.FORMAT][qs.name]:
            (stage / "qti" / f"{qs.name}.zip").write_bytes(qti.qti_package(source, f"{qs.name}.text2qti.txt", date))
    return {
        "quizzes": [{"quiz": qs.bank.quiz, "use": qs.use, "title": qs.bank.title, "items": len(qs.items),
                     "by_type": _count(i.type for i in qs.items)} for qs in sets],
        "exported": exported,
        "limitations": [asdict(x) for x in limits],
    }


def write_instructor_folder(content: CourseContent, sets: list[QuizSet], stage: Path, site_url: str) -> dict:
    """Everything `course export` writes (and the instructor pack holds): exports, cartridge, report."""
    report = write_exports(sets, content.course.title, stage, source_date(content.paths.root))
    package = build_cartridge(content, sets, site_url)
    (stage / CARTRIDGE_NAME).write_bytes(package.data)
    report["limitations"] += [asdict(x) for x in package.limitations]
    left_out = {(x.quiz, x.item) for x in package.limitations}
    report["exported"][cartridge.FORMAT] = {
        qs.name: sum(1 for i in qs.items if (qs.name, i.id) not in left_out) for qs in sets if qs.items}
    (stage / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (stage / "report.md").write_text(report_markdown(report), encoding="utf-8")
    return report


def found_for(limits: Iterable[Limitation], fmt: str, quiz: str) -> list[Limitation]:
    return [x for x in limits if x.format == fmt and x.quiz == quiz]


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return dict(sorted(counts.items()))


def report_markdown(report: dict) -> str:
    """The report for people: what was exported where, and every item a format could not carry."""
    lines = ["# Instructor exports: report", "",
             "Private: answer keys and exam items. Keep this folder out of the course website.", "",
             "## Items per quiz", "", "| Quiz | Use | Items | Moodle XML | GIFT | Canvas QTI | Common Cartridge |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    exported = report["exported"]
    for q in report["quizzes"]:
        name = f"{q['quiz']}-{q['use']}"
        counts = [str(exported.get(fmt, {}).get(name, 0)) for fmt in FORMATS]
        lines.append(f"| {q['title']} | {q['use']} | {q['items']} | " + " | ".join(counts) + " |")
    lines += ["", "## What each format could not carry", ""]
    limits = report["limitations"]
    if not limits:
        lines.append("Every item was exported in full to every format.")
    for fmt in FORMATS:
        mine = [x for x in limits if x["format"] == fmt]
        if not mine:
            continue
        lines += [f"### {fmt}", "", "| Quiz | Item | Type | Outcome | Why |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {x['quiz']} | `{x['item']}` | {x['type']} | {x['action']} | {x['reason']} |" for x in mine]
        lines.append("")
    lines += ["", "Items left out of a format are still in the answer keys and in the other formats."]
    return "\n".join(lines).rstrip() + "\n"


def cmd_export(args: argparse.Namespace) -> int:
    paths = project_paths(args.root)
    out = Path(args.out)
    check_output_folder(out, "export", paths.root)  # a refused folder is reported first, locked or not
    require_unlocked(paths.quizzes, "the instructor export")
    with output_folder(out, "export", paths.root) as stage:
        content = load_content(paths)
        sets = quiz_sets(content)
        site_url = args.site_url if args.site_url is not None else configured_site_url(paths.root)
        report = write_instructor_folder(content, sets, stage, site_url.strip())
    left_out = sum(1 for x in report["limitations"] if x["action"] == "left out")
    print(f"course export: {len(sets)} quiz sets written to {out}; {left_out} item exports left out "
          f"(see {out / 'report.md'})")
    return 0


def _register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="answer keys, exam items and LMS exports (Moodle XML, GIFT, QTI)")
    parser.add_argument("--out", default="dist/instructor", help="output folder (default: dist/instructor)")
    parser.add_argument("--site-url", help="the course site's address, for the cartridge's chapter links "
                                           "(default: site_url in mkdocs.yml)")
    parser.set_defaults(func=cmd_export)


def register(registry: Registry) -> None:
    registry.add_command(_register)
