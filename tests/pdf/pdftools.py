"""Read PDFs with Debian's poppler-utils (pdftotext, pdfinfo, pdffonts, pdftohtml), as a reader's tools would."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
# spaces, line ends, (hyphenation) hyphens, and the arrows the PDF draws as figures (no text)
NOT_COMPARED = re.compile(r"[\s\-\u00ad\u2010\u00a0\u2190\u2192]+")


def poppler(tool: str, *args: str) -> str:
    """A poppler-utils command's standard output; a clear failure when the tool is not installed."""
    if shutil.which(tool) is None:
        raise AssertionError(f"{tool} not found: install Debian's poppler-utils (apt-get install poppler-utils)")
    result = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{tool} {' '.join(args)} failed:\n{result.stderr}"
    return result.stdout


def pdf_text(pdf: Path) -> str:
    """The PDF's text in reading order, pages separated by form feeds."""
    return poppler("pdftotext", "-enc", "UTF-8", str(pdf), "-")


def squeeze(text: str) -> str:
    """Text for comparison: straight quotes, no spaces, no hyphens (line-end hyphenation cannot break a match),
    no arrows."""
    return NOT_COMPARED.sub("", text.translate(QUOTES)).casefold()


def pdf_info(pdf: Path) -> dict[str, str]:
    lines = poppler("pdfinfo", str(pdf)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def pdf_fonts(pdf: Path) -> list[tuple[str, str]]:
    """(font name, embedded yes/no) for every font."""
    lines = poppler("pdffonts", str(pdf)).splitlines()[2:]
    return [(line.split()[0], line.split()[-5]) for line in lines if line.strip()]  # ... emb sub uni object ID


def pdf_outline(pdf: Path) -> list[tuple[int, str]]:
    """The bookmark outline as (depth, title), depth 1 for the top level."""
    xml = poppler("pdftohtml", "-xml", "-i", "-stdout", "-q", "-f", "1", "-l", "1", str(pdf))
    root = ET.fromstring(xml)
    outline = root.find("outline")
    found: list[tuple[int, str]] = []

    def walk(node: ET.Element, depth: int) -> None:
        for child in node:
            if child.tag == "item":
                found.append((depth, "".join(child.itertext()).strip()))
            elif child.tag == "outline":
                walk(child, depth + 1)

    if outline is not None:
        walk(outline, 1)
    return found
