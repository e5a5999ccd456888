"""@font-face rules for the PDF fonts, from the @fontsource npm packages `make setup` installs.

The fontsource CSS rules are used as they are (each subset with its unicode-range), keeping the Latin and
Latin Extended subsets, so WeasyPrint embeds Source Serif 4 and Source Sans 3 and never falls back on
whatever fonts the machine happens to have. WeasyPrint decompresses a WOFF2 font on every render (about
70 ms a face, 20 faces, each edition); the faces are therefore decompressed once into plain TrueType files
in `.cache/fonts/` (named by the source file's content hash, so an upgraded npm package gets new files) and
the rules point there.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from io import BytesIO
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import woff2

from coursekit.errors import ContentError, Problem

FAMILIES = {"source-serif-4": ("400", "400-italic", "600", "600-italic", "700", "700-italic"),
            "source-sans-3": ("400", "400-italic", "600", "700")}
SUBSETS = ("latin", "latin-ext")
# The worksheets' answer marks (coursekit/print/quiz_worksheet.py), which the Source families lack.
BALLOT = "\u2610\u2612\u25cb\u25c9"
BALLOT_SOURCE = ("noto-sans-symbols-2", "noto-sans-symbols-2-symbols-400-normal.woff2")
BALLOT_FILE = "ballot-marks.woff2"
BALLOT_FAMILY = "Noto Sans Symbols 2"
FAMILY_NAMES = {"source-serif-4": "Source Serif 4", "source-sans-3": "Source Sans 3"}
RULE = re.compile(r"/\* (?P<name>[a-z0-9-]+) \*/\s*(?P<rule>@font-face \{[^}]*\})")
SOURCE = re.compile(r"src: url\(\./files/(?P<file>[^)]+\.woff2)\) format\('woff2'\)[^;]*;")


def cached_truetype(woff2_file: Path, cache: Path) -> Path:
    """The face as an uncompressed TrueType file in `cache`, written once (atomically) per source content."""
    data = woff2_file.read_bytes()
    target = cache / f"{woff2_file.stem}-{hashlib.sha256(data).hexdigest()[:12]}.ttf"
    if not target.is_file():
        out = BytesIO()
        woff2.decompress(BytesIO(data), out)
        _write_once(target, out.getvalue())
    return target


def _write_once(target: Path, data: bytes) -> None:
    """A cache file, written atomically: a parallel build never reads half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    partial.replace(target)


def fill_font_cache(node_modules: Path, cache: Path) -> None:
    """Decompress every face and cut the answer marks into `cache` now: `course pdf` calls it before its workers
    fork, which would otherwise each do the same work (seconds) on a first build."""
    font_face_css(node_modules, cache)


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
    truetype = base64.b64encode(ballot_font(node_modules, cache=cache)).decode("ascii")
    rules.append(ballot_face(f"url(data:font/ttf;base64,{truetype}) format('truetype')"))
    return "\n".join(rules)


def ballot_font(node_modules: Path, flavor: str | None = None, cache: Path | None = None) -> bytes:
    """Noto Sans Symbols 2 cut down to the four answer marks (a few kilobytes; `flavor` "woff2", or None for
    TrueType). Typeset as text they cost the layout far less than the inline drawings they replaced (a few
    hundred per edition), and they stay text for screen readers and text extraction. Cutting takes a second
    (the source is a large WOFF2), so with `cache` the result is kept there, named by the source's content."""
    package, name = BALLOT_SOURCE
    source = node_modules / "@fontsource" / package / "files" / name
    if not source.is_file():
        raise ContentError([Problem(source, None, "font package missing: run `make setup` (npm ci) first")])
    data = source.read_bytes()
    key = hashlib.sha256(data + BALLOT.encode() + str(flavor).encode()).hexdigest()[:12]
    target = cache / f"ballot-marks-{key}.{flavor or 'ttf'}" if cache is not None else None
    if target is not None and target.is_file():
        return target.read_bytes()
    options = subset.Options()
    options.flavor = flavor
    options.name_IDs = ["*"]  # keep the licence and the font's names
    font = subset.load_font(BytesIO(data), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in BALLOT])
    subsetter.subset(font)
    out = BytesIO()
    subset.save_font(font, out, options)
    if target is not None:
        _write_once(target, out.getvalue())
    return out.getvalue()


def ballot_face(src: str) -> str:
    """The @font-face rule of the answer marks; the stylesheets set this family on `.cq-ws-mark` alone."""
    ranges = ",".join(f"U+{ord(c):04X}" for c in BALLOT)
    return f'@font-face {{ font-family: "{BALLOT_FAMILY}"; src: {src}; unicode-range: {ranges}; }}'
