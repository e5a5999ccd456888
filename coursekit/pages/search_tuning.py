"""What the student search finds first: chapters and the glossary; never instructors' pages or quiz answers.

Material's search plugin reads `search: {exclude, boost}` from each page's metadata; this sets it from the
page's place in the course (so no author has to remember front matter), before the plugin indexes the page.
Quiz answers are kept out by `data-search-exclude` on their markup (coursekit/pages/quiz_widget.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coursekit.registry import Registry

if TYPE_CHECKING:
    from coursekit.build_state import BuildState

# src_uri prefix or exact path -> Material search settings.
EXCLUDED = ("instructors/", "assignment.md")
BOOSTS = {"chapters/": 3.0, "glossary.md": 2.0, "quizzes/": 0.4}


def search_settings(src_uri: str) -> dict[str, Any]:
    """{'exclude': True} for instructor material, {'boost': n} for chapters, glossary and quizzes, else {}."""
    if any(src_uri == rule or (rule.endswith("/") and src_uri.startswith(rule)) for rule in EXCLUDED):
        return {"exclude": True}
    for rule, boost in BOOSTS.items():
        if src_uri == rule or (rule.endswith("/") and src_uri.startswith(rule)):
            return {"boost": boost}
    return {}


def _set_search(meta: dict, src_uri: str, state: BuildState) -> None:
    """The page's own front matter `search` settings win over these defaults."""
    settings = search_settings(src_uri)
    if settings:
        meta["search"] = {**settings, **(meta.get("search") or {})}


def register(registry: Registry) -> None:
    registry.add_page_meta_filter(_set_search)
