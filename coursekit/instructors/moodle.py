"""Moodle XML export of a quiz set, one <question> per item, in a category named after the quiz.

Texts are HTML-escaped (Moodle reads question texts as HTML, so a stem containing markup stays text) and
then XML-escaped by ElementTree. Multiple-answer grades use the percentages Moodle accepts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape

from coursekit.instructors.fractions import share
from coursekit.instructors.limits import CHANGED, LEFT_OUT, Limitation
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.quiz.model import TYPE_LABELS, Item

FORMAT = "Moodle XML"


def _text(parent: ET.Element, tag: str, text: str, html: bool = True, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": "html"} if html else {}, **attrs)
    ET.SubElement(node, "text").text = escape(text, quote=False) if html else text
    return node


def _common(question: ET.Element, item: Item) -> None:
    name = ET.SubElement(question, "name")
    ET.SubElement(name, "text").text = item.id
    _text(question, "questiontext", item.stem)
    _text(question, "generalfeedback", item.feedback)
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = "0"
    ET.SubElement(question, "hidden").text = "0"
    ET.SubElement(question, "idnumber").text = item.id
    labels = [f"concept:{item.concept}"] if item.concept else []
    labels += [f"level:{item.level}"] if item.level else []
    if labels:
        tags = ET.SubElement(question, "tags")
        for label in labels:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = label


def _answer(question: ET.Element, fraction: str, text: str, feedback: str = "", html: bool = True) -> None:
    answer = ET.SubElement(question, "answer", {"fraction": fraction, "format": "html" if html else "plain_text"})
    ET.SubElement(answer, "text").text = escape(text, quote=False) if html else text
    _text(answer, "feedback", feedback)


def _question(item: Item, limits: list[Limitation], quiz: str) -> ET.Element | None:
    def note(action: str, reason: str) -> None:
        limits.append(Limitation(FORMAT, quiz, item.id, item.type, action, reason))

    if item.type in ("single", "multiple"):
        question = ET.Element("question", {"type": "multichoice"})
        _common(question, item)
        right, wrong = item.correct_options, [o for o in item.options if not o.correct]
        single = item.type == "single"
        plus = "100" if single else share(len(right))
        minus = "0" if single or not wrong else share(len(wrong))
        if plus is None or minus is None:
            note(LEFT_OUT, f"Moodle has no grade of 1/{len(right)} or 1/{len(wrong)} for a multiple-answer item")
            return None
        ET.SubElement(question, "single").text = "true" if single else "false"
        ET.SubElement(question, "shuffleanswers").text = "1"
        ET.SubElement(question, "answernumbering").text = "abc"
        for option in item.options:
            fraction = plus if option.correct else ("0" if minus == "0" else f"-{minus}")
            _answer(question, fraction, option.text, option.feedback)
        return question
    if item.type == "true_false":
        question = ET.Element("question", {"type": "truefalse"})
        _common(question, item)
        for option in item.options:
            _answer(question, "100" if option.correct else "0", option.text.lower(), option.feedback, html=False)
        return question
    if item.type == "matching":
        question = ET.Element("question", {"type": "matching"})
        _common(question, item)
        ET.SubElement(question, "shuffleanswers").text = "true"
        for pair in item.pairs:
            sub = _text(question, "subquestion", pair.left)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = pair.right
        return question
    if item.type == "short_answer":
        question = ET.Element("question", {"type": "shortanswer"})
        _common(question, item)
        ET.SubElement(question, "usecase").text = "0"
        for accepted in item.accepted:
            _answer(question, "100", accepted, item.feedback, html=False)
        note(CHANGED, "Moodle ignores case but not accents or punctuation; students typing an accepted answer "
                      "with different accents are marked wrong (add variants to 'accepted' if needed)")
        return question
    if item.type == "ordering":
        question = ET.Element("question", {"type": "ordering"})
        _common(question, item)
        ET.SubElement(question, "layouttype").text = "VERTICAL"
        ET.SubElement(question, "selecttype").text = "ALL"
        ET.SubElement(question, "selectcount").text = "0"
        ET.SubElement(question, "gradingtype").text = "ABSOLUTE_POSITION"
        ET.SubElement(question, "showgrading").text = "SHOW"
        ET.SubElement(question, "numberingstyle").text = "none"
        for position, step in enumerate(item.sequence, start=1):
            answer = ET.SubElement(question, "answer", {"fraction": str(position), "format": "html"})
            ET.SubElement(answer, "text").text = escape(step, quote=False)
        note(CHANGED, "needs Moodle's Ordering question type (standard from Moodle 4.4, a plugin before); "
                      "older sites skip it on import")
        return question
    note(LEFT_OUT, f"unknown item type {item.type!r}")
    return None


def moodle_xml(quiz_set: QuizSet, course_title: str) -> tuple[str, list[Limitation]]:
    """The quiz set as a Moodle XML document, and what it could not carry."""
    limits: list[Limitation] = []
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    path = f"$course$/top/{course_title}/{quiz_set.bank.title}/{quiz_set.use}".replace("//", "/")
    ET.SubElement(ET.SubElement(category, "category"), "text").text = path
    for item in quiz_set.items:
        question = _question(item, limits, quiz_set.name)
        if question is not None:
            root.append(ET.Comment(f" {item.id}: {TYPE_LABELS[item.type]} "))
            root.append(question)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n", limits
