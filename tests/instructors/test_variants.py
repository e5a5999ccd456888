"""`course variants`: one version per student, reproducible from the seed, with a key; roster errors as file:line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from coursekit.cli.main import main
from tests.exam_banks import requires_exam_banks

ROSTER = "id,name,email\ns001,Ana García,a@example.org\ns002,Ben <b>Bold</b>,b@example.org\ns003,Chloé Dupont,c@x\n"


def run_variants(roster: Path, out: Path, *extra: str) -> int:
    return main(["variants", "--roster", str(roster), "--chapter", "1", "--seed", "2026", "--use", "all",
                 "--out", str(out), *extra])


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return path


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".course-output.json"}


@requires_exam_banks
@pytest.mark.slow
def test_the_same_roster_and_seed_give_identical_files(roster: Path, tmp_path: Path) -> None:
    assert run_variants(roster, tmp_path / "one") == 0
    assert run_variants(roster, tmp_path / "two") == 0
    first = files(tmp_path / "one")
    assert set(first) == {"sheets.pdf", "variant-key.csv", "variant-key.html", "sheets/s001.html",
                          "sheets/s002.html", "sheets/s003.html"}
    assert first == files(tmp_path / "two")


@requires_exam_banks
def test_students_get_their_own_order_and_the_key_maps_them(roster: Path, tmp_path: Path) -> None:
    assert run_variants(roster, tmp_path / "out", "--no-pdf") == 0
    rows = list(csv.DictReader((tmp_path / "out" / "variant-key.csv").open(encoding="utf-8")))
    by_student: dict[str, list[str]] = {}
    for row in rows:
        by_student.setdefault(row["student_id"], []).append(row["item_id"])
    assert list(by_student) == ["s001", "s002", "s003"]
    orders = list(by_student.values())
    assert all(sorted(order) == sorted(orders[0]) for order in orders), "everyone answers the same questions"
    assert len({tuple(order) for order in orders}) > 1, "the order should differ between students"
    codes = {row["student_id"]: row["variant"] for row in rows}
    for student, code in codes.items():
        sheet = (tmp_path / "out" / "sheets" / f"{student}.html").read_text(encoding="utf-8")
        assert code in sheet
    assert "Ben &lt;b&gt;Bold&lt;/b&gt;" in (tmp_path / "out" / "sheets" / "s002.html").read_text(encoding="utf-8")
    assert run_variants(roster, tmp_path / "other", "--no-pdf", "--seed", "7") == 0
    other = (tmp_path / "other" / "variant-key.csv").read_text(encoding="utf-8")
    assert other != (tmp_path / "out" / "variant-key.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "message"), [
    ("", "roster.csv:1: roster is empty"),
    ("id,nom\n1,Ana\n", "roster.csv:1: missing column 'name'"),
    ("id,name\ns1,Ana\ns2,Ben\ns1,Chloé\n", "roster.csv:4: duplicate id 's1' (first on line 2)"),
    ("id,name\n,Ana\n", "roster.csv:2: empty id"),
    ("id,name\n../x,Ana\n", "roster.csv:2: id '../x' may use only"),
    ("id,name\n", "roster.csv:1: roster has a header but no students"),
])
def test_roster_errors_name_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                                          message: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    assert run_variants(path, tmp_path / "out") == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@requires_exam_banks
def test_a_quiz_without_items_of_that_use_is_a_clear_error(roster: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["variants", "--roster", str(roster), "--chapter", "99", "--seed", "1", "--out", str(tmp_path / "o")])
    assert code == 2 and "no quiz '99'" in capsys.readouterr().err
