"""Every chapter carries what students and instructors rely on, and reads in 10-15 minutes."""

from __future__ import annotations

import pytest

from coursekit.content.chapters import cited_keys
from coursekit.content.load import CourseContent
from coursekit.pages.chapter import render_chapter

ESSAY_PARTS = [
    "Introduction (untitled)",
    "Preparedness to Talk vs Consensus",
    "Empowerment and Disclosed Representation",
    "The Drive for Informalization",
    "Empowerment and Instrumentalization",
    "An Unsettling Sense of Déjà-vu",
]


def test_six_chapters_follow_the_essay(content: CourseContent) -> None:
    assert [c.essay_section for c in content.chapters] == ESSAY_PARTS


@pytest.mark.parametrize("number", range(1, 7))
def test_chapter_has_its_teaching_parts(content: CourseContent, number: int) -> None:
    chapter = content.chapter(number)
    assert 3 <= len(chapter.objectives) <= 5
    assert 3 <= len(chapter.key_points) <= 6
    assert 3 <= len(chapter.discussion) <= 5
    assert all("?" in d.question for d in chapter.discussion), "discussion questions ask something"
    assert chapter.further_reading
    assert any(key == "cassarino2021instrumentalization" for key, _ in cited_keys(chapter.body))
    assert 10 <= chapter.reading_minutes <= 15, f"{chapter.reading_minutes} minutes"


@pytest.mark.parametrize("number", range(1, 7))
def test_rendered_chapter_links_its_quiz_and_lists_references(content: CourseContent, number: int) -> None:
    chapter = content.chapter(number)
    page = render_chapter(chapter, content.glossary, essay_url="https://example.org/essay")
    assert page.startswith(f"# {number}. {chapter.title}\n")
    assert f"**Essay part:** {chapter.essay_section}, [read it in the essay](https://example.org/essay)" in page
    assert "course-assign" not in page and f"(../instructors/chapter-{number}.md)" in page
    assert f"(../quizzes/chapter-{number}.md)" in page
    assert "## Key points" in page and "## Discussion questions" in page and '"Go further"' in page
    assert page.rstrip().endswith("\\bibliography")
    assert f"about {chapter.reading_minutes} minutes" in page


def test_every_key_term_is_linked_in_its_chapter(content: CourseContent) -> None:
    missing = [
        (c.number, term) for c in content.chapters for term in c.key_terms
        if f"glossary.md#{term})" not in c.body
    ]
    assert missing == []


def test_every_glossary_term_is_taught_in_a_chapter_that_lists_it(content: CourseContent) -> None:
    listed = {term for c in content.chapters for term in c.key_terms}
    assert [t.id for t in content.glossary.terms if t.id not in listed] == []


def test_every_timeline_event_points_to_an_existing_section(content: CourseContent) -> None:
    for event in content.timeline.events:
        chapter = content.chapter(event.chapter)
        assert event.anchor in chapter.heading_ids, f"{event.id}: #{event.anchor} not in {chapter.stem}"
