"""The registry: one ordered list of features, filters by priority, no registration by import side effect."""

from __future__ import annotations

import pytest

from coursekit.features import build_registry
from coursekit.registry import Ordered, Registry


def test_filters_run_by_priority_then_registration_order() -> None:
    order = Ordered[str]()
    order.add("low", priority=-5)
    order.add("first-default")
    order.add("high", priority=100)
    order.add("second-default")
    assert list(order) == ["high", "first-default", "second-default", "low"]


def test_a_marker_name_is_registered_once() -> None:
    registry = Registry()
    registry.add_marker("outcomes", lambda content, uri: "")
    with pytest.raises(ValueError, match="registered twice"):
        registry.add_marker("outcomes", lambda content, uri: "")


def test_two_generators_claiming_one_page_is_an_error() -> None:
    registry = Registry()
    registry.add_page_generator(lambda content: {"a.md": "one"})
    registry.add_page_generator(lambda content: {"a.md": "two"})
    with pytest.raises(ValueError, match=r"two generators produce a\.md"):
        registry.generated_pages(None)  # type: ignore[arg-type]


def test_each_build_gets_a_fresh_registry_with_everything() -> None:
    first, second = build_registry(), build_registry()
    assert first is not second and first.markers.keys() == second.markers.keys()
    assert {"outcomes", "reading-path", "downloads", "cite-course", "assign-builder"} <= first.markers.keys()
    assert len(first.checkers) >= 4 and len(first.page_generators) >= 4
    names = [p.prog.split()[-1] for p in _subcommands(first)]
    assert names[0] == "check" and {"quiz", "export", "assign", "variants", "pdf", "bench"} <= set(names)


def test_the_chapter_filter_runs_before_markers_and_abbreviations() -> None:
    filters = [f.__name__ for f in build_registry().markdown_filters]
    assert filters.index("_chapter_markdown") < filters.index("_expand") < filters.index("_append_abbreviations")


def _subcommands(registry: Registry) -> list:
    import argparse

    parser = argparse.ArgumentParser(prog="course")
    sub = parser.add_subparsers()
    for register in registry.commands:
        register(sub)
    return list(sub.choices.values())


def test_generated_pages_are_made_once_per_content() -> None:
    calls: list[object] = []
    registry = Registry()
    registry.add_page_generator(lambda content: calls.append(content) or {"a.md": "one"})
    first, second = object(), object()
    assert registry.generated_pages(first) == registry.generated_pages(first) == {"a.md": "one"}  # type: ignore[arg-type]
    registry.generated_pages(second)  # type: ignore[arg-type]
    assert calls == [first, second]
