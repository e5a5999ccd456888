"""Load and validate the question banks in quizzes/: every problem in every bank, reported in one pass.

Public API: `load_banks(content) -> list[Bank]` (raises ContentError listing every problem) and
`bank_problems(content) -> (banks, problems)` for checkers that want to collect instead of raise.

Each problem names the file, the line, the item id and what is wrong: YAML syntax, the JSON Schema
(missing or unknown fields, unknown type, wrong value types), and what a schema cannot express (duplicate ids
across banks, the right number of correct options, anchors to headings that exist, concepts in the glossary).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema

from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.exam.store import exam_dir, plain_path
from coursekit.quiz.model import Bank, GenerateRequest, Item, Option, Pair, quiz_ids
from coursekit.quiz.schema import TYPE_FIELDS, bank_schema
from coursekit.yamlio import LineDict, line_of, load_yaml_file

GENERATED_PREFIX = "gen-"
_VALIDATOR = jsonschema.Draft202012Validator(bank_schema())
_TYPE_WORDS = {"string": "text", "boolean": "true or false", "array": "a list", "object": "a mapping",
               "integer": "a whole number"}
_PATTERN_HINTS = {
    "id": "must be lower-case words joined by hyphens, e.g. c2-risse-preconditions",
    "concept": "must be a glossary id (lower-case words joined by hyphens)",
    "anchor": "must be 'chapter-file-stem#heading-id', e.g. 02-preparedness-to-talk#three-preconditions",
}


def bank_paths(quizzes_dir: Path, chapter_count: int) -> list[Path]:
    """The bank files, in quiz order (chapter-1 .. chapter-N, final): one per chapter of the course."""
    return [quizzes_dir / f"{quiz}.yml" for quiz in quiz_ids(chapter_count)]


def load_banks(content: CourseContent) -> list[Bank]:
    """Every bank, validated; raises ContentError with all problems of all banks."""
    banks, problems = bank_problems(content)
    if problems:
        raise ContentError(problems)
    return banks


def bank_problems(content: CourseContent) -> tuple[list[Bank], list[Problem]]:
    """Banks that loaded cleanly, and every problem found in any bank (parsed once per content load)."""
    banks, problems = content.question_banks
    return list(banks), list(problems)


# A bank ten times the largest today; with the file-size limit (content.source_file) it bounds a quiz page.
MAX_BANK_ITEMS = 200


def read_banks(content: CourseContent) -> tuple[list[Bank], list[Problem]]:
    quizzes = content.paths.quizzes
    problems: list[Problem] = []
    banks: list[Bank] = []
    seen_ids: dict[str, tuple[Path, int | None]] = {}
    for path in bank_paths(quizzes, len(content.chapters)):
        if not path.is_file():
            problems.append(Problem(path, None, "missing question bank (see CONTRIBUTING.md, 'Question banks')"))
            continue
        public, found = _read_bank_file(path, content, seen_ids, "practice")
        problems += found
        exam_path = plain_path(quizzes, path.stem)
        exam = None
        if exam_path.is_file():
            exam, found = _read_bank_file(exam_path, content, seen_ids, "exam")
            problems += found
        if public is not None and (exam is not None or not exam_path.is_file()):
            banks.append(merge_exam_bank(public, exam))
    expected = {p.name for p in bank_paths(quizzes, len(content.chapters))}
    for stray in sorted(quizzes.glob("*.y*ml")):
        if stray.name not in expected:
            problems.append(Problem(stray, None, f"unknown bank file: banks are named {', '.join(sorted(expected))}"))
    exam_folder = exam_dir(quizzes)
    for stray in sorted(exam_folder.glob("*.y*ml")) if exam_folder.is_dir() else ():
        if stray.name not in expected:
            problems.append(Problem(stray, None, "unknown exam bank file: exam banks are named "
                                    f"{', '.join(sorted(expected))}"))
    return banks, problems


def _read_bank_file(path: Path, content: CourseContent, seen_ids: dict[str, tuple[Path, int | None]],
                    only_use: str) -> tuple[Bank | None, list[Problem]]:
    """One bank file, validated; `only_use` is the one `use` its items may have (exam items live apart)."""
    try:
        data = load_yaml_file(path)
    except ContentError as exc:
        return None, exc.problems
    items = data.get("items") if isinstance(data, dict) else None
    if isinstance(items, list) and len(items) > MAX_BANK_ITEMS:
        return None, [Problem(path, line_of(items), f"the bank has {len(items)} items; a bank may hold at most "
                                                    f"{MAX_BANK_ITEMS} (see CONTRIBUTING.md, 'Limits')")]
    data = _normalize_keys(data)
    found = schema_problems(data, path)
    found += semantic_problems(data, path, content, seen_ids)
    found += _use_problems(data, path, only_use)
    if found:
        return None, sorted(found, key=lambda p: p.line or 0)
    return build_bank(data, path), []


def _use_problems(data: Any, path: Path, only_use: str) -> list[Problem]:
    """Exam items only in the sealed exam banks, practice items only in the public ones."""
    if not isinstance(data, dict):
        return []
    where = {"practice": f"the public bank quizzes/{path.stem}.yml",
             "exam": f"the exam bank quizzes/exam/{path.stem}.yml (sealed, see CONTRIBUTING.md, 'Exam banks')"}
    out = []
    items = data.get("items")
    for raw in items if isinstance(items, list) else []:
        use = raw.get("use") if isinstance(raw, dict) else None
        if isinstance(use, str) and use in where and use != only_use:
            article = "an" if use == "exam" else "a"
            item_id = raw.get("id")
            out.append(Problem(path, line_of(raw), f"{article} {use} item belongs in {where[use]}, not here",
                               item_id if isinstance(item_id, str) else None))
    return out


def merge_exam_bank(public: Bank, exam: Bank | None) -> Bank:
    """The quiz as one bank: the public file's practice items, then the exam file's items."""
    if exam is None:
        return public
    return replace(public, items=public.items + exam.items, generate=public.generate + exam.generate)


def _normalize_keys(value: Any) -> Any:
    """YAML reads `true:`/`false:` keys as booleans; the format (and JSON) means the words."""
    if isinstance(value, dict):
        for key in [k for k in value if isinstance(k, bool)]:
            value[str(key).lower()] = value.pop(key)
        for child in value.values():
            _normalize_keys(child)
    elif isinstance(value, list):
        for child in value:
            _normalize_keys(child)
    return value


# ----------------------------------------------------------------------------------------------- schema


def schema_problems(data: Any, path: Path) -> list[Problem]:
    """Structural problems, from the published JSON Schema, in words an author understands."""
    if data is None:
        return [Problem(path, 1, "the bank is empty: it needs quiz, title and items")]
    return [_schema_problem(error, data, path) for error in _VALIDATOR.iter_errors(data)]


def _schema_problem(error: jsonschema.ValidationError, data: Any, path: Path) -> Problem:
    trail = list(error.absolute_path)
    node, line, item = data, line_of(data, 1), None
    for depth, key in enumerate(trail):
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
        line = line_of(node, line)
        if depth == 1 and trail[0] == "items" and isinstance(node, dict) and isinstance(node.get("id"), str):
            item = node["id"]
        elif depth == 1 and trail[0] == "generate":
            item = f"generate {key + 1}"
    where = _field_name(trail[2:] if trail[:1] in (["items"], ["generate"]) else trail)
    return Problem(path, line, _message(error, node, where), item)


def _field_name(trail: list[Any]) -> str:
    name = ""
    for key in trail:
        name += f"[{key + 1}]" if isinstance(key, int) else (f".{key}" if name else str(key))
    return name


def _message(error: jsonschema.ValidationError, node: Any, where: str) -> str:
    field = where.rsplit(".", 1)[-1] if where else ""
    inside = f" in {where}" if where else ""
    if error.validator is None:  # a `false` schema: a field another item type uses
        names = [k for k, v in node.items() if v is error.instance] if isinstance(node, dict) else []
        item_type = node.get("type") if isinstance(node, dict) else "this"
        uses = ", ".join(TYPE_FIELDS.get(str(item_type), ()))
        return f"field '{names[0] if names else '?'}' does not belong to a {item_type} item (it uses: {uses})"
    if error.validator == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        return f"missing field '{missing.group(1) if missing else error.message}'{inside}"
    if error.validator == "additionalProperties":
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = [k for k in error.instance if k not in allowed]
        return f"unknown field '{', '.join(map(str, extra))}'{inside} (allowed: {', '.join(allowed)})"
    if error.validator in ("enum", "const"):
        choices = error.validator_value if error.validator == "enum" else [error.validator_value]
        label = "type" if field == "type" else f"value for '{field}'"
        return f"unknown {label} '{error.instance}' (expected one of: {', '.join(map(str, choices))})"
    if error.validator == "type":
        wanted = _TYPE_WORDS.get(str(error.validator_value), str(error.validator_value))
        return f"field '{where or 'bank'}' must be {wanted}" if where else "the bank must be a mapping of fields"
    if error.validator == "minLength":
        return f"field '{where}' is empty"
    if error.validator == "minItems":
        return f"field '{where}' needs at least {error.validator_value} entries"
    if error.validator == "pattern":
        hint = _PATTERN_HINTS.get(field, f"must match {error.validator_value}")
        return f"{field} '{error.instance}' {hint}"
    return f"{where or 'bank'}: {error.message}"


# ------------------------------------------------------------------------------------------- semantics


def semantic_problems(data: Any, path: Path, content: CourseContent,
                      seen_ids: dict[str, tuple[Path, int | None]]) -> list[Problem]:
    """What the schema cannot say; tolerant of structural errors (those are reported by the schema)."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    quiz = data.get("quiz")
    if isinstance(quiz, str) and quiz in quiz_ids(len(content.chapters)) and quiz != path.stem:
        problems.append(Problem(path, line_of(data, 1), f"quiz '{quiz}' does not match the file name '{path.name}'"))
    chapter = int(path.stem.removeprefix("chapter-")) if path.stem.startswith("chapter-") else None
    items = data.get("items")
    for raw in items if isinstance(items, list) else []:
        if isinstance(raw, dict):
            problems += _item_problems(raw, path, content, chapter, seen_ids)
    return problems


def _item_problems(raw: dict, path: Path, content: CourseContent, chapter: int | None,
                   seen_ids: dict[str, tuple[Path, int | None]]) -> list[Problem]:
    line = line_of(raw)
    item_id = raw.get("id") if isinstance(raw.get("id"), str) else None
    out: list[Problem] = []

    def add(problem: str) -> None:
        out.append(Problem(path, line, problem, item_id))

    if item_id:
        if item_id in seen_ids:
            first_path, first_line = seen_ids[item_id]
            add(f"duplicate id '{item_id}' (first used in {first_path.name}, line {first_line})")
        else:
            seen_ids[item_id] = (path, line)
        if item_id.startswith(GENERATED_PREFIX):
            add(f"ids starting with '{GENERATED_PREFIX}' are reserved for generated items")
    concept = raw.get("concept")
    if isinstance(concept, str) and concept not in content.glossary:
        add(f"concept '{concept}' is not a glossary id (see docs/_data/glossary.yml)")
    anchor = raw.get("anchor")
    if isinstance(anchor, str):
        out += [Problem(path, line, p, item_id) for p in anchor_problems(anchor, content, chapter)]
    item_type = raw.get("type")
    options = raw.get("options")
    if item_type in ("single", "multiple") and isinstance(options, list):
        correct = sum(1 for o in options if isinstance(o, dict) and o.get("correct") is True)
        if correct == 0:
            add("no option is marked 'correct: true': the correct answer must be among the options")
        elif item_type == "single" and correct > 1:
            add(f"{correct} options are marked 'correct: true'; a single item needs exactly one "
                "(use type: multiple for several)")
        elif item_type == "multiple" and correct == len(options):
            add("every option is marked correct; at least one option must be wrong")
        out += _duplicates(path, line, item_id, "option", [o.get("text") for o in options if isinstance(o, dict)])
    if item_type == "ordering" and isinstance(raw.get("sequence"), list):
        out += _duplicates(path, line, item_id, "sequence entry", raw["sequence"])
    if item_type == "matching" and isinstance(raw.get("pairs"), list):
        pairs = [p for p in raw["pairs"] if isinstance(p, dict)]
        out += _duplicates(path, line, item_id, "left side", [p.get("left") for p in pairs])
        out += _duplicates(path, line, item_id, "right side", [p.get("right") for p in pairs])
    return out


def anchor_problems(anchor: str, content: CourseContent, chapter: int | None) -> list[str]:
    """An anchor must name an existing chapter file and, after '#', one of its heading ids."""
    stem, _, heading = anchor.partition("#")
    target = content.chapter_by_stem(stem)
    if target is None:
        stems = ", ".join(c.stem for c in content.chapters)
        return [f"anchor '{anchor}': no chapter file '{stem}.md' (chapters: {stems})"]
    problems = []
    if heading and heading not in target.heading_ids:
        problems.append(f"anchor '{anchor}': chapter {target.number} has no heading with id '{heading}'")
    if chapter is not None and target.number != chapter:
        problems.append(f"anchor '{anchor}' points into chapter {target.number}, but this is the chapter {chapter} "
                        "bank (move the item, or put it in final.yml)")
    return problems


def _duplicates(path: Path, line: int | None, item_id: str | None, what: str, texts: Iterable[Any]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for text in texts:
        if isinstance(text, str):
            key = " ".join(text.split()).casefold()
            if key in seen:
                out.append(Problem(path, line, f"two {what}s read the same: '{text}'", item_id))
            seen.add(key)
    return out


# ---------------------------------------------------------------------------------------------- build


def build_bank(data: LineDict, path: Path) -> Bank:
    """Typed bank from data that passed validation."""
    quiz = data["quiz"]
    items = tuple(build_item(raw, quiz, path) for raw in data["items"])
    requests = tuple(
        GenerateRequest(generator=g["generator"], use=g["use"], count=g["count"], line=line_of(g))
        for g in data.get("generate") or ()
    )
    return Bank(quiz=quiz, title=str(data["title"]).strip(), path=path, items=items, generate=requests)


def build_item(raw: dict, quiz: str, path: Path) -> Item:
    item_type = raw["type"]
    fields: dict[str, Any] = {}
    if item_type in ("single", "multiple"):
        fields["options"] = tuple(Option(_text(o["text"]), o["correct"], _text(o["feedback"])) for o in raw["options"])
    elif item_type == "true_false":
        answer, feedback = raw["answer"], raw["feedback"]
        fields["answer"] = answer
        fields["options"] = (Option("True", answer is True, _text(feedback["true"])),
                             Option("False", answer is False, _text(feedback["false"])))
    else:
        fields["feedback"] = _text(raw["feedback"])
        if item_type == "ordering":
            fields["sequence"] = tuple(_text(s) for s in raw["sequence"])
        elif item_type == "matching":
            fields["pairs"] = tuple(Pair(_text(p["left"]), _text(p["right"])) for p in raw["pairs"])
        else:
            fields["accepted"] = tuple(_text(a) for a in raw["accepted"])
    return Item(id=raw["id"], type=item_type, use=raw["use"], level=raw["level"], quiz=quiz,
                stem=_text(raw["stem"]), concept=raw["concept"], anchor=raw["anchor"], path=path,
                line=line_of(raw), **fields)


def _text(value: Any) -> str:
    return " ".join(str(value).split())
