"""YAML loading that remembers line numbers, so validation errors can point at the right line.

Content YAML may not use aliases (`*name`, `<<: *name`): a few hundred bytes of nested aliases expand into
billions of nodes (a "billion laughs" bomb), and the course's data never needs them. The text is scanned for
alias events before anything is constructed, so refusing one costs no more than parsing the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from coursekit.content.source_file import read_source
from coursekit.errors import ContentError, Problem


class LineDict(dict):
    """A mapping that knows the (1-based) line it starts on."""

    line: int = 0


class LineList(list):
    """A sequence that knows the (1-based) line it starts on."""

    line: int = 0


# libyaml's parser when PyYAML was built with it (the wheels are): the same safe constructors and marks, and
# about ten times faster, which the build feels (every bank and data file is parsed on each build).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader whose mappings and sequences carry their line number."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
        result[key] = loader.construct_object(value_node, deep=True)
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def line_of(value: Any, default: int | None = None) -> int | None:
    """The line a loaded mapping or sequence starts on, if known."""
    return getattr(value, "line", None) or default


def alias_problems(text: str, path: Path, line_offset: int = 0) -> list[Problem]:
    """Every alias in the text, with its line (syntax errors are left to the loader, which reports them)."""
    problems = []
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 + line_offset if event.start_mark else None
                problems.append(Problem(path, line, f"YAML alias '*{event.anchor}': aliases are not allowed in "
                                                    "content files (write the value out in full)"))
                if len(problems) >= 20:
                    break
    except yaml.YAMLError:
        return []
    return problems


def load_yaml_text(text: str, path: Path, line_offset: int = 0) -> Any:
    """Parse YAML text; a syntax error or an alias becomes a ContentError naming file and line."""
    aliases = alias_problems(text, path, line_offset)
    if aliases:
        raise ContentError(aliases)
    try:
        data = yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else None
        problem = f"YAML syntax error: {exc.problem or exc.context}"
        raise ContentError([Problem(path, line, problem)]) from exc
    except yaml.YAMLError as exc:
        raise ContentError([Problem(path, None, f"YAML error: {exc}")]) from exc
    if line_offset:
        _shift_lines(data, line_offset)
    return data


def _shift_lines(value: Any, offset: int) -> None:
    if isinstance(value, LineDict | LineList):
        value.line += offset
        children = value.values() if isinstance(value, LineDict) else value
        for child in children:
            _shift_lines(child, offset)


def load_yaml_file(path: Path) -> Any:
    """Read (UTF-8, size limit, see content.source_file) and parse a YAML file with line numbers."""
    return load_yaml_text(read_source(path), path)
