"""Prime mkdocs-bibtex's caches once per build, so every page's citations agree and the build stays fast.

Left to itself, the plugin runs pandoc once per page, formats each page's citations in isolation (so a year
suffix such as 2018a/2018b depends on the page) and writes reference lists through pandoc's Markdown writer,
which leaves spans like `[Let's]{.nocase}` in the text. Here, before any page is rendered:

- every citation block in the site's Markdown, plus one `[@key]` per entry, is formatted in a single pandoc
  run (the plugin's own routine and CSL), cached on disk by a hash of the blocks, the .bib and the CSL;
- the reference texts are the clean ones of the Bibliography page (formatting.py), for the same reason.

A block the scan misses (e.g. text a marker adds) is still formatted by the plugin itself, as before.
The caches are private to the pinned plugin version: `plugin_registry` checks the contract and stops the build
with a clear error when it changes (tests/bibliography/test_plugin_contract.py pins it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs_bibtex.citation import Citation, CitationBlock
from mkdocs_bibtex.registry import PandocRegistry

from coursekit.content.bibliography import write_csl
from coursekit.content.load import CourseContent
from coursekit.pages.bibliography.formatted import formatted_bibliography
from coursekit.pages.bibliography.formatting import CACHE_FOLDER, FORMAT_VERSION, write_atomically
from coursekit.registry import Registry

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

    from coursekit.build_state import BuildState


def citation_blocks(texts: Iterable[str], keys: Iterable[str]) -> list[CitationBlock]:
    """Distinct citation blocks as the plugin will find them, plus a bare citation of every key."""
    blocks: dict[str, CitationBlock] = {}
    for text in texts:
        for block in CitationBlock.from_markdown(text):
            blocks.setdefault(str(block), block)
    for key in keys:
        block = CitationBlock(citations=[Citation(key=key)], raw=f"@{key}")
        blocks.setdefault(str(block), block)
    return [blocks[name] for name in sorted(blocks)]


PINNED = "mkdocs-bibtex 4.4.0"  # the version whose private caches this module fills (pyproject.toml pins it)


class PluginContractError(PluginError):
    """mkdocs-bibtex no longer has the private caches this module fills: the build must stop, not drift."""


def plugin_registry(plugin: Any) -> PandocRegistry:
    """The plugin's PandocRegistry, checked against the contract this module relies on."""
    registry = getattr(plugin, "registry", None)
    problems = []
    if not isinstance(registry, PandocRegistry):
        problems.append(f"plugin.registry is {type(registry).__name__}, not PandocRegistry (is csl_file set?)")
    for name in ("_inline_cache", "_reference_cache"):
        if not isinstance(getattr(registry, name, None), dict):
            problems.append(f"registry.{name} is not a dict")
    if not callable(getattr(registry, "_process_with_pandoc", None)):
        problems.append("registry._process_with_pandoc is missing")
    if problems:
        raise PluginContractError(f"mkdocs-bibtex changed ({'; '.join(problems)}): coursekit/site/bibtex_cache.py "
                                  f"fills the private caches of {PINNED}; update it with the pin")
    return registry


def prime_bibtex_plugin(plugin: Any, content: CourseContent, texts: Iterable[str]) -> None:
    """Fill the plugin's inline-citation and reference caches; a changed plugin stops the build (contract)."""
    if plugin is None:
        return  # a project without mkdocs-bibtex
    registry = plugin_registry(plugin)
    keys = content.bibliography.keys
    known = set(keys)
    blocks = [b for b in citation_blocks(texts, keys) if all(c.key in known for c in b.citations)]
    registry._inline_cache.update(_inline_citations(registry, content, blocks))
    registry._reference_cache.update(formatted_bibliography(content).references)


def _inline_citations(registry: PandocRegistry, content: CourseContent, blocks: list[CitationBlock]) -> dict[str, str]:
    bib_text = content.bibliography.path.read_text(encoding="utf-8")
    csl_text = write_csl(content.paths.cache).read_text(encoding="utf-8")
    names = [str(block) for block in blocks]
    digest = hashlib.sha256("\0".join([FORMAT_VERSION, bib_text, csl_text, *names]).encode("utf-8")).hexdigest()[:24]
    cached = content.paths.cache / CACHE_FOLDER / f"inline-{digest}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    inline, _ = registry._process_with_pandoc(blocks)
    write_atomically(cached, json.dumps(inline, ensure_ascii=False, indent=1))
    return inline


def _configure_bibtex(config: MkDocsConfig, state: BuildState) -> None:
    """Point mkdocs-bibtex at the CSL style written out here (pandoc's Chicago author-date)."""
    bibtex = config.plugins.get("bibtex")
    if bibtex is not None:
        bibtex.config.csl_file = str(write_csl(state.content.paths.cache))


def _prime(files: Files, config: MkDocsConfig, state: BuildState) -> Files:
    pages = [file.content_string for file in files.documentation_pages()]
    prime_bibtex_plugin(config.plugins.get("bibtex"), state.content, pages)
    return files


def register(registry: Registry) -> None:
    registry.add_config_step(_configure_bibtex)
    # Before any other files filter, and once the generated pages are in: they cite too.
    registry.add_files_filter(_prime, priority=100)
