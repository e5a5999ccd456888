"""Bad content stops everything with the file, the line and the problem, all problems in one report."""

from __future__ import annotations

import re

import pytest

from coursekit.content.load import load_content
from coursekit.errors import ContentError
from coursekit.paths import ProjectPaths


def _replace(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_glossary_yaml_syntax_error_names_file_and_line(copied_paths: ProjectPaths) -> None:
    glossary = copied_paths.data / "glossary.yml"
    _replace(glossary, 'term: "Externalization"', 'term: "Externalization')
    with pytest.raises(ContentError) as error:
        load_content(copied_paths)
    assert re.search(r"glossary\.yml:\d+: YAML syntax error", str(error.value))


def test_several_planted_errors_are_reported_together(copied_paths: ProjectPaths) -> None:
    chapter = copied_paths.chapters / "02-preparedness-to-talk.md"
    _replace(chapter, "(../glossary.md#reasoned-consensus)", "(../glossary.md#no-such-term)")
    _replace(copied_paths.data / "timeline.yml", "anchor: treaty-of-amsterdam", "anchor: no-such-heading")
    with pytest.raises(ContentError) as error:
        load_content(copied_paths)
    message = str(error.value)
    line = _line_of(chapter, "glossary.md#no-such-term")
    assert f"02-preparedness-to-talk.md:{line}: link to unknown glossary term 'no-such-term'" in message
    assert "[treaty-of-amsterdam] anchor 'no-such-heading' is not a heading of chapter 4" in message


def test_unknown_citation_key_in_a_chapter_is_named_with_its_line(copied_paths: ProjectPaths) -> None:
    chapter = copied_paths.chapters / "04-drive-for-informalization.md"
    _replace(chapter, "[@koremenos2005contracting", "[@koremenos2099nowhere")
    with pytest.raises(ContentError) as error:
        load_content(copied_paths)
    line = _line_of(chapter, "@koremenos2099nowhere")
    assert f"04-drive-for-informalization.md:{line}: unknown citation key '@koremenos2099nowhere'" in str(error.value)


def test_missing_front_matter_field_is_reported(copied_paths: ProjectPaths) -> None:
    chapter = copied_paths.chapters / "03-empowerment-and-representation.md"
    text = chapter.read_text(encoding="utf-8")
    chapter.write_text(re.sub(r"^activity:.*\n", "", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_content(copied_paths)
    assert "03-empowerment-and-representation.md:2: missing field 'activity'" in str(error.value)


def test_timeline_out_of_order_is_reported(copied_paths: ProjectPaths) -> None:
    _replace(copied_paths.data / "timeline.yml", 'date: "1999"', 'date: "1990"')
    with pytest.raises(ContentError) as error:
        load_content(copied_paths)
    assert "[treaty-of-amsterdam] out of date order: 1990 after 1997" in str(error.value)


def test_duplicate_glossary_key_in_yaml_is_reported(copied_paths: ProjectPaths) -> None:
    _replace(copied_paths.data / "glossary.yml", "  chapter: 1\n", "  chapter: 1\n  chapter: 2\n")
    with pytest.raises(ContentError) as error:
        load_content(copied_paths)
    assert "duplicate key 'chapter'" in str(error.value)
