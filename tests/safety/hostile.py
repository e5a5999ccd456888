"""Plant markup in every free-text field of every data file of a project copy (issue 17, point 4).

Each planted field gets its own numbered payload, so a test can say which field leaked. Structural fields
(ids, anchors, references to ids, dates, types, citation keys) are left alone: they are validated as such and
never shown as text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

# Keys whose values are identifiers or references, not text shown to a reader.
STRUCTURAL = {"id", "anchor", "concept", "type", "use", "quiz", "generator", "key_terms", "further_reading",
              "essay_key", "licence_code", "licence_content", "from", "to", "spine", "related", "date", "cite",
              "chapter", "number", "level", "seed", "stylesheets", "terms",
              # corrections.yml: bibliography keys, a citation locator and the check's patterns (never shown);
              # `correction` names a correction, `section` a chapter heading (concept map)
              "sources", "essay_locator", "claims", "shows", "correction", "section",
              # the figures' data (locator-map.yml, actors.yml, timeline periods): atlas shapes, roles, kinds,
              # label sides, glossary ids and period ends are validated choices and references, never shown as text
              "shapes", "atlas_id", "role", "kind", "side", "basis", "term", "until"}
# Fields with a length limit keep their length: the payload replaces the end of the text.
LIMITS = {"short": 160}
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def payload(number: int) -> str:
    """Markup that runs script if it reaches the page as HTML: an image whose error handler raises a dialog."""
    return f"<img src=x onerror=alert({number})>"


class Planter:
    """Numbers every free-text field in file order; plants a payload in each except the `refused` numbers."""

    def __init__(self, refused: frozenset[int] = frozenset()) -> None:
        self.planted: dict[int, str] = {}
        self.refused = refused
        self.count = 0

    def plant(self, value: Any, where: str, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: (v if str(k) in STRUCTURAL else self.plant(v, f"{where}.{k}", str(k)))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [self.plant(v, f"{where}[{i}]", key) for i, v in enumerate(value)]
        if isinstance(value, str):
            self.count += 1
            number = self.count
            if number in self.refused:
                return value
            self.planted[number] = where
            marked = payload(number)
            if key in LIMITS:
                value = value[:LIMITS[key] - len(marked) - 1].rstrip()
            return f"{value} {marked}"
        return value


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def plant_markup(root: Path, skip: set[str] = frozenset(), refused: frozenset[int] = frozenset()) -> dict[int, str]:
    """Plant a payload in every free-text field under `root` (except `refused` ones); returns number -> field."""
    planter = Planter(refused)
    files = sorted((root / "docs" / "_data").glob("*.yml")) + sorted((root / "quizzes").glob("*.yml"))
    for path in files:
        if path.name in skip:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("generate"), list):
            # Generators pick subjects and distractors by the words of the data, and every planted field shares
            # the payload's words: they may find nothing to ask. Generated items go through the same widget as
            # written ones, and the data they come from is shown on the glossary and timeline pages.
            del data["generate"]
        path.write_text(_dump(planter.plant(data, path.relative_to(root).as_posix())), encoding="utf-8")
    relax_wording_thresholds(root)
    for path in sorted((root / "docs" / "chapters").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = FRONT_MATTER.match(text)
        assert match, f"{path} has no front matter"
        meta = planter.plant(yaml.safe_load(match.group(1)), path.relative_to(root).as_posix())
        path.write_text(f"---\n{_dump(meta)}---\n" + text[match.end():], encoding="utf-8")
    return planter.planted


def relax_wording_thresholds(root: Path) -> None:
    """The item-writing checks measure wording (overlap of content words, option lengths); the same payload in
    every field skews them all. The copy raises their limits: this test is about escaping, not wording."""
    path = root / "quizzes" / "item-writing.toml"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    for key, value in (("max_share", "1.01"), ("max_long_key_items", "100000"), ("max_key_longest_rate", "1.01"),
                       ("max_key_shortest_rate", "1.01"), ("key_ratio", "1000")):
        text = re.sub(rf"(?m)^{key} = .*$", f"{key} = {value}", text)
    path.write_text(text, encoding="utf-8")


PLANTED_NUMBER = re.compile(r"onerror=alert\((\d+)\)")


def plant_where_accepted(make_copy: Callable[[], Path], rounds: int = 6) -> tuple[Path, dict[int, str], dict[int, str]]:
    """Plant everywhere; a field whose validation refuses the payload (an enumeration such as a concept map's
    `place`, an id pattern) is left as written in the next copy, since markup cannot reach the site through it.

    Returns the final copy, the planted fields and the fields validation refused (with the problem it gave).
    """
    from coursekit.checks import validate
    from coursekit.errors import ContentError
    from coursekit.paths import read_config

    refused: dict[int, str] = {}
    for _ in range(rounds):
        root = make_copy()
        planted = plant_markup(root, refused=frozenset(refused))
        try:
            validate(read_config(root))
        except ContentError as exc:
            found = {int(n): str(problem) for problem in exc.problems for n in PLANTED_NUMBER.findall(str(problem))}
            if not found:
                raise
            refused.update({n: f"{planted.get(n, '?')}: {why}" for n, why in found.items()})
            continue
        return root, planted, refused
    raise AssertionError(f"the planted copy never validated; refused so far: {refused}")
