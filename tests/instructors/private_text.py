"""Search a folder for text, the way a leak would show up: in HTML (escaped, curly quotes) or in JSON."""

from __future__ import annotations

import contextlib
import html
import json
import re
from pathlib import Path

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})
TAG = re.compile(r"<[^>]+>")


def normalise(text: str) -> str:
    """Lower case, straight quotes, no tags, single spaces: 'It’s <em>here</em>' and "it's here" match."""
    return " ".join(TAG.sub(" ", html.unescape(text)).translate(QUOTES).split()).casefold()


def _json_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _json_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _json_strings(v)]
    return []


def searchable_texts(folder: Path) -> dict[str, str]:
    """Every text file of `folder` (relative path -> normalised text); JSON is decoded first."""
    texts: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        try:
            raw = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raw = path.read_bytes().decode("latin-1")
        if path.suffix == ".json":
            with contextlib.suppress(json.JSONDecodeError):
                raw += "\n" + "\n".join(_json_strings(json.loads(raw)))
        texts[path.relative_to(folder).as_posix()] = normalise(raw)
    return texts


def find(texts: dict[str, str], needle: str) -> list[str]:
    """Files whose text contains the needle (compared normalised)."""
    wanted = normalise(needle)
    return [name for name, text in texts.items() if wanted in text]
