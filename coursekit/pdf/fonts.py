"""@font-face rules for the PDF fonts, from the @fontsource npm packages `make setup` installs.

The fontsource CSS rules are used as they are (each subset with its unicode-range), keeping the Latin and
Latin Extended subsets and making their relative `./files/` URLs absolute `file://` URLs, so WeasyPrint
embeds Source Serif 4 and Source Sans 3 and never falls back on whatever fonts the machine happens to have.
"""

from __future__ import annotations

import re
from pathlib import Path

from coursekit.errors import ContentError, Problem

FAMILIES = {"source-serif-4": ("400", "400-italic", "600", "600-italic", "700", "700-italic"),
            "source-sans-3": ("400", "400-italic", "600", "700")}
SUBSETS = ("latin", "latin-ext")
RULE = re.compile(r"/\* (?P<name>[a-z0-9-]+) \*/\s*(?P<rule>@font-face \{[^}]*\})")


def font_face_css(node_modules: Path) -> str:
    """Every @font-face rule the print CSS uses (Latin and Latin Extended subsets)."""
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
            rules += [rule.replace("url(./files/", f"url({files_url}") for rule in kept]
    return "\n".join(rules)
