"""The instructors' guide pages and the "Assign this chapter" panel come from the chapters' front matter."""

from __future__ import annotations

from coursekit.content.load import CourseContent
from coursekit.features import build_registry
from coursekit.pages.instructors.assign_panel import assign_panel
from coursekit.pages.instructors.guide import render_guide
from coursekit.pages.text import md_cell as table_cell


def test_a_guide_page_per_chapter_is_generated(course: CourseContent) -> None:
    pages = build_registry().generated_pages(course)
    assert [f"instructors/chapter-{c.number}.md" for c in course.chapters] == sorted(
        uri for uri in pages if uri.startswith("instructors/chapter-"))


def test_the_guide_carries_every_teaching_field(course: CourseContent) -> None:
    for chapter in course.chapters:
        page = render_guide(chapter, course)
        assert f"about {chapter.reading_minutes} minutes" in page
        for text in (*chapter.objectives, chapter.activity, chapter.essay_prompt):
            assert text in page
        for d in chapter.discussion:
            assert d.question in page and d.touches_on in page
        rubric_rows = [line for line in page.splitlines() if line.startswith("| **")]
        assert len(rubric_rows) == len(chapter.rubric)
        for row, criterion in zip(rubric_rows, chapter.rubric, strict=True):
            assert row.count(" | ") == 3 and table_cell(criterion.weak) in row


def test_table_cells_escape_pipes_and_newlines() -> None:
    assert table_cell("a | b\nc") == "a \\| b c"


def test_the_panel_has_permalink_time_objectives_quiz_and_announcement(course: CourseContent) -> None:
    chapter = course.chapter(4)
    panel = assign_panel(chapter, course, site_url="https://example.org/course/")
    assert panel.startswith('??? info course-assign "Assign this chapter"')
    assert "https://example.org/course/chapters/04-drive-for-informalization.html" in panel
    assert f"about {chapter.reading_minutes} minutes" in panel
    assert "../quizzes/chapter-4.md" in panel
    assert all(objective in panel for objective in chapter.objectives)
    announcement = panel.split("```text\n", 1)[1].split("```", 1)[0]
    assert "Chapter 4 quiz: https://example.org/course/quizzes/chapter-4.html" in announcement


def test_without_site_url_the_panel_uses_site_relative_links(course: CourseContent) -> None:
    panel = assign_panel(course.chapter(2), course, site_url="")
    assert "[chapters/02-preparedness-to-talk.html](../chapters/02-preparedness-to-talk.md)" in panel
