r"""Canvas QTI export: we write text2qti's plain-text quiz format and let text2qti build the QTI package.

text2qti (0.8) has single choice, multiple answers, true/false and short answer (fill in the blank) but no
matching and no ordering questions: those items are left out and reported. Question, option and feedback texts
go through text2qti's Markdown, so HTML characters become entities and the characters Python-Markdown acts on
are backslash-escaped (only those: `\~` would show its backslash). Accepted short answers are NOT Markdown: text2qti
puts them into `varequal` as written, so they are written as they are. Each question is titled with its item
id, so Canvas lists the bank's ids. The manifest is dated with the content's date (`source_date`) and the
zip's entries with a fixed date, so the same quiz gives the same bytes on any day.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from html import escape

from coursekit.instructors.limits import CHANGED, LEFT_OUT, Limitation
from coursekit.instructors.quiz_sets import QuizSet
from coursekit.instructors.source_date import FALLBACK
from coursekit.quiz.model import Item

FORMAT = "Canvas QTI (text2qti)"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# Python-Markdown's escapable characters, with `|` (tables), quotes (smarty) and `$` (text2qti's LaTeX math).
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()>#+\-.!|$\"'])")


def md_escape(text: str) -> str:
    """One line that text2qti's Markdown shows literally."""
    return _MARKDOWN.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


def plain_line(text: str) -> str:
    """One line as written, for fields text2qti takes literally (accepted short answers)."""
    return " ".join(text.split())


def _feedback(text: str, mark: str = "...") -> list[str]:
    return [f"{mark} {md_escape(text)}"] if text else []


def _question(number: int, item: Item) -> list[str]:
    # Titled with the item id (and its level, so instructors can filter by it in Canvas's question bank).
    # text2qti takes the title as written (it only XML-escapes it), so it is not Markdown-escaped.
    title = f"{item.id} ({item.level})" if item.level else item.id
    lines = [f"Title: {plain_line(title)}", f"{number}.  {md_escape(item.stem)}"]
    if item.type in ("single", "true_false"):
        lines += _feedback(item.feedback)
        for index, option in enumerate(item.options):
            letter = "abcdefghijklmnopqrstuvwxyz"[index]
            lines.append(f"{'*' if option.correct else ''}{letter}) {md_escape(option.text)}")
            lines += _feedback(option.feedback)
    elif item.type == "multiple":
        lines += _feedback(item.feedback)
        for option in item.options:
            lines.append(f"[{'*' if option.correct else ' '}] {md_escape(option.text)}")
            lines += _feedback(option.feedback)
    elif item.type == "short_answer":
        lines += _feedback(item.feedback)
        lines += [f"*   {plain_line(answer)}" for answer in item.accepted]
    return lines


def text2qti_source(quiz_set: QuizSet) -> tuple[str, list[Limitation]]:
    """The quiz set in text2qti's format, and what it could not carry."""
    limits: list[Limitation] = []
    lines = [f"Quiz title: {md_escape(quiz_set.title)}",
             f"Quiz description: {md_escape(quiz_set.bank.title)}, {quiz_set.use} questions.",
             # Canvas then shows each student the options in an order of its own, so position never cues the key.
             "Shuffle answers: true", ""]
    number = 0
    for item in quiz_set.items:
        if item.type in ("matching", "ordering"):
            limits.append(Limitation(FORMAT, quiz_set.name, item.id, item.type, LEFT_OUT,
                                     f"text2qti has no {item.type} question type"))
            continue
        if item.type == "short_answer":
            limits.append(Limitation(FORMAT, quiz_set.name, item.id, item.type, CHANGED,
                                     "Canvas compares fill-in-the-blank answers without case but with accents"))
        number += 1
        lines += [*_question(number, item), ""]
    return "\n".join(lines), limits


def _fixed_dates(package: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so identical quizzes give identical files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def qti_package(source: str, source_name: str, date: dt.date = FALLBACK) -> bytes:
    """text2qti's QTI zip for a quiz written in its format, its manifest dated `date` (never today: the
    export passes `source_date`, the content's date)."""
    from text2qti.config import Config  # text2qti pulls in Markdown extensions; only the export needs it
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz
    from text2qti.xml_imsmanifest import imsmanifest

    quiz = Quiz(source, config=Config(), source_name=source_name)
    package = QTI(quiz)
    package.imsmanifest_xml = imsmanifest(manifest_identifier=package.manifest_identifier,
                                          assessment_identifier=package.assessment_identifier,
                                          dependency_identifier=package.dependency_identifier,
                                          images=quiz.images, date=date.isoformat())
    return _fixed_dates(package.zip_bytes())
