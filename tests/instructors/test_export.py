"""`course export`: answer keys, exam items and LMS files for every quiz, with nothing silently dropped.

Round trips: the Moodle XML parses and has every question with its right answer, the GIFT file has one question
per item with its answer marked, the QTI package is a zip with its manifest and one item per exported question.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from coursekit.cli.main import main
from coursekit.instructors.gift import gift_escape, gift_text
from coursekit.instructors.moodle import moodle_xml
from coursekit.instructors.qti import text2qti_source
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.quiz.model import Item, Option
from tests.exam_banks import requires_exam_banks


def left_out(exported: Path, fmt: str, name: str) -> set[str]:
    report = json.loads((exported / "report.json").read_text(encoding="utf-8"))
    return {x["item"] for x in report["limitations"]
            if x["format"] == fmt and x["quiz"] == name and x["action"] == "left out"}


def test_every_quiz_has_keys_and_every_exam_set_its_questions(exported: Path, sets: list[QuizSet]) -> None:
    assert {qs.use for qs in sets} == {"practice", "exam"}
    for qs in sets:
        assert (exported / "keys" / f"{qs.name}-key.html").is_file()
        rows = list(csv.DictReader((exported / "keys" / f"{qs.name}-key.csv").open(encoding="utf-8")))
        assert [r["id"] for r in rows] == [i.id for i in qs.items]
        assert [r["answer"] for r in rows] == [i.answer_text() for i in qs.items]
        if qs.use == "exam":
            sheet = (exported / "exam" / f"{qs.name}.html").read_text(encoding="utf-8")
            assert "class=\"cq-ws-answer\"" not in sheet, "the exam questions must not carry the answers"


def _answers(question: ET.Element) -> dict[str, float]:
    return {(a.findtext("text") or ""): float(a.get("fraction", "0")) for a in question.findall("answer")}


def test_moodle_xml_has_every_question_with_its_right_answer(exported: Path, sets: list[QuizSet]) -> None:
    import html

    checked = 0
    for qs in (s for s in sets if s.items):
        root = ET.parse(exported / "moodle" / f"{qs.name}.xml").getroot()
        questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
        expected = [i for i in qs.items if i.id not in left_out(exported, "Moodle XML", qs.name)]
        assert list(questions) == [i.id for i in expected]
        for item in expected:
            question = questions[item.id]
            assert html.unescape(question.findtext("questiontext/text") or "") == item.stem
            answers = {html.unescape(k): v for k, v in _answers(question).items()}
            if item.type in ("single", "multiple"):
                right = {o.text for o in item.correct_options}
                assert {t for t, f in answers.items() if f > 0} == right
                assert sum(f for f in answers.values() if f > 0) == pytest.approx(100, abs=0.01)
            elif item.type == "true_false":
                assert answers[str(item.answer).lower()] == 100
            elif item.type == "matching":
                pairs = [(html.unescape(s.findtext("text") or ""), s.findtext("answer/text"))
                         for s in question.findall("subquestion")]
                assert pairs == [(p.left, p.right) for p in item.pairs]
            elif item.type == "short_answer":
                assert answers == {a: 100 for a in item.accepted}
            elif item.type == "ordering":
                assert sorted(answers, key=answers.get) == list(item.sequence)
            checked += 1
    assert checked > 0


GIFT_QUESTION = re.compile(r"^::(?P<id>[^:]+)::\[html\](?P<stem>.*?) \{(?P<answers>.*)\}$")


def test_gift_has_one_question_per_item_with_its_answer_marked(exported: Path, sets: list[QuizSet]) -> None:
    for qs in (s for s in sets if s.items):
        lines = (exported / "gift" / f"{qs.name}.gift.txt").read_text(encoding="utf-8").splitlines()
        questions = [GIFT_QUESTION.match(line) for line in lines if line.startswith("::")]
        assert all(questions)
        expected = [i for i in qs.items if i.id not in left_out(exported, "GIFT", qs.name)]
        assert [m.group("id") for m in questions] == [i.id for i in expected]  # type: ignore[union-attr]
        for item, match in zip(expected, questions, strict=True):
            answers = match.group("answers")  # type: ignore[union-attr]
            if item.type == "single":
                assert "=" + gift_escape(item.correct_options[0].text.replace("&", "&amp;")) in answers
            elif item.type == "multiple":
                assert answers.count("~%-") == len(item.options) - len(item.correct_options)
            elif item.type == "true_false":
                assert answers.startswith("TRUE#" if item.answer else "FALSE#")
            elif item.type == "short_answer":
                assert all("=" + gift_escape(a) in answers for a in item.accepted)
            elif item.type == "matching":
                assert answers.count(" -> ") == len(item.pairs)


def test_the_qti_packages_are_zips_with_a_manifest_and_every_exported_item(exported: Path,
                                                                           sets: list[QuizSet]) -> None:
    packages = 0
    for qs in (s for s in sets if s.items):
        expected = [i for i in qs.items if i.id not in left_out(exported, "Canvas QTI (text2qti)", qs.name)]
        path = exported / "qti" / f"{qs.name}.zip"
        if not expected:
            assert not path.exists()
            continue
        with zipfile.ZipFile(path) as package:
            assert package.testzip() is None
            assert "imsmanifest.xml" in package.namelist()
            manifest = ET.fromstring(package.read("imsmanifest.xml"))
            hrefs = [r.get("href") for r in manifest.iter() if r.tag.endswith("resource") and r.get("href")]
            assert any(h in package.namelist() for h in hrefs)
            assessment = next(n for n in package.namelist() if n.endswith(".xml") and "/" in n
                              and not n.endswith("assessment_meta.xml"))
            tree = ET.fromstring(package.read(assessment))
            assert len([e for e in tree.iter() if e.tag.endswith("}item") or e.tag == "item"]) == len(expected)
        packages += 1
    assert packages > 0


def test_the_report_accounts_for_every_item_in_every_format(exported: Path, sets: list[QuizSet]) -> None:
    report = json.loads((exported / "report.json").read_text(encoding="utf-8"))
    for qs in (s for s in sets if s.items):
        for fmt in ("Moodle XML", "GIFT", "Canvas QTI (text2qti)"):
            assert report["exported"][fmt][qs.name] + len(left_out(exported, fmt, qs.name)) == len(qs.items)
    kinds = {(x["format"], x["type"]) for x in report["limitations"] if x["action"] == "left out"}
    types = {i.type for qs in sets for i in qs.items}
    if "ordering" in types:
        assert ("GIFT", "ordering") in kinds and ("Canvas QTI (text2qti)", "ordering") in kinds
    if "matching" in types:
        assert ("Canvas QTI (text2qti)", "matching") in kinds
    markdown = (exported / "report.md").read_text(encoding="utf-8")
    assert all(f"`{x['item']}`" in markdown for x in report["limitations"])


def _hostile_set(sets: list[QuizSet]) -> QuizSet:
    item = Item(id="x-hostile", type="single", use="exam", quiz="chapter-1",
                stem="Is <script>alert(1)</script> {a} ~b =c #d: text?", concept=None, anchor="01-introduction",
                options=(Option("<b>yes</b> & {no}", True, "Right: <i>x</i>"), Option("no", False, "")))
    return replace(sets[0], items=(item,))


def test_markup_in_a_bank_stays_text_in_moodle_and_gift(sets: list[QuizSet]) -> None:
    quiz_set = _hostile_set(sets)
    xml, _ = moodle_xml(quiz_set, "Course")
    question = ET.fromstring(xml.split("\n", 1)[1]).find("question[@type='multichoice']")
    assert question is not None
    assert question.findtext("questiontext/text") == "Is &lt;script&gt;alert(1)&lt;/script&gt; {a} ~b =c #d: text?"
    gift, _ = gift_text(quiz_set)
    line = next(x for x in gift.splitlines() if x.startswith("::x-hostile::"))
    assert "<script>" not in line and r"\{a\} \~b \=c \#d\: text?" in line
    assert r"=&lt;b&gt;yes&lt;/b&gt; &amp; \{no\}" in line
    source, _ = text2qti_source(quiz_set)
    assert "<script>" not in source and "&lt;script&gt;" in source


@requires_exam_banks
def test_export_replaces_the_whole_folder_and_refuses_the_site(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "instructor"
    assert main(["export", "--out", str(out)]) == 0
    (out / "report.md").unlink()  # an earlier run's output, partly gone: the folder is still the command's own
    assert main(["export", "--out", str(out)]) == 0
    assert (out / "report.md").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["instructor"], "a staging folder was left behind"
    site = tmp_path / "built"
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    assert main(["export", "--out", str(site / "instructor")]) == 2
    assert "inside a built site" in capsys.readouterr().err
    assert not (site / "instructor").exists()
