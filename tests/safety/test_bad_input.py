"""Issue 17, points 9-12: bad input gets one clear line naming the file and the problem, never a traceback.

Each case is planted in a fresh copy of the project and run through `course check` (in-process) and, where it
is content, through the build's on_config as well, which is where the build validates before writing.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from coursekit.cli.main import main
from coursekit.paths import REPO_ROOT
from tests.conftest import on_config_error

ProjectCopy = Callable[..., Path]


def course(root: Path, *argv: str) -> int:
    return main(["--root", str(root), *argv])


def check_reports(root: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    status = course(root, "check")
    err = capsys.readouterr().err
    assert status != 0, "course check accepted bad content"
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


# ------------------------------------------------------------------------------------------- point 9: encoding


def test_a_bank_that_is_not_utf8_is_named_with_its_line(project_copy: ProjectCopy,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    bank = root / "quizzes" / "chapter-2.yml"
    lines = bank.read_bytes().split(b"\n")
    lines[4] = lines[4] + " caf\xe9".encode("latin-1")
    bank.write_bytes(b"\n".join(lines))
    err = check_reports(root, capsys, f"{bank}:5:", "not UTF-8", "0xe9")
    assert len([x for x in err.splitlines() if "not UTF-8" in x]) == 1
    assert "not UTF-8" in (on_config_error(root) or "")


@pytest.mark.parametrize("relative", ["docs/_data/glossary.yml", "docs/chapters/03-empowerment-and-representation.md",
                                      "bibliography/references.bib", "docs/index.md"])
def test_every_kind_of_content_file_reports_bad_encoding(project_copy: ProjectCopy, relative: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    path = root / relative
    path.write_bytes(path.read_bytes() + b"\n\xff\xfe broken\n")
    check_reports(root, capsys, str(path), "not UTF-8")


# ------------------------------------------------------------------------------------------- point 10: dates


@pytest.mark.parametrize(("date", "words"), [("1999-02-30", "does not exist"), ("2021-13-45", "does not exist"),
                                             ("2021-00", "does not exist"), ("0000", "does not exist"),
                                             ("21-01-01", "must be YYYY")])
def test_timeline_dates_must_exist(project_copy: ProjectCopy, capsys: pytest.CaptureFixture[str], date: str,
                                   words: str) -> None:
    root = project_copy()
    timeline = root / "docs" / "_data" / "timeline.yml"
    text = timeline.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("date:"))
    timeline.write_text(text.replace(first, first.split("date:")[0] + f'date: "{date}"', 1), encoding="utf-8")
    err = check_reports(root, capsys, f"date '{date}'", words)
    assert "out of date order" not in err, "an impossible date must not be blamed on the next event"


# ------------------------------------------------------------------------------------------- point 11: limits

BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x, x]"]
                 + [f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]" for n in range(8)])


def test_a_yaml_alias_bomb_is_refused_at_once(project_copy: ProjectCopy, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    concept_map = root / "docs" / "_data" / "concept-map.yml"
    concept_map.write_text(BOMB + "\n", encoding="utf-8")
    started = time.process_time()
    check_reports(root, capsys, str(concept_map), "alias '*a'", "not allowed")
    assert time.process_time() - started < 5, "refusing the bomb must not expand it"


def test_an_alias_in_chapter_front_matter_is_refused(project_copy: ProjectCopy,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    chapter = root / "docs" / "chapters" / "01-introduction.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(text.replace("---\n", "---\nx-anchor: &shared [a]\nx-alias: *shared\n", 1), encoding="utf-8")
    check_reports(root, capsys, str(chapter), "alias '*shared'")


def test_an_oversized_bank_is_refused_before_it_is_parsed(project_copy: ProjectCopy,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    bank = root / "quizzes" / "chapter-1.yml"
    bank.write_text(bank.read_text(encoding="utf-8") + "#" + "x" * 600_000 + "\n", encoding="utf-8")
    check_reports(root, capsys, str(bank), "at most 524,288 bytes")


def test_a_bank_with_too_many_items_is_refused(project_copy: ProjectCopy, capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    bank = root / "quizzes" / "chapter-1.yml"
    data = yaml.safe_load(bank.read_text(encoding="utf-8"))
    data["items"] += [{**copy.deepcopy(data["items"][0]), "id": f"copy-{n}"} for n in range(201)]
    bank.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    check_reports(root, capsys, str(bank), "at most 200")


# ------------------------------------------------------------------------------------------- point 12: one rule


def test_a_bidi_override_in_bank_text_is_refused_like_everywhere(project_copy: ProjectCopy,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = project_copy()
    bank = root / "quizzes" / "chapter-3.yml"
    text = bank.read_text(encoding="utf-8")
    stem = next(line for line in text.splitlines() if "stem:" in line)
    bank.write_text(text.replace(stem, stem.replace("stem: ", "stem: \u202eevil ", 1), 1), encoding="utf-8")
    line = text.splitlines().index(stem) + 1
    check_reports(root, capsys, f"{bank}:{line}:", "U+202E", "RIGHT-TO-LEFT OVERRIDE")


@pytest.mark.parametrize("argv", [["quiz", "\uff13"], ["quiz", "+3"], ["variants", "--roster", "r.csv", "--seed", "1",
                                                                     "--out", "o", "--chapter", "\uff13"],
                                  ["assign", "--out", "o", "--chapters", "\uff13"]])
def test_fullwidth_digits_are_not_a_chapter_anywhere(argv: list[str], capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    """The browser's builder accepts only /^[0-9]{1,2}$/; every command applies the same rule."""
    try:
        status = main(["--root", str(REPO_ROOT), *[str(tmp_path / a) if a == "o" else a for a in argv]])
    except SystemExit as exc:  # argparse's usage error
        status = int(exc.code or 0)
    err = capsys.readouterr().err
    assert status == 2 and "Traceback" not in err
    assert ("\uff13" in err or "+3" in err) and ("chapter" in err)


def test_ascii_chapter_numbers_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quiz", "3", "--format", "json"]) == 0
    assert main(["quiz", "03", "--format", "json"]) == 0
    assert '"quiz": "chapter-3"' in capsys.readouterr().out


SCRIPT_LINKS = [("docs/_data/glossary.yml", "[click](javascript:alert(1))"),
                ("docs/chapters/02-preparedness-to-talk.md", "[x]( JavaScript:alert(1))"),
                ("quizzes/chapter-1.yml", '<a href="vbscript:msgbox(1)">x</a>')]


@pytest.mark.parametrize(("relative", "link"), SCRIPT_LINKS)
def test_links_that_run_script_are_refused(project_copy: ProjectCopy, capsys: pytest.CaptureFixture[str],
                                           relative: str, link: str) -> None:
    """Escaping `<` cannot stop a Markdown link to `javascript:`, which would run when clicked."""
    root = project_copy()
    path = root / relative
    path.write_text(path.read_text(encoding="utf-8") + f"\n# {link}\n", encoding="utf-8")
    check_reports(root, capsys, str(path), "runs code when clicked")
