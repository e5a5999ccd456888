"""Issue 17, points 6-7: every LMS export read back by an independent parser gives the bank's own texts.

GIFT goes through gift-pegjs (npm, pinned in package.json); Moodle XML and the QTI package through the
standard library's expat-based XML parser. Two inputs: every real bank as `course export` writes it, and a
hostile bank full of `~ = # { } : \\ -> & < > %` in every field of every item type.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from coursekit.instructors.gift import FORMAT as GIFT_FORMAT
from coursekit.instructors.gift import gift_text
from coursekit.instructors.moodle import moodle_xml
from coursekit.instructors.qti import FORMAT as QTI_FORMAT
from coursekit.instructors.qti import qti_package, text2qti_source
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.instructors.source_date import source_date
from coursekit.paths import REPO_ROOT
from coursekit.quiz.model import Item, Option, Pair

HOSTILE = r"a ~ b = c # d { e } f : g \ h -> i & j < k > l %50% m <script>x</script> ~~tilde~~ $x$"
PARSE_GIFT = """
const parser = require('gift-pegjs');
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => { process.stdout.write(JSON.stringify(parser.parse(input))); });
"""
GIFT_TYPES = {"single": "MC", "multiple": "MC", "true_false": "TF", "matching": "Matching", "short_answer": "Short"}


def pegjs_decode(text: str) -> str:
    """gift-pegjs 1.0.2 leaves its internal `&&NNN;` codes for escaped characters in a match's right side."""
    return re.sub(r"&&(\d{3});?", lambda m: chr(int(m.group(1))), text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def item(id_: str, type_: str, **fields: object) -> Item:
    return Item(id=id_, type=type_, use="exam", quiz="chapter-1", stem=f"{id_}: {HOSTILE}", concept=None,
                anchor="01-introduction", feedback=f"general {HOSTILE}", **fields)  # type: ignore[arg-type]


def hostile_items() -> tuple[Item, ...]:
    return (
        item("x-single", "single", options=(Option(f"right {HOSTILE}", True, f"yes {HOSTILE}"),
                                             Option(f"%50% wrong {HOSTILE}", False, f"no {HOSTILE}"))),
        item("x-multiple", "multiple", options=(Option(f"r1 {HOSTILE}", True, f"f1 {HOSTILE}"),
                                                Option(f"r2 {HOSTILE}", True, "f2"),
                                                Option(f"w1 {HOSTILE}", False, f"f3 {HOSTILE}"),
                                                Option("w2 -> x", False, "f4"))),
        item("x-true-false", "true_false", answer=True,
             options=(Option("True", True, f"right {HOSTILE}"), Option("False", False, f"wrong {HOSTILE}"))),
        item("x-matching", "matching", pairs=(Pair(f"left one {HOSTILE}", "right = one ~ x"),
                                              Pair(f"left two {HOSTILE}", "right #two {y}"))),
        item("x-short", "short_answer", accepted=("Saguia-el-Hamra", "EU-Morocco", "A & B <C>", "a ~ b = c # d",
                                                   "x -> y", "%50% of it")),
        item("x-ordering", "ordering", sequence=(f"first {HOSTILE}", f"second {HOSTILE}")),
    )


def parse_gift(text: str) -> list[dict]:
    result = subprocess.run(["node", "-e", PARSE_GIFT], input=text, capture_output=True, text=True,
                            cwd=REPO_ROOT, check=False)
    assert result.returncode == 0, f"gift-pegjs could not parse the export:\n{result.stderr[-2000:]}"
    return [q for q in json.loads(result.stdout) if q.get("type") != "Category"]


def check_gift(quiz_set: QuizSet) -> None:
    text, limits = gift_text(quiz_set)
    left_out = {x.item for x in limits if x.action == "left out"}
    parsed = {q["title"]: q for q in parse_gift(text)}
    assert list(parsed) == [i.id for i in quiz_set.items if i.id not in left_out]
    for it in quiz_set.items:
        if it.id in left_out:
            continue
        question = parsed[it.id]
        assert question["type"] == GIFT_TYPES[it.type], it.id
        assert html.unescape(question["stem"]["text"]) == one_line(it.stem), it.id
        if it.type in ("single", "multiple"):
            choices = question["choices"]
            assert [html.unescape(c["text"]["text"]) for c in choices] == [one_line(o.text) for o in it.options]
            marked = [c["isCorrect"] or (c["weight"] or 0) > 0 for c in choices]
            assert marked == [o.correct for o in it.options], it.id
            assert [html.unescape((c["feedback"] or {}).get("text", "")) for c in choices] == [
                one_line(o.feedback) for o in it.options]
        elif it.type == "true_false":
            assert question["isTrue"] is it.answer
            feedback = {html.unescape(question[k]["text"]) for k in ("trueFeedback", "falseFeedback")}
            assert feedback == {one_line(o.feedback) for o in it.options}
        elif it.type == "matching":
            pairs = [(html.unescape(p["subquestion"]["text"]), pegjs_decode(p["subanswer"]))
                     for p in question["matchPairs"]]
            assert pairs == [(one_line(p.left), one_line(p.right)) for p in it.pairs]
        elif it.type == "short_answer":
            accepted = [c["text"]["text"] for c in question["choices"]]
            assert all(c["isCorrect"] for c in question["choices"])
            assert accepted == [a for a in it.accepted if "->" not in a and not a.startswith("%")]


def check_moodle(quiz_set: QuizSet) -> None:
    xml, limits = moodle_xml(quiz_set, "Course & <Title>")
    left_out = {x.item for x in limits if x.action == "left out"}
    root = ET.fromstring(xml.encode("utf-8"))
    questions = {q.findtext("name/text"): q for q in root.findall("question") if q.get("type") != "category"}
    assert list(questions) == [i.id for i in quiz_set.items if i.id not in left_out]
    for it in quiz_set.items:
        if it.id in left_out:
            continue
        question = questions[it.id]
        assert html.unescape(question.findtext("questiontext/text") or "") == it.stem
        answers = [(a.findtext("text") or "", a.get("format")) for a in question.findall("answer")]
        if it.type in ("single", "multiple"):
            assert [html.unescape(t) for t, _ in answers] == [o.text for o in it.options]
        elif it.type == "short_answer":
            assert [t for t, _ in answers] == list(it.accepted)
            assert {f for _, f in answers} == {"plain_text"}
        elif it.type == "matching":
            subs = [(html.unescape(s.findtext("text") or ""), s.findtext("answer/text")) for s in
                    question.findall("subquestion")]
            assert subs == [(p.left, p.right) for p in it.pairs]
        elif it.type == "ordering":
            assert [html.unescape(t) for t, _ in answers] == list(it.sequence)


def html_text(fragment: str) -> str:
    """The text a browser shows for an HTML fragment (tags dropped, entities decoded, spaces collapsed)."""
    return one_line(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def check_qti(quiz_set: QuizSet, date: dt.date) -> None:
    source, limits = text2qti_source(quiz_set)
    left_out = {x.item for x in limits if x.action == "left out"}
    package = zipfile.ZipFile(__import__("io").BytesIO(qti_package(source, "hostile.txt", date)))
    manifest = ET.fromstring(package.read("imsmanifest.xml"))
    stamps = [e.text for e in manifest.iter() if e.tag.endswith("dateTime")]
    assert stamps == [date.isoformat()], "the manifest must carry the content's date, not today's"
    name = next(n for n in package.namelist() if n.endswith(".xml") and "/" in n and "meta" not in n)
    tree = ET.fromstring(package.read(name))
    items = {(e.get("title") or "").split(" (")[0]: e for e in tree.iter() if e.tag.endswith("}item")}
    assert list(items) == [i.id for i in quiz_set.items if i.id not in left_out], "items are titled with their ids"
    for it in quiz_set.items:
        if it.id in left_out:
            continue
        element = items[it.id]
        texts = [e.text or "" for e in element.iter() if e.tag.endswith("}mattext")]
        assert html_text(texts[0]) == one_line(it.stem), it.id
        kind = next(e.findtext("{*}fieldentry") for e in element.iter() if e.tag.endswith("}qtimetadatafield")
                    and e.findtext("{*}fieldlabel") == "question_type")
        if it.type == "short_answer":
            assert kind == "short_answer_question"
            equals = {e.text for e in element.iter() if e.tag.endswith("}varequal")}
            assert equals == {one_line(a) for a in it.accepted}, "Canvas must compare with the answers as written"
        elif it.type == "true_false":
            assert kind == "true_false_question"
        else:
            shown = {html_text(t) for t in texts[1:]}
            assert {one_line(o.text) for o in it.options} <= shown, it.id


@pytest.fixture
def hostile_set(sets: list[QuizSet]) -> QuizSet:
    return replace(sets[0], items=hostile_items())


def test_gift_of_a_hostile_bank_parses_back_to_its_texts(hostile_set: QuizSet) -> None:
    check_gift(hostile_set)
    _, limits = gift_text(hostile_set)
    notes = " ".join(x.reason for x in limits if x.item == "x-short")
    assert "'x -> y'" in notes and "'%50% of it'" in notes, "answers GIFT cannot carry are reported"


def test_moodle_xml_of_a_hostile_bank_parses_back_to_its_texts(hostile_set: QuizSet) -> None:
    check_moodle(hostile_set)


def test_qti_of_a_hostile_bank_grades_answers_as_written(hostile_set: QuizSet) -> None:
    check_qti(hostile_set, dt.date(2024, 5, 17))
    _, limits = text2qti_source(hostile_set)
    assert not [x for x in limits if x.type == "true_false"], "text2qti makes a real true/false question"


def test_every_real_export_parses_back(exported: Path, sets: list[QuizSet]) -> None:
    date = source_date(REPO_ROOT)
    for quiz_set in (s for s in sets if s.items):
        check_gift(quiz_set)
        check_moodle(quiz_set)
        check_qti(quiz_set, date)
        with zipfile.ZipFile(exported / "qti" / f"{quiz_set.name}.zip") as package:
            stamps = [e.text for e in ET.fromstring(package.read("imsmanifest.xml")).iter()
                      if e.tag.endswith("dateTime")]
        assert stamps == [date.isoformat()]
    report = json.loads((exported / "report.json").read_text(encoding="utf-8"))
    assert not [x for x in report["limitations"] if x["format"] == QTI_FORMAT and x["type"] == "true_false"]
    assert GIFT_FORMAT in report["exported"]


def test_source_date_epoch_dates_the_exports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date(tmp_path) == dt.date(2023, 11, 14)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_date(tmp_path) == dt.date(1980, 1, 1), "outside git and without SOURCE_DATE_EPOCH"
