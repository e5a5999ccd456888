"""What an instructor can assign: chapters and quizzes with their site URLs and reading times.

One list derived from the chapters' front matter feeds the "Assign this chapter" panels, the assignment
builder's embedded JSON and the `course assign` handout, so the three can never disagree.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from coursekit.content.load import CourseContent

FINAL_QUIZ_ID = "final"
FINAL_QUIZ_URI = "quizzes/final.md"


def html_uri(src_uri: str) -> str:
    """The built page of a Markdown source (use_directory_urls is false, so links end in .html)."""
    return src_uri[:-3] + ".html" if src_uri.endswith(".md") else src_uri


@dataclass(frozen=True)
class AssignableChapter:
    """One chapter as an assignment lists it; URLs are relative to the site root."""

    number: int
    title: str
    essay_section: str
    minutes: int
    words: int
    url: str
    quiz_url: str
    objectives: tuple[str, ...]


@dataclass(frozen=True)
class Catalogue:
    """Every assignable chapter plus the cumulative final quiz."""

    course_title: str
    chapters: tuple[AssignableChapter, ...]
    final_quiz_url: str

    def chapter(self, number: int) -> AssignableChapter:
        for chapter in self.chapters:
            if chapter.number == number:
                return chapter
        raise KeyError(number)

    @property
    def numbers(self) -> list[int]:
        return [c.number for c in self.chapters]


def catalogue(content: CourseContent) -> Catalogue:
    """The catalogue of one loaded course."""
    chapters = tuple(
        AssignableChapter(
            number=c.number,
            title=c.title,
            essay_section=c.essay_section,
            minutes=c.reading_minutes,
            words=c.words,
            url=html_uri(c.src_uri),
            quiz_url=html_uri(c.quiz_uri),
            objectives=tuple(c.objectives),
        )
        for c in content.chapters
    )
    return Catalogue(content.course.title, chapters, html_uri(FINAL_QUIZ_URI))


def catalogue_json(cat: Catalogue, prefix: str) -> str:
    """The catalogue as JSON safe inside a <script> element, URLs made relative to the page via `prefix`.

    `<`, `>` and `&` are escaped as \\u sequences, so no text from the content can close the script element.
    """
    data = {
        "course": cat.course_title,
        "chapters": [
            {**asdict(c), "url": prefix + c.url, "quiz_url": prefix + c.quiz_url, "objectives": list(c.objectives)}
            for c in cat.chapters
        ],
        "final_quiz_url": prefix + cat.final_quiz_url,
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
