"""The published JSON Schema is current, valid, and accepts the real banks (what authors' editors check)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from coursekit.paths import REPO_ROOT
from coursekit.quiz.bank import _normalize_keys
from coursekit.quiz.schema import bank_schema, schema_is_current, schema_path, schema_text
from coursekit.yamlio import load_yaml_file

QUIZZES = REPO_ROOT / "quizzes"
OPTION = {"text": "a", "correct": True, "feedback": "b"}


def test_committed_schema_is_current() -> None:
    assert schema_is_current(QUIZZES), "quizzes/schema/quiz-bank.schema.json is stale: run `course quiz-schema`"


def test_schema_is_valid_draft_2020_12() -> None:
    published = json.loads(schema_path(QUIZZES).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    assert published == bank_schema() and schema_text().endswith("}\n")


@pytest.mark.parametrize("path", sorted(QUIZZES.glob("*.yml")), ids=lambda p: p.name)
def test_real_banks_validate_against_the_published_file(path) -> None:
    published = json.loads(schema_path(QUIZZES).read_text(encoding="utf-8"))
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema/quiz-bank.schema.json")
    jsonschema.validate(_normalize_keys(load_yaml_file(path)), published, cls=jsonschema.Draft202012Validator)


def test_schema_refuses_a_field_of_another_type() -> None:
    item = {"id": "x", "type": "ordering", "use": "practice", "level": "understand", "concept": "empowerment",
            "anchor": "03-empowerment-and-representation#empowerment", "stem": "Order", "sequence": ["a", "b"],
            "feedback": "Because.", "options": [OPTION, OPTION]}
    errors = list(jsonschema.Draft202012Validator(bank_schema()).iter_errors(
        {"quiz": "chapter-3", "title": "T", "items": [item]}))
    assert len(errors) == 1 and errors[0].instance == [OPTION, OPTION]
