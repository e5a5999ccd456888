"""The JSON Schema of a question bank: built here, once, and published as quizzes/schema/quiz-bank.schema.json.

Authors' editors read the published file (the first line of every bank points at it) for completion and checks;
the loader validates every bank against the same schema, so the editor and `course check` cannot disagree.
Regenerate the file with `course quiz-schema` after changing this module (a test checks it is current).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coursekit.content.ids import ID_PATTERN
from coursekit.quiz.generate import ITEM_GENERATORS
from coursekit.quiz.model import ANCHOR_PATTERN, ITEM_TYPES, LEVELS, QUIZ_PATTERN, USES
from coursekit.safe_output import output_files

SCHEMA_ID = "https://coursekit.invalid/schema/quiz-bank.schema.json"
SCHEMA_RELATIVE = Path("schema") / "quiz-bank.schema.json"

TEXT = {"type": "string", "minLength": 1}

# Which per-type fields each item type requires; any other per-type field is refused for that type.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "single": ("options",),
    "multiple": ("options",),
    "true_false": ("answer", "feedback"),
    "ordering": ("sequence", "feedback"),
    "matching": ("pairs", "feedback"),
    "short_answer": ("accepted", "feedback"),
}
PER_TYPE_FIELDS = ("options", "answer", "sequence", "pairs", "accepted", "feedback")


def _feedback_schema(item_type: str) -> dict[str, Any]:
    if item_type == "true_false":
        return {
            "type": "object",
            "description": "Feedback shown for the value the student picks.",
            "properties": {"true": TEXT, "false": TEXT},
            "required": ["true", "false"],
            "additionalProperties": False,
        }
    return {**TEXT, "description": "Why the answer is what it is, in a sentence or two."}


def _type_rule(item_type: str) -> dict[str, Any]:
    """`if type is X then` require X's fields, shape its feedback and refuse the other types' fields."""
    required = TYPE_FIELDS[item_type]
    properties: dict[str, Any] = {name: False for name in PER_TYPE_FIELDS if name not in required}
    if "feedback" in required:
        properties["feedback"] = _feedback_schema(item_type)
    return {
        "if": {"properties": {"type": {"const": item_type}}, "required": ["type"]},
        "then": {"required": list(required), "properties": properties},
    }


def bank_schema() -> dict[str, Any]:
    """The schema as a dict (Draft 2020-12)."""
    option = {
        "type": "object",
        "properties": {
            "text": TEXT,
            "correct": {"type": "boolean"},
            "feedback": {**TEXT, "description": "Why this option is right or wrong."},
        },
        "required": ["text", "correct", "feedback"],
        "additionalProperties": False,
    }
    pair = {
        "type": "object",
        "properties": {"left": TEXT, "right": TEXT},
        "required": ["left", "right"],
        "additionalProperties": False,
    }
    item = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN, "description": "Unique across all banks; never reuse."},
            "type": {"enum": list(ITEM_TYPES)},
            "use": {"enum": list(USES), "description": "practice: public site; exam: instructor outputs only."},
            "level": {"enum": list(LEVELS),
                      "description": "The cognitive level the item tests (Bloom's revised taxonomy)."},
            "concept": {"type": "string", "pattern": ID_PATTERN, "description": "A glossary id."},
            "anchor": {
                "type": "string",
                "pattern": ANCHOR_PATTERN,
                "description": "Chapter file stem and heading id, e.g. 02-preparedness-to-talk#three-preconditions.",
            },
            "stem": {**TEXT, "description": "The question, plain text."},
            "options": {"type": "array", "items": option, "minItems": 2},
            "answer": {"type": "boolean"},
            "sequence": {"type": "array", "items": TEXT, "minItems": 2, "description": "The right order."},
            "pairs": {"type": "array", "items": pair, "minItems": 2},
            "accepted": {"type": "array", "items": TEXT, "minItems": 1},
            "feedback": {"description": "Text; for true_false a mapping {true: ..., false: ...}."},
        },
        "required": ["id", "type", "use", "level", "concept", "anchor", "stem"],
        "additionalProperties": False,
        "allOf": [_type_rule(t) for t in ITEM_TYPES],
    }
    generate = {
        "type": "object",
        "properties": {
            "generator": {"enum": list(ITEM_GENERATORS)},
            "use": {"const": "practice",
                    "description": "Generated items test recall of the course's data, so they are practice only."},
            "count": {"type": "integer", "minimum": 1, "maximum": 20},
        },
        "required": ["generator", "use", "count"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Course question bank",
        "description": "One quiz's questions (see CONTRIBUTING.md, 'Question banks'). Generated by coursekit.",
        "type": "object",
        "properties": {
            "quiz": {"type": "string", "pattern": QUIZ_PATTERN,
                     "description": "chapter-N (one bank per chapter) or final; the file is named after it."},
            "title": TEXT,
            "items": {"type": "array", "items": item},
            "generate": {"type": "array", "items": generate},
        },
        "required": ["quiz", "title", "items"],
        "additionalProperties": False,
    }


def schema_text() -> str:
    """The published file's exact text."""
    return json.dumps(bank_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_path(quizzes_dir: Path) -> Path:
    return quizzes_dir / SCHEMA_RELATIVE


def write_schema(quizzes_dir: Path, root: Path) -> Path:
    """Write the published schema through `output_files` (it replaces only git's copy or its own)."""
    target = schema_path(quizzes_dir)
    with output_files(target.parent, "quiz-schema", root, expected=[target.name]) as stage:
        (stage / target.name).write_text(schema_text(), encoding="utf-8")
    return target


def schema_is_current(quizzes_dir: Path) -> bool:
    target = schema_path(quizzes_dir)
    return target.is_file() and target.read_text(encoding="utf-8") == schema_text()
