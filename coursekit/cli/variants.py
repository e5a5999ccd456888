"""`course variants`: one printable version of a chapter quiz per student, and one key mapping students to versions.

The questions are the same for everybody (the bank's items for the given seed); their order, and the order
of each question's options, come from the seed and the student's id, so a roster and a seed always give the
same variants. Each sheet carries a short variant code that the key repeats.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from coursekit.cli.chapter_number import quiz_name
from coursekit.content.load import load_content
from coursekit.csv_output import csv_text
from coursekit.errors import ContentError
from coursekit.exam.store import require_unlocked
from coursekit.instructors.document import to_html_page
from coursekit.instructors.keys import PRIVATE, WORKSHEET_CSS, letters, worksheet_fragment
from coursekit.instructors.pdf import write_pdf
from coursekit.instructors.roster import Student, load_roster
from coursekit.paths import project_paths
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank, Item
from coursekit.quiz.select import arrange, bank_items, quiz_rng, shuffled
from coursekit.registry import Registry
from coursekit.safe_output import check_output_folder, output_folder

KEY_COLUMNS = ("student_id", "name", "variant", "number", "item_id", "type", "answer_letters", "answer")


@dataclass(frozen=True)
class Variant:
    student: Student
    code: str
    items: tuple[Item, ...]


def variant_code(seed: str, quiz: str, student_id: str) -> str:
    """A short code printed on the sheet, so a sheet can be matched to the key without the name."""
    return "V-" + hashlib.sha256(f"{seed}:{quiz}:{student_id}".encode()).hexdigest()[:6].upper()


def make_variants(bank: Bank, items: list[Item], students: list[Student], seed: str) -> list[Variant]:
    out = []
    for student in students:
        personal = f"{seed}:{student.id}"
        order = shuffled(items, quiz_rng(personal, bank.quiz, "order"))
        out.append(Variant(student, variant_code(seed, bank.quiz, student.id),
                           tuple(arrange(item, personal) for item in order)))
    return out


def sheet_body(bank: Bank, variant: Variant) -> str:
    s = variant.student
    head = (f'<div class="variant-head"><span><strong>Name:</strong> {escape(s.name)}</span>'
            f"<span><strong>Id:</strong> {escape(s.id)}</span>"
            f"<span><strong>Version:</strong> {variant.code}</span></div>")
    sheet = worksheet_fragment(bank, list(variant.items), False)
    return f"<h1>{escape(bank.title)}</h1>\n{head}\n{sheet}"


def key_csv(variants: list[Variant]) -> str:
    return csv_text(KEY_COLUMNS, ([v.student.id, v.student.name, v.code, number, item.id, item.type, letters(item),
                                   item.answer_text()] for v in variants for number, item in enumerate(v.items, 1)))


def key_html(bank: Bank, variants: list[Variant], seed: str) -> str:
    rows = []
    for v in variants:
        answers = "; ".join(f"{n}: {letters(i) or i.answer_text()}" for n, i in enumerate(v.items, start=1))
        rows.append(f"<tr><td>{escape(v.student.id)}</td><td>{escape(v.student.name)}</td><td>{v.code}</td>"
                    f"<td>{escape(answers)}</td></tr>")
    title = f"{bank.title}: variant key (seed {seed})"
    body = (f"<h1>{escape(title)}</h1>\n<p class=\"private\">{PRIVATE}</p>\n"
            "<p>Answers follow each student's own sheet: A is the first option printed under a question, B the "
            "second, and so on; for matching questions, the letter that belongs next to each entry in turn; for "
            "ordering questions, the number that belongs next to each entry in turn; short answers in full.</p>\n"
            "<table><thead><tr><th>Id</th><th>Name</th><th>Version</th><th>Answers</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
    return to_html_page(title, body, WORKSHEET_CSS)


def cmd_variants(args: argparse.Namespace) -> int:
    paths = project_paths(args.root)
    out = Path(args.out)
    check_output_folder(out, "variants", paths.root)
    try:
        students = load_roster(Path(args.roster))
    except ContentError as exc:
        for problem in exc.problems:
            print(f"course variants: {problem}", file=sys.stderr)
        return 2
    if args.use != "practice":
        require_unlocked(paths.quizzes, f"course variants --use {args.use}")
    content = load_content(paths)
    quiz = args.chapter
    bank = next((b for b in load_banks(content) if b.quiz == quiz), None)
    if bank is None:
        asked = args.chapter.removeprefix("chapter-")
        print(f"course variants: error: no quiz {asked!r} (chapters 1-{len(content.chapters)} or final)",
              file=sys.stderr)
        return 2
    items = bank_items(bank, content, args.seed, use=None if args.use == "all" else args.use)
    if not items:
        print(f"course variants: error: {quiz} has no {args.use} items; try --use all", file=sys.stderr)
        return 2
    variants = make_variants(bank, items, students, args.seed)
    with output_folder(out, "variants", paths.root) as stage:
        (stage / "sheets").mkdir()
        for v in variants:
            page = to_html_page(f"{bank.title}: {v.student.name}", sheet_body(bank, v), WORKSHEET_CSS)
            (stage / "sheets" / f"{v.student.id}.html").write_text(page, encoding="utf-8")
        (stage / "variant-key.csv").write_text(key_csv(variants), encoding="utf-8")
        (stage / "variant-key.html").write_text(key_html(bank, variants, args.seed), encoding="utf-8")
        if not args.no_pdf:
            sheets = "\n".join(f'<section class="{"pagebreak" if n else ""}">{sheet_body(bank, v)}</section>'
                               for n, v in enumerate(variants))
            write_pdf(to_html_page(bank.title, sheets, WORKSHEET_CSS), stage / "sheets.pdf", paths.node_modules,
                      identifier=f"{args.seed}:{quiz}:{key_csv(variants)}", font_cache=paths.cache / "fonts")
    print(f"course variants: {len(variants)} variants of {quiz} written to {out}")
    return 0


def _register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("variants", help="one printable quiz variant per student, and a key")
    parser.add_argument("--roster", required=True, help="CSV file with a header and the columns id,name")
    parser.add_argument("--chapter", required=True, type=quiz_name, help="chapter number, or final")
    parser.add_argument("--seed", required=True, help="any text or number; the same seed gives the same variants")
    parser.add_argument("--use", choices=("exam", "practice", "all"), default="exam",
                        help="which items (default: exam)")
    parser.add_argument("--no-pdf", action="store_true", help="HTML only, no sheets.pdf")
    parser.add_argument("--out", required=True, help="output folder")
    parser.set_defaults(func=cmd_variants)


def register(registry: Registry) -> None:
    registry.add_command(_register)
