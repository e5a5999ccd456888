"""Building twice gives the same PDF, in two steps that together cover the whole build:

- the print document of each edition is assembled to the same HTML twice (everything the course adds: parts,
  links, ids, worksheets, keys, page references, fonts);
- the renderer turns one document into the same bytes twice: a chapter with its worksheet and the practice key,
  which go through the same layout, tags, fonts, links and outline as the whole edition (laying out the whole
  student edition a second time took 20 s of the suite).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.print.assemble import print_document
from coursekit.print.build import edition_items
from coursekit.print.editions import EDITIONS, STUDENT, Edition
from coursekit.print.parts import Group
from coursekit.print.render import render_pdf
from tests.exam_banks import exam_banks_locked, locked_reason
from tests.pdf.conftest import SITE_URL

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.name)
def test_each_edition_is_assembled_to_the_same_document_twice(edition: Edition, built_site: Path,
                                                               content: CourseContent) -> None:
    if edition.for_instructors and exam_banks_locked():
        pytest.skip(locked_reason())
    first, second = (print_document(edition, edition_items(edition, built_site, content, lambda _: None, SITE_URL),
                                    built_site, content, SITE_URL).html() for _ in range(2))
    assert first == second


def test_the_same_document_is_rendered_to_the_same_bytes(built_site: Path, content: CourseContent,
                                                         tmp_path: Path) -> None:
    pdfs = []
    for run in ("first", "second"):
        items = edition_items(STUDENT, built_site, content, lambda _: None, SITE_URL)
        key = items[-1]
        assert isinstance(key, Group) and key.key == "quizzes/keys.html", "the student edition ends with its key"
        worksheet = next(item for item in items if isinstance(item, Group) and item.key == "quizzes/index.html")
        worksheet.parts = worksheet.parts[:1]
        document = print_document(STUDENT, [items[0], worksheet, key], built_site, content, SITE_URL)
        target = tmp_path / f"{run}.pdf"
        assert render_pdf(document, built_site, target) > 3
        pdfs.append(target.read_bytes())
    assert pdfs[0] == pdfs[1]
