"""Formatted references from pandoc citeproc, with the CSL style mkdocs-bibtex uses, cached on disk.

One pandoc run formats every entry (so year suffixes such as 2018a/2018b are assigned over the whole
bibliography); its result is stored under .cache/ keyed by a hash of the BibTeX and the CSL, so a rebuild
with unchanged inputs costs one file read.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pypandoc

from coursekit.errors import ContentError, Problem

# Bump when the cleaning below changes, so stale cache files are not reused.
FORMAT_VERSION = "1"
CACHE_FOLDER = "references"
_ENTRY = re.compile(r'<div id="ref-(?P<key>[^"]+)" class="csl-entry"[^>]*>\s*(?P<body>.*?)\s*</div>', re.DOTALL)
_NOCITE_ALL = '---\nnocite: "@*"\n---\n'
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}])")  # characters Python-Markdown would act on
_memo: dict[str, dict[str, str]] = {}


def format_references(bibtex: str, csl: Path, cache_dir: Path, source: Path) -> dict[str, str]:
    """Key -> the reference as inline HTML safe to put in Markdown, in bibliography order (author, year).

    `source` is the file named in error messages.
    """
    csl_text = csl.read_text(encoding="utf-8")
    digest = hashlib.sha256("\0".join([FORMAT_VERSION, bibtex, csl_text]).encode("utf-8")).hexdigest()[:24]
    if digest in _memo:
        return _memo[digest]
    cached = cache_dir / CACHE_FOLDER / f"{digest}.json"
    if cached.is_file():
        references = json.loads(cached.read_text(encoding="utf-8"))
    else:
        references = {key: markdown_safe(body) for key, body in _run_pandoc(bibtex, csl, source).items()}
        write_atomically(cached, json.dumps(references, ensure_ascii=False, indent=1))
    _memo[digest] = references
    return references


def _run_pandoc(bibtex: str, csl: Path, source: Path) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="coursekit-bib-") as tmp:
        bib_file = Path(tmp) / "references.bib"
        bib_file.write_text(bibtex, encoding="utf-8")
        result = subprocess.run(
            [pypandoc.get_pandoc_path(), "--from", "markdown", "--to", "html", "--wrap=none", "--citeproc",
             "--bibliography", str(bib_file), "--csl", str(csl)],
            input=_NOCITE_ALL, capture_output=True, text=True, check=False,
        )
    if result.returncode != 0:
        raise ContentError([Problem(source, None, f"pandoc could not format the bibliography: "
                                    f"{result.stderr.strip() or result.returncode}")])
    return {m.group("key"): m.group("body") for m in _ENTRY.finditer(result.stdout)}


def write_atomically(target: Path, text: str) -> None:
    """Write via a per-process temporary file, so concurrent builds never read or move a half-written file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)


class _InlineCleaner(HTMLParser):
    """Keeps the inline markup a reference needs (emphasis, links, small caps) and drops pandoc's case spans."""

    KEEP: ClassVar[frozenset[str]] = frozenset({"em", "i", "strong", "b", "sup", "sub"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.spans: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in self.KEEP:
            self.out.append(f"<{tag}>")
        elif tag == "a" and attributes.get("href"):
            self.out.append(f'<a href="{html.escape(attributes["href"] or "", quote=True)}">')
        elif tag == "span":
            smallcaps = "smallcaps" in (attributes.get("class") or "").split()
            self.spans.append(smallcaps)
            if smallcaps:
                self.out.append('<span class="smallcaps">')

    def handle_endtag(self, tag: str) -> None:
        if tag in self.KEEP or tag == "a":
            self.out.append(f"</{tag}>")
        elif tag == "span" and self.spans and self.spans.pop():
            self.out.append("</span>")

    def handle_data(self, data: str) -> None:
        escaped = html.escape(data, quote=False)
        self.out.append(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def markdown_safe(fragment: str) -> str:
    """pandoc's HTML for one reference, as inline HTML that Python-Markdown passes through unchanged."""
    cleaner = _InlineCleaner()
    cleaner.feed(fragment)
    cleaner.close()
    return " ".join("".join(cleaner.out).split())
