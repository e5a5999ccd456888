"""`course check` reports what the build reports on hand-written pages: unknown keys and unknown markers."""

from __future__ import annotations

import pytest

from coursekit.cli.main import main
from coursekit.paths import ProjectPaths


def test_course_check_names_bad_key_and_marker_on_a_hand_written_page(
    copied_paths: ProjectPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    page = copied_paths.docs / "essay-footnotes.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nA planted citation [@nosuchwork2099].\n\n<!-- course:no-such-marker -->\n",
                    encoding="utf-8")
    lines = page.read_text(encoding="utf-8").splitlines()
    key_line = lines.index("A planted citation [@nosuchwork2099].") + 1
    marker_line = lines.index("<!-- course:no-such-marker -->") + 1

    assert main(["--root", str(copied_paths.root), "check"]) == 1
    errors = capsys.readouterr().err
    assert f"essay-footnotes.md:{key_line}: unknown citation key '@nosuchwork2099'" in errors
    assert f"essay-footnotes.md:{marker_line}: unknown marker 'course:no-such-marker'" in errors
