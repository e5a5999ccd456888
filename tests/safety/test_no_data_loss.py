"""Issue 17, points 1-3: no command deletes or overwrites what it did not create.

Each test points a writing command at something precious (a folder of the user's, the tracked banks, the
checkout itself, an existing file) inside a throw-away git checkout, and proves it is refused with exit
status 2, a one-line message naming the path, and every file byte-identical afterwards.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coursekit.cli import main
from tests.exam_banks import requires_exam_banks
from tests.safety.conftest import snapshot

ROSTER = "id,name\ns001,Ana\ns002,Ben\n"
FOLDER_MARKER = ".course-output.json"  # the documented marker names (CONTRIBUTING.md)


def files_marker(command: str) -> str:
    return f".course-output-{command}.json"


def folder_commands(root: Path, out: Path) -> dict[str, list[str]]:
    """Every command that owns a whole output folder, with arguments that would otherwise succeed."""
    roster = root.parent / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    return {
        "export": ["--root", str(root), "export", "--out", str(out)],
        "variants": ["--root", str(root), "variants", "--roster", str(roster), "--chapter", "1", "--seed", "1",
                     "--use", "practice", "--no-pdf", "--out", str(out)],
        "assign": ["--root", str(root), "assign", "--chapters", "1", "--out", str(out)],
    }


def refused(argv: list[str], capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got: {err}"
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize("command", ["export", "variants", "assign"])
def test_a_folder_of_the_users_is_refused_and_kept(checkout: Path, capsys: pytest.CaptureFixture[str],
                                                  command: str) -> None:
    mine = checkout.parent / "my-notes"
    mine.mkdir()
    (mine / "thesis.txt").write_text("three years of work", encoding="utf-8")
    argv = folder_commands(checkout, mine)[command]
    before = snapshot(checkout.parent)
    refused(argv, capsys, str(mine), "not made by")
    assert snapshot(checkout.parent) == before
    assert sorted(p.name for p in checkout.parent.iterdir()) == ["checkout", "my-notes", "roster.csv"]


@pytest.mark.parametrize("command", ["export", "variants", "assign"])
def test_an_existing_file_is_refused_and_not_hidden(checkout: Path, capsys: pytest.CaptureFixture[str],
                                                   command: str) -> None:
    target = checkout.parent / "grades.xlsx"
    target.write_bytes(b"precious")
    argv = folder_commands(checkout, target)[command]
    before = snapshot(checkout.parent)
    refused(argv, capsys, str(target), "file")
    assert snapshot(checkout.parent) == before, "the file was renamed, hidden or changed"


@pytest.mark.parametrize("where", ["quizzes", "docs/_data", ".", ".."])
@pytest.mark.parametrize("command", ["export", "variants", "assign"])
def test_tracked_folders_the_checkout_and_its_parents_are_refused(checkout: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  command: str, where: str) -> None:
    argv = folder_commands(checkout, checkout / where)[command]
    before = snapshot(checkout.parent)
    refused(argv, capsys, "refusing")
    assert snapshot(checkout.parent) == before
    assert (checkout / ".git" / "HEAD").is_file()


def test_the_filesystem_root_is_refused_with_a_message(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    refused(["--root", str(checkout), "export", "--out", "/"], capsys, "/", "root")


@pytest.mark.parametrize("command", ["export", "variants", "assign"])
def test_the_built_site_is_refused_for_every_command(checkout: Path, capsys: pytest.CaptureFixture[str],
                                                     command: str) -> None:
    """Point 12: `course assign --out site/handout` was accepted; the next build would delete it."""
    out = checkout / "site" / "handout"
    refused(folder_commands(checkout, out)[command], capsys, "site")
    assert not out.exists()


@requires_exam_banks
def test_export_replaces_its_own_output_but_not_a_file_added_to_it(checkout: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = checkout.parent / "dist" / "instructor"
    argv = ["--root", str(checkout), "export", "--out", str(out)]
    assert main(argv) == 0
    marker = json.loads((out / FOLDER_MARKER).read_text(encoding="utf-8"))
    assert marker["command"] == "export" and "report.json" in marker["files"]
    assert main(argv) == 0, "a second run must replace the first run's output"
    (out / "my-comments.txt").write_text("notes on the key", encoding="utf-8")
    refused(argv, capsys, "my-comments.txt")
    assert (out / "my-comments.txt").read_text(encoding="utf-8") == "notes on the key"
    (out / "my-comments.txt").unlink()
    key = next((out / "keys").glob("*.csv"))
    key.write_text("edited by hand", encoding="utf-8")
    refused(argv, capsys, key.name, "changed")
    assert key.read_text(encoding="utf-8") == "edited by hand"
    assert sorted(p.name for p in out.parent.iterdir()) == ["instructor"], "a staging folder was left behind"


def test_one_command_does_not_replace_anothers_folder(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = checkout.parent / "handout"
    assert main(folder_commands(checkout, out)["variants"]) == 0
    before = snapshot(out)
    refused(folder_commands(checkout, out)["export"], capsys, "course variants")
    assert snapshot(out) == before


def test_an_empty_folder_may_be_used(checkout: Path) -> None:
    out = checkout.parent / "empty"
    out.mkdir()
    assert main(folder_commands(checkout, out)["variants"]) == 0
    assert (out / "variant-key.csv").is_file()


@requires_exam_banks
def test_bad_content_leaves_the_previous_output_untouched(checkout: Path) -> None:
    out = checkout.parent / "instructor"
    argv = ["--root", str(checkout), "export", "--out", str(out)]
    assert main(argv) == 0
    before = snapshot(out)
    bank = checkout / "quizzes" / "chapter-1.yml"
    bank.write_text(bank.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    assert main(argv) != 0
    assert snapshot(out) == before
    assert sorted(p.name for p in checkout.parent.iterdir()) == ["checkout", "instructor"]


def test_quiz_schema_replaces_gits_copy_but_not_a_hand_edit(checkout: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    schema = checkout / "quizzes" / "schema" / "quiz-bank.schema.json"
    assert main(["--root", str(checkout), "quiz-schema"]) == 0
    assert (schema.parent / files_marker("quiz-schema")).is_file()
    schema.write_text('{"edited": "by hand"}\n', encoding="utf-8")
    refused(["--root", str(checkout), "quiz-schema"], capsys, str(schema))
    assert schema.read_text(encoding="utf-8") == '{"edited": "by hand"}\n'


def test_pdf_refuses_to_overwrite_a_file_it_did_not_write(checkout: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    site = checkout.parent / "built"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    dist = checkout.parent / "dist"
    dist.mkdir()
    (dist / "course-student.pdf").write_bytes(b"%PDF my own annotated copy")
    refused(["--root", str(checkout), "pdf", "--site", str(site), "--out", str(dist)], capsys,
            "course-student.pdf")
    assert (dist / "course-student.pdf").read_bytes() == b"%PDF my own annotated copy"
    assert sorted(p.name for p in dist.iterdir()) == ["course-student.pdf"]


def test_bench_refuses_to_overwrite_results_it_did_not_write(checkout: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = checkout.parent / "figures"
    out.mkdir()
    (out / "results.md").write_text("my own table", encoding="utf-8")
    refused(["--root", str(checkout), "bench", "--skip-lighthouse", "--out", str(out / "results.json")], capsys,
            "results.md")
    assert sorted(p.name for p in out.iterdir()) == ["results.md"]
