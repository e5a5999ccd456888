"""YAML loading that remembers line numbers, so validation errors can point at the right line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

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


def load_yaml_text(text: str, path: Path, line_offset: int = 0) -> Any:
    """Parse YAML text; a syntax error becomes a ContentError naming file and line."""
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
    """Read and parse a YAML file with line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError([Problem(path, None, f"cannot read file: {exc.strerror}")]) from exc
    return load_yaml_text(text, path)
