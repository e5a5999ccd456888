"""The Common Cartridge (course.imscc): structure, round trip, the loss report, the chapter links."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from coursekit.content.load import CourseContent
from coursekit.instructors.cartridge import FORMAT, PROFILES, build_cartridge
from coursekit.instructors.quiz_sets import QuizSet
from tests.instructors.cartridge_checks import read_cartridge


@pytest.fixture(scope="session")
def cartridge(exported: Path) -> bytes:
    return (exported / "course.imscc").read_bytes()


def test_the_package_is_structurally_sound(cartridge: bytes) -> None:
    back = read_cartridge(cartridge)
    assert back.version == "1.1.0"
    assert not back.problems, "\n".join(back.problems)


def test_round_trip_finds_every_chapter_in_order_and_every_carried_item(
        cartridge: bytes, course: CourseContent, sets: list[QuizSet]) -> None:
    back = read_cartridge(cartridge)
    titles = [title for title, _ in back.folders]
    assert titles[:-1] == [f"Chapter {c.number}: {c.title}" for c in course.chapters]
    assert titles[-1].startswith("Final quiz")
    found = {item for _, entries in back.folders for _, _, items in entries for item in items}
    carried = {i.id for qs in sets for i in qs.items if i.type in PROFILES}
    assert carried and found == carried
    for (title, entries), chapter in zip(back.folders, course.chapters, strict=False):
        kinds = [kind for _, kind, _ in entries]
        assert kinds[0] == "webcontent" and kinds.count("imsqti_xmlv1p2/imscc_xmlv1p1/assessment") == 2, title
        names = [name for name, _, _ in entries]
        assert names[-2].startswith("Practice quiz") and names[-1].startswith("Exam"), title
        overview = zipfile.ZipFile(io.BytesIO(cartridge)).read(f"chapter-{chapter.number}/overview.html").decode()
        assert all(o.replace("'", "&#x27;").replace('"', "&quot;") in overview for o in chapter.objectives)


def test_what_the_profile_cannot_carry_is_in_the_report(exported: Path, sets: list[QuizSet]) -> None:
    import json

    report = json.loads((exported / "report.json").read_text(encoding="utf-8"))
    reported = {x["item"] for x in report["limitations"] if x["format"] == FORMAT}
    uncarried = {i.id for qs in sets for i in qs.items if i.type not in PROFILES}
    assert uncarried and reported == uncarried
    assert "### Common Cartridge 1.1" in (exported / "report.md").read_text(encoding="utf-8")


def test_with_a_site_url_each_chapter_links_to_its_published_page(course: CourseContent,
                                                                   sets: list[QuizSet]) -> None:
    package = build_cartridge(course, sets, "https://example.org/course")
    back = read_cartridge(package.data)
    assert not back.problems
    archive = zipfile.ZipFile(io.BytesIO(package.data))
    link = archive.read("chapter-2/weblink.xml").decode()
    assert f'href="https://example.org/course/{course.chapters[1].src_uri.removesuffix(".md")}.html"' in link
    assert build_cartridge(course, sets, "https://example.org/course").data == package.data  # same bytes


def test_the_checks_flag_a_broken_package(course: CourseContent, sets: list[QuizSet]) -> None:
    good = build_cartridge(course, sets[:2]).data
    source = zipfile.ZipFile(io.BytesIO(good))
    manifest = source.read("imsmanifest.xml").decode()
    assessment = next(n for n in source.namelist() if n.endswith("assessment.xml"))

    def rebuilt(manifest_text: str, drop: str = "", qti: tuple[str, str] | None = None) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as out:
            out.writestr("imsmanifest.xml", manifest_text)
            for name in source.namelist():
                if name not in ("imsmanifest.xml", drop):
                    data = source.read(name).decode()
                    out.writestr(name, data.replace(*qti) if qti and name == assessment else data)
        return buffer.getvalue()

    assert not read_cartridge(rebuilt(manifest)).problems
    assert any("not in the package" in p for p in read_cartridge(rebuilt(manifest, drop=assessment)).problems)
    dangling = manifest.replace('identifierref="overview-1"', 'identifierref="nowhere"')
    assert any("does not resolve" in p for p in read_cartridge(rebuilt(dangling)).problems)
    twice = manifest.replace('identifier="chapter-1"', 'identifier="root"')
    assert any("used twice" in p for p in read_cartridge(rebuilt(twice)).problems)
    assert any("not well-formed" in p for p in read_cartridge(rebuilt(manifest[:-40])).problems)
    wrong_choice = read_cartridge(rebuilt(manifest, qti=("-1</varequal>", "-9</varequal>")))
    assert any("unknown choice" in p for p in wrong_choice.problems)
