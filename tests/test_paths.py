"""`course` works on the project it stands in (like `mkdocs` and `git`), and reads its folders from mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.cli.main import main
from coursekit.paths import find_root, project_paths
from tests.conftest import ProjectCopy


def _plant_bad_glossary_id(root: Path) -> None:
    glossary = root / "docs" / "_data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("- id: ", "- id: Not_An_Id-", 1), encoding="utf-8")


def test_check_in_a_copy_checks_the_copy(project_copy: ProjectCopy, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A planted error in a second checkout is found when `course check` runs anywhere inside it."""
    root = project_copy()
    _plant_bad_glossary_id(root)
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    monkeypatch.chdir(root / "docs" / "chapters")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert str(root / "docs" / "_data" / "glossary.yml") in err and "Not_An_Id" in err


def test_root_and_course_root_override_the_working_directory(project_copy: ProjectCopy, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = project_copy("good"), project_copy("bad")
    _plant_bad_glossary_id(bad)
    monkeypatch.chdir(good)
    monkeypatch.setenv("COURSE_ROOT", str(bad))
    assert main(["check"]) == 1
    assert main(["--root", str(good), "check"]) == 0
    assert f"in {good}" in capsys.readouterr().out


def test_outside_any_project_the_error_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    if find_root_or_none(tmp_path) is not None:
        pytest.skip("the temporary folder sits inside a project")
    assert main(["check"]) == 1
    assert "no mkdocs.yml here or in any parent folder" in capsys.readouterr().err


def find_root_or_none(start: Path) -> Path | None:
    try:
        return find_root(start)
    except Exception:
        return None


def test_docs_dir_and_bibliography_come_from_mkdocs_yml(project_copy: ProjectCopy,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Moving docs/ and the .bib file needs only mkdocs.yml to change; `course check` follows."""
    root = project_copy()
    (root / "docs").rename(root / "content")
    (root / "bibliography" / "references.bib").rename(root / "bibliography" / "works.bib")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "docs_dir: docs\n" in text and "bib_file: bibliography/references.bib" in text
    config.write_text(text.replace("docs_dir: docs\n", "docs_dir: content\n")
                      .replace("bib_file: bibliography/references.bib", "bib_file: bibliography/works.bib"),
                      encoding="utf-8")
    paths = project_paths(root)
    assert paths.docs == root / "content" and paths.bibliography == root / "bibliography" / "works.bib"
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    monkeypatch.chdir(root)
    assert main(["check"]) == 0


def test_a_broken_mkdocs_yml_is_reported_with_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: [unclosed\n", encoding="utf-8")
    monkeypatch.delenv("COURSE_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'mkdocs.yml'}:" in err and "cannot read mkdocs.yml" in err
