"""Prime mkdocs-bibtex's caches once per build, so every page's citations agree and the build stays fast.

Left to itself, the plugin runs pandoc once per page, formats each page's citations in isolation (so a year
suffix such as 2018a/2018b depends on the page) and writes reference lists through pandoc's Markdown writer,
which leaves spans like `[Let's]{.nocase}` in the text. Here, before any page is rendered:

- every citation block in the site's Markdown, plus one `[@key]` per entry, is formatted in a single pandoc
  run (the plugin's own routine and CSL), cached on disk by a hash of the blocks, the .bib and the CSL;
- the reference texts are the clean ones of the Bibliography page (formatting.py), for the same reason.

A block the scan misses (e.g. text a marker adds) is still formatted by the plugin itself, as before.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from mkdocs_bibtex.citation import Citation, CitationBlock
from mkdocs_bibtex.registry import PandocRegistry

from coursekit.bibliography.formatted import formatted_bibliography
from coursekit.bibliography.formatting import CACHE_FOLDER, FORMAT_VERSION, write_atomically
from coursekit.citations import write_csl
from coursekit.content.load import CourseContent


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


def prime_bibtex_plugin(plugin: Any, content: CourseContent, texts: Iterable[str]) -> None:
    """Fill the plugin's inline-citation and reference caches (no-op unless it formats with pandoc)."""
    registry = getattr(plugin, "registry", None)
    if not isinstance(registry, PandocRegistry):
        return
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
