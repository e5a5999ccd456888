"""Nothing private reaches the built site: no exam item's stem, answer or feedback appears in any file under it.

Answers that are course vocabulary (a glossary term, a date of the timeline, a phrase of a chapter) are public
by nature, so an answer is searched for only when it does not occur in the public sources (docs/); stems and
feedback are always searched for. The helper is tested on a planted leak so that the search itself can fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.quiz.model import Item
from tests.exam_banks import requires_exam_banks
from tests.instructors.private_text import find, normalise, searchable_texts

MIN_WORDS = 4


def answer_texts(item: Item) -> list[str]:
    return [*(o.text for o in item.correct_options if item.type != "true_false"), *item.accepted,
            *item.sequence, *(p.right for p in item.pairs)]


def secrets(item: Item, public: str) -> list[str]:
    """What would give the item away: its stem, its feedback and any answer that is not course vocabulary."""
    found = [item.stem]
    found += [text for text in (item.feedback, *(o.feedback for o in item.correct_options))
              if len(text.split()) >= MIN_WORDS]
    found += [text for text in answer_texts(item)
              if len(text.split()) >= MIN_WORDS and normalise(text) not in public]
    return found


def test_the_search_finds_a_planted_leak_in_html_and_json(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<p>Which institution’s <em>role</em> &amp; ‘power’?</p>", encoding="utf-8")
    (tmp_path / "index.json").write_text('{"docs": [{"text": "A \\u201cquoted\\u201d answer"}]}', encoding="utf-8")
    texts = searchable_texts(tmp_path)
    assert find(texts, "Which institution's role & 'power'?") == ["page.html"]
    assert find(texts, 'a "quoted" answer') == ["index.json"]
    assert find(texts, "not there") == []


@requires_exam_banks
@pytest.mark.slow
def test_no_exam_item_appears_anywhere_in_the_built_site(built_site: Path, course: CourseContent,
                                                         sets: list) -> None:
    exam = [item for qs in sets if qs.use == "exam" for item in qs.items]
    assert exam, "the banks have no exam items: nothing to protect, nothing to test"
    public = normalise("\n".join(p.read_text(encoding="utf-8") for p in course.paths.docs.rglob("*")
                                 if p.suffix in (".md", ".yml")))
    texts = searchable_texts(built_site)
    assert len(texts) > 20 and any(name.endswith(".json") for name in texts)
    leaks = [f"{item.id}: {secret[:60]!r} in {', '.join(files)}"
             for item in exam for secret in secrets(item, public) if (files := find(texts, secret))]
    assert not leaks, "exam material in the built site:\n" + "\n".join(leaks)
