"""`course quiz CHAPTER [--seed N] [--format md|html|json]` and `course quiz-schema`.

`course quiz` prints a generated quiz: CHAPTER is a chapter number or `final`; the seed picks generated items and orders
(the site uses SITE_SEED); `--use` limits to practice or exam items; `--answers` adds the key (md, html).
`md` is readable text, `html` the printable worksheet, `json` every field of every item (for other tools).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any

from coursekit.cli.chapter_number import quiz_name
from coursekit.content.load import load_content
from coursekit.exam.store import require_unlocked
from coursekit.paths import project_paths
from coursekit.print.quiz_worksheet import render_worksheet_html
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import TYPE_LABELS, Bank, Item, sentence
from coursekit.quiz.schema import write_schema
from coursekit.quiz.select import SITE_SEED, bank_items
from coursekit.registry import Registry


def _register(sub: argparse._SubParsersAction) -> None:
    quiz = sub.add_parser("quiz", help="print a generated quiz (md, html worksheet or json)")
    quiz.add_argument("chapter", type=quiz_name, metavar="CHAPTER", help="a chapter number, or final")
    quiz.add_argument("--seed", default=str(SITE_SEED), help=f"variant seed (default {SITE_SEED}, the site's)")
    quiz.add_argument("--format", choices=("md", "html", "json"), default="md")
    quiz.add_argument("--use", choices=("practice", "exam", "all"), default="all")
    quiz.add_argument("--answers", action="store_true", help="include the answers (md and html)")
    quiz.set_defaults(func=cmd_quiz)
    schema = sub.add_parser("quiz-schema", help="write quizzes/schema/quiz-bank.schema.json from the code")
    schema.set_defaults(func=cmd_quiz_schema)


def cmd_quiz(args: argparse.Namespace) -> int:
    paths = project_paths(args.root)
    if args.use == "exam":
        require_unlocked(paths.quizzes, "course quiz --use exam")
    content = load_content(paths)
    bank = next((b for b in load_banks(content) if b.quiz == args.chapter), None)
    if bank is None:
        print(f"course quiz: no quiz {args.chapter!r}: the course has {len(content.chapters)} chapters "
              f"(1-{len(content.chapters)}) and a final quiz", file=sys.stderr)
        return 2
    seed: int | str = int(args.seed) if str(args.seed).lstrip("-").isdigit() else args.seed
    items = bank_items(bank, content, seed, use=None if args.use == "all" else args.use)
    if args.format == "json":
        out = json.dumps(quiz_json(bank, items, seed), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "html":
        out = render_worksheet_html(bank, items, with_answers=args.answers)
    else:
        out = quiz_markdown(bank, items, with_answers=args.answers)
    sys.stdout.write(out)
    return 0


def cmd_quiz_schema(args: argparse.Namespace) -> int:
    paths = project_paths(args.root)
    path = write_schema(paths.quizzes, paths.root)
    print(f"wrote {path}")
    return 0


def quiz_json(bank: Bank, items: list[Item], seed: int | str) -> dict[str, Any]:
    def item_dict(item: Item) -> dict[str, Any]:
        data = asdict(item)
        data["path"] = str(item.path) if item.path else None
        data["answer_text"] = item.answer_text()
        return data

    return {"quiz": bank.quiz, "title": bank.title, "seed": seed, "items": [item_dict(i) for i in items]}


def quiz_markdown(bank: Bank, items: list[Item], with_answers: bool) -> str:
    """Plain Markdown: numbered questions, options as a list, answers and feedback when asked for."""
    lines = [f"# {bank.title}", ""]
    for number, item in enumerate(items, start=1):
        lines += [f"## {number}. {item.stem}", "", f"*{TYPE_LABELS[item.type]}* ({item.use}, `{item.id}`)", ""]
        if item.options:
            lines += [f"- [ ] {o.text}" for o in item.options]
        elif item.type == "ordering":
            lines += [f"- {t}" for t in item.display or item.sequence]
        elif item.type == "matching":
            lines += [f"- {p.left} → ?" for p in item.pairs]
            lines += ["", "Choices: " + " | ".join(item.display or [p.right for p in item.pairs])]
        else:
            lines.append("Answer: ______")
        if with_answers:
            lines += ["", f"**Answer:** {item.answer_text()}"]
            lines += [f"- {'Right' if o.correct else 'Wrong'}: {sentence(o.text)} {o.feedback}" for o in item.options]
            if item.feedback:
                lines.append(item.feedback)
            about = [f"concept: {item.concept}"] if item.concept else []
            about += [f"level: {item.level}"] if item.level else []
            lines.append(f"Tests: {item.anchor}" + (f" ({'; '.join(about)})" if about else ""))
        lines.append("")
    return "\n".join(lines)


def register(registry: Registry) -> None:
    registry.add_command(_register)
