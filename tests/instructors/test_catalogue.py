"""The chapter catalogue embedded in the assignment pages: complete, and unable to close its <script>."""

from __future__ import annotations

import json
from dataclasses import replace

from coursekit.content.load import CourseContent
from coursekit.pages.instructors.catalogue import catalogue, catalogue_json


def test_the_catalogue_lists_every_chapter_with_page_relative_urls(course: CourseContent) -> None:
    data = json.loads(catalogue_json(catalogue(course), "../"))
    assert [c["number"] for c in data["chapters"]] == [c.number for c in course.chapters]
    first = data["chapters"][0]
    assert first["url"] == "../chapters/01-introduction.html" and first["quiz_url"] == "../quizzes/chapter-1.html"
    assert first["minutes"] == course.chapter(1).reading_minutes
    assert data["final_quiz_url"] == "../quizzes/final.html"


def test_markup_in_content_cannot_close_the_script_element(course: CourseContent) -> None:
    cat = catalogue(course)
    hostile = replace(cat.chapters[0], title="</script><script>alert(1)</script> & more")
    text = catalogue_json(replace(cat, chapters=(hostile, *cat.chapters[1:])), "")
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["chapters"][0]["title"] == "</script><script>alert(1)</script> & more"


def test_the_builder_gets_the_published_address_only_when_site_url_is_set() -> None:
    from coursekit.build_state import BuildState
    from coursekit.pages.instructors.assign import SITE_URL_ATTRIBUTE, _site_url_filter
    from coursekit.registry import Registry

    form = f'<form id="course-assign-builder" {SITE_URL_ATTRIBUTE}>'
    with_url = BuildState(registry=Registry(), content=None, site_url="https://x.example/c")  # type: ignore[arg-type]
    assert 'data-published-page="https://x.example/c/instructors/assign.html"' in _site_url_filter(
        form, "instructors/assign.md", with_url)
    without = BuildState(registry=Registry(), content=None, site_url="")  # type: ignore[arg-type]
    assert _site_url_filter(form, "instructors/assign.md", without) == form
