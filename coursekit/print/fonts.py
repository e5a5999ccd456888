"""@font-face rules for the PDF fonts, from the @fontsource npm packages `make setup` installs.

The fontsource CSS rules are used as they are (each subset with its unicode-range), keeping the Latin and
Latin Extended subsets, so WeasyPrint embeds Source Serif 4 and Source Sans 3 and never falls back on
whatever fonts the machine happens to have. WeasyPrint decompresses a WOFF2 font on every render (about
70 ms a face, 20 faces, each edition); the faces are therefore decompressed once into plain TrueType files
in `.cache/fonts/` (named by the source file's content hash, so an upgraded npm package gets new files) and
the rules point there.
"""

from __future__ import annotations

import hashlib
import os
import re
from io import BytesIO
from pathlib import Path

from fontTools.ttLib import woff2

from coursekit.errors import ContentError, Problem

FAMILIES = {"source-serif-4": ("400", "400-italic", "600", "600-italic", "700", "700-italic"),
            "source-sans-3": ("400", "400-italic", "600", "700")}
SUBSETS = ("latin", "latin-ext")
RULE = re.compile(r"/\* (?P<name>[a-z0-9-]+) \*/\s*(?P<rule>@font-face \{[^}]*\})")
SOURCE = re.compile(r"src: url\(\./files/(?P<file>[^)]+\.woff2)\) format\('woff2'\)[^;]*;")


def cached_truetype(woff2_file: Path, cache: Path) -> Path:
    """The face as an uncompressed TrueType file in `cache`, written once (atomically) per source content."""
    data = woff2_file.read_bytes()
    target = cache / f"{woff2_file.stem}-{hashlib.sha256(data).hexdigest()[:12]}.ttf"
    if not target.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        out = BytesIO()
        woff2.decompress(BytesIO(data), out)
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        partial.write_bytes(out.getvalue())
        partial.replace(target)
    return target


def font_face_css(node_modules: Path, cache: Path | None = None) -> str:
    """Every @font-face rule the print CSS uses (Latin and Latin Extended subsets); with `cache`, the faces
    are read from decompressed copies there."""
    rules: list[str] = []
    for package, styles in FAMILIES.items():
        folder = node_modules / "@fontsource" / package
        if not folder.is_dir():
            raise ContentError([Problem(folder, None, "font package missing: run `make setup` (npm ci) first")])
        files_url = (folder / "files").resolve().as_uri() + "/"
        for style in styles:
            css_file = folder / f"{style}.css"
            if not css_file.is_file():
                raise ContentError([Problem(css_file, None, "font stylesheet missing from the npm package")])
            kept = [m.group("rule") for m in RULE.finditer(css_file.read_text(encoding="utf-8"))
                    if any(f"{package}-{subset}-{style.split('-')[0]}-" in m.group("name") for subset in SUBSETS)]
            if len(kept) != len(SUBSETS):
                message = f"expected {len(SUBSETS)} Latin subsets, found {len(kept)}"
                raise ContentError([Problem(css_file, None, message)])
            for rule in kept:
                found = SOURCE.search(rule)
                if cache is not None and found:
                    ttf = cached_truetype(folder / "files" / found.group("file"), cache)
                    rule = SOURCE.sub(f"src: url({ttf.resolve().as_uri()}) format('truetype');", rule)
                rules.append(rule.replace("url(./files/", f"url({files_url}"))
    return "\n".join(rules)
