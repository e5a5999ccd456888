"""The references as files a reference manager imports: BibTeX, RIS and CSL-JSON, for the whole course and per chapter.

All three come from the BibTeX the Bibliography page shows (each entry as written in the .bib, without the page's
grouping field and the editorial completeness notes): pybtex reads it (records.py) and rispy writes the RIS;
pandoc, which already formats every reference on the site, writes the CSL-JSON. They are built with the site, so
they never lag behind the .bib, and sit under references/ (inside the offline zip, unlike downloads/).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pypandoc
import rispy
from pybtex.database import parse_string
from rispy.writer import RisWriter

from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.pages.bibliography.entries import citation_sites, entry_sources
from coursekit.pages.bibliography.formatting import CACHE_FOLDER, write_atomically
from coursekit.pages.bibliography.records import Record, records
from coursekit.pages.markers import relative_prefix
from coursekit.registry import Registry

FOLDER = "references"
FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
ALL_NAME = "references"
# pandoc gives BibTeX @misc no CSL type; 'pamphlet' is in every CSL-JSON schema and pandoc's Chicago style
# renders it exactly as the untyped item the site shows.
UNTYPED_CSL = "pamphlet"
_memo: dict[str, list[dict[str, Any]]] = {}


def chapter_name(number: int) -> str:
    return f"chapter-{number}"


def file_uri(name: str, extension: str) -> str:
    """'references/chapter-1.ris', relative to the site root."""
    return f"{FOLDER}/{name}.{extension}"


def chapter_keys(content: CourseContent) -> dict[int, list[str]]:
    """Chapter number -> the keys it cites (text, key points, go further), in the .bib file's order."""
    sites = citation_sites(content)
    found: dict[int, list[str]] = {}
    for chapter in content.chapters:
        found[chapter.number] = [key for key in content.bibliography.keys
                                 if any(site.uri == chapter.src_uri for site in sites.get(key, []))]
    return found


def published_bibtex(content: CourseContent, keys: list[str] | None = None) -> str:
    """The entries as the Bibliography page shows them, with a header naming the course."""
    sources = entry_sources(content.bibliography.path.read_text(encoding="utf-8"))
    chosen = content.bibliography.keys if keys is None else keys
    header = (f"% {len(chosen)} references from the course \"{content.course.title}\"\n"
              "% Generated from the course's bibliography/references.bib (UTF-8).\n")
    return header + "\n" + "\n\n".join(sources[key] for key in chosen) + "\n"


def published_records(content: CourseContent, keys: list[str] | None = None) -> list[Record]:
    """The published BibTeX, read back by pybtex: what every export describes."""
    return records(parse_string(published_bibtex(content, keys), "bibtex"))


RIS_TYPES = {"article": "JOUR", "incollection": "CHAP", "inbook": "CHAP", "book": "BOOK", "techreport": "RPRT",
             "misc": "GEN", "booklet": "PAMP", "phdthesis": "THES", "inproceedings": "CPAPER"}


def ris_type(item: Record) -> str:
    if item.entry_type == "article" and item.subtype == "newspaper":
        return "NEWS"
    return RIS_TYPES.get(item.entry_type, "GEN")


def ris_entry(item: Record) -> dict[str, Any]:
    """One RIS record (rispy's field names); empty fields are left out."""
    date = "/".join(f"{part:02d}" if index else str(part) for index, part in enumerate(item.date_parts))
    fields: dict[str, Any] = {
        "type_of_reference": ris_type(item),
        "id": item.key,
        "authors": [name.display for name in item.authors],
        "secondary_authors": [name.display for name in item.editors],
        "title": item.title,
        "secondary_title": item.container,
        "tertiary_title": item.series,
        "year": item.year,
        "date": date if len(item.date_parts) > 1 else "",
        "volume": item.volume,
        "number": item.issue or item.report_number,
        "start_page": item.first_page,
        "end_page": item.last_page,
        "publisher": item.publisher,
        "place_published": item.place,
        "type_of_work": item.report_type,
        "doi": item.doi,
        "urls": [item.url] if item.url else [],
        "language": item.language,
    }
    return {name: value for name, value in fields.items() if value}


class PlainRisWriter(RisWriter):
    """Each record starts with its TY line, as in the RIS specification (rispy numbers records by default)."""

    def set_header(self, count: int) -> str:
        return ""


def ris_text(content: CourseContent, keys: list[str] | None = None) -> str:
    return rispy.dumps([ris_entry(item) for item in published_records(content, keys)], implementation=PlainRisWriter)


def csl_items(content: CourseContent) -> list[dict[str, Any]]:
    """Every entry as CSL-JSON (pandoc's conversion of the published BibTeX), cached by the BibTeX's hash."""
    bibtex = published_bibtex(content)
    digest = hashlib.sha256(("csljson-2\0" + bibtex).encode("utf-8")).hexdigest()[:24]
    if digest in _memo:
        return _memo[digest]
    cached = content.paths.cache / CACHE_FOLDER / f"csljson-{digest}.json"
    if cached.is_file():
        items = json.loads(cached.read_text(encoding="utf-8"))
    else:
        items = _protect_case(_run_pandoc(bibtex, content.bibliography.path), bibtex)
        write_atomically(cached, json.dumps(items, ensure_ascii=False))
    _memo[digest] = items
    return items


def _run_pandoc(bibtex: str, source: Path) -> list[dict[str, Any]]:
    result = subprocess.run([pypandoc.get_pandoc_path(), "--from", "bibtex", "--to", "csljson"],
                            input=bibtex, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise ContentError([Problem(source, None, "pandoc could not convert the bibliography to CSL-JSON: "
                                    f"{result.stderr.strip() or result.returncode}")])
    items: list[dict[str, Any]] = json.loads(result.stdout)
    for item in items:
        item["type"] = item.get("type") or UNTYPED_CSL
    return items


# BibTeX fields whose whole value is braced keep their case in any style ({Zeitschrift für ...}); CSL-JSON says so
# with a nocase span, which pandoc's conversion drops.
CASE_FIELDS = {"title": "title", "journal": "container-title", "booktitle": "container-title"}
_WHOLLY_BRACED = re.compile(r"^\{[^{}]*\}$")


def _protect_case(items: list[dict[str, Any]], bibtex: str) -> list[dict[str, Any]]:
    entries = parse_string(bibtex, "bibtex").entries
    for item in items:
        fields = {name.lower(): value.strip() for name, value in entries[item["id"]].fields.items()}
        for field, csl_field in CASE_FIELDS.items():
            if _WHOLLY_BRACED.match(fields.get(field, "")) and csl_field in item:
                item[csl_field] = f'<span class="nocase">{item[csl_field]}</span>'
    return items


def csl_json(content: CourseContent, keys: list[str] | None = None) -> str:
    by_id = {item["id"]: item for item in csl_items(content)}
    chosen = content.bibliography.keys if keys is None else keys
    return json.dumps([by_id[key] for key in chosen], ensure_ascii=False, indent=2) + "\n"


def export_texts(content: CourseContent, keys: list[str] | None = None) -> dict[str, str]:
    """Extension -> file text, for one set of keys (all when None)."""
    return {"bib": published_bibtex(content, keys), "ris": ris_text(content, keys), "json": csl_json(content, keys)}


def download_files(content: CourseContent) -> dict[str, str]:
    """Site path -> text: the whole bibliography and each chapter's references, in the three formats."""
    files = {file_uri(ALL_NAME, ext): text for ext, text in export_texts(content).items()}
    for number, keys in chapter_keys(content).items():
        if keys:
            files.update({file_uri(chapter_name(number), ext): text
                          for ext, text in export_texts(content, keys).items()})
    return files


def _reference_downloads(content: CourseContent) -> dict[str, str]:
    return download_files(content)


def download_links(prefix: str, name: str) -> str:
    """'BibTeX · RIS · CSL-JSON' as HTML links to one set of files (prefix: the page's way back to the root)."""
    return " · ".join(f'<a class="bib-download" href="{prefix}{file_uri(name, ext)}" download>{label}</a>'
                      for ext, label in FORMATS.items())


_REFERENCES_HEADING = re.compile(r'(<h2 id="references"[^>]*>.*?</h2>)', re.DOTALL)


def link_chapter_downloads(html: str, src_uri: str, content: CourseContent) -> str:
    """Under a chapter's References heading: that chapter's references as BibTeX, RIS and CSL-JSON."""
    chapter = content.chapter_by_stem(Path(src_uri).stem) if src_uri.startswith("chapters/") else None
    if chapter is None or not chapter_keys(content).get(chapter.number):
        return html
    links = download_links(relative_prefix(src_uri), chapter_name(chapter.number))
    lead = "Save this chapter’s references to your reference manager:"
    box = f'<p class="bib-downloads course-web-only">{lead} {links}</p>'  # web-only: the PDFs leave it out
    return _REFERENCES_HEADING.sub(lambda m: m.group(1) + box, html, count=1)


def register(registry: Registry) -> None:
    registry.add_page_generator(_reference_downloads)
    registry.add_html_filter(link_chapter_downloads)
