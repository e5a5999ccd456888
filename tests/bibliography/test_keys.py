"""Every key cited anywhere exists in the .bib file, and every entry is used somewhere."""

from __future__ import annotations

from pathlib import Path

from coursekit.content.chapters import cited_keys
from coursekit.content.load import CourseContent


def _texts(docs: Path) -> dict[Path, str]:
    """Every hand-written text that may cite: pages (with their front matter) and the YAML data."""
    paths = sorted(path for path in docs.rglob("*") if path.suffix in {".md", ".yml"})
    return {path: path.read_text(encoding="utf-8") for path in paths}


def test_every_cited_key_is_in_the_bibliography(content: CourseContent) -> None:
    keys = set(content.bibliography.keys)
    unknown = [f"{path.relative_to(content.paths.root)}:{line}: @{key}"
               for path, text in _texts(content.paths.docs).items()
               for key, line in cited_keys(text) if key not in keys]
    unknown += [f"{chapter.path.name}: further_reading {key}"
                for chapter in content.chapters for key in chapter.further_reading if key not in keys]
    assert not unknown, "keys not in bibliography/references.bib:\n" + "\n".join(unknown)


def test_the_scan_sees_citations_in_every_kind_of_source(content: CourseContent) -> None:
    """Guards the test above against silently scanning nothing: pages, front matter and data all cite."""
    texts = _texts(content.paths.docs)
    citing = {path.relative_to(content.paths.docs).as_posix() for path, text in texts.items() if cited_keys(text)}
    assert {"essay-footnotes.md", "index.md", "_data/glossary.yml", "_data/timeline.yml"} <= citing
    assert all(f"chapters/{chapter.path.name}" in citing for chapter in content.chapters)


def test_every_entry_is_cited_or_listed_as_further_reading(content: CourseContent) -> None:
    used = {key for text in _texts(content.paths.docs).values() for key, _ in cited_keys(text)}
    used |= {key for chapter in content.chapters for key in chapter.further_reading}
    unused = sorted(set(content.bibliography.keys) - used)
    assert not unused, f"entries cited nowhere in docs/ (cite them or list them as further_reading): {unused}"
