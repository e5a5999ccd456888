"""`course assign`: an assignment handout (HTML, Markdown, PDF) for chosen chapters, from the command line.

Bad arguments (an unknown chapter, a date that is not YYYY-MM-DD) stop with a clear message and exit
status 2 before anything is written; outputs are staged and moved into place together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path

import yaml

from coursekit.cli.chapter_number import chapter_number
from coursekit.content.load import load_content
from coursekit.instructors.document import plain_text, to_html_body, to_html_page, to_markdown
from coursekit.instructors.handout import DEFAULT_TITLE, Assignment, handout_blocks
from coursekit.instructors.pdf import TYPE_CSS, write_pdf
from coursekit.pages.instructors.assign_panel import site_url_for
from coursekit.pages.instructors.catalogue import Catalogue, catalogue
from coursekit.paths import project_paths
from coursekit.registry import Registry
from coursekit.safe_output import check_output_folder, output_folder

TITLE_MAX = 120
YEARS = range(2000, 2101)
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
SCREEN_CSS = "body { max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }\n"


class UsageError(Exception):
    """A bad argument: the message is shown as is and the command exits with status 2."""


def parse_chapters(text: str, cat: Catalogue) -> tuple[int, ...]:
    """'2,4' -> (2, 4): known chapter numbers only, in course order, each once."""
    known = cat.numbers
    chosen: set[int] = set()
    for token in (t.strip() for t in text.split(",")):
        if not token:
            continue
        number = chapter_number(token)
        if number is None or number not in known:
            raise UsageError(f"unknown chapter {token!r}: the chapters are {known[0]}-{known[-1]}")
        chosen.add(number)
    if not chosen:
        raise UsageError("--chapters names no chapter, e.g. --chapters 2,4")
    return tuple(sorted(chosen))


def parse_due(text: str | None) -> dt.date | None:
    if text is None:
        return None
    if not DATE.match(text):
        raise UsageError(f"bad --due {text!r}: write the date as YYYY-MM-DD, e.g. 2026-12-10")
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"bad --due {text!r}: there is no such day in the calendar") from None
    if day.year not in YEARS:
        raise UsageError(f"bad --due {text!r}: the year must be between {YEARS[0]} and {YEARS[-1]}")
    return day


def clean_title(text: str | None) -> str:
    """Printable text only, NFC, one line, at most TITLE_MAX characters."""
    if text is None:
        return DEFAULT_TITLE
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in INVISIBLE.sub("", text) if unicodedata.category(ch) != "Cc")
    text = " ".join(text.split())
    if not text:
        raise UsageError("--title is empty")
    if len(text) > TITLE_MAX:
        raise UsageError(f"--title is {len(text)} characters long; keep it to {TITLE_MAX}")
    return text


def configured_site_url(root: Path) -> str:
    """The site_url of mkdocs.yml ('' when not set), read without MkDocs' custom YAML tags."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            value = yaml.safe_load(line.split(":", 1)[1]) or ""
            return str(value)
    return ""


def cmd_assign(args: argparse.Namespace) -> int:
    paths = project_paths(args.root)
    check_output_folder(args.out, "assign", paths.root)
    content = load_content(paths)
    cat = catalogue(content)
    try:
        assignment = Assignment(parse_chapters(args.chapters, cat), args.quiz, clean_title(args.title),
                                parse_due(args.due))
    except UsageError as exc:
        print(f"course assign: error: {exc}", file=sys.stderr)
        return 2
    site_url = args.site_url if args.site_url is not None else configured_site_url(paths.root)
    blocks = handout_blocks(assignment, cat, site_url_for(site_url))
    body = to_html_body(blocks)
    with output_folder(args.out, "assign", paths.root) as stage:
        (stage / "assignment.md").write_text(to_markdown(blocks), encoding="utf-8")
        page = to_html_page(assignment.title, body, TYPE_CSS + SCREEN_CSS)
        (stage / "assignment.html").write_text(page, encoding="utf-8")
        write_pdf(to_html_page(assignment.title, body), stage / "assignment.pdf",
                  paths.node_modules, identifier=plain_text(blocks), font_cache=paths.cache / "fonts")
    print(f"course assign: wrote assignment.html, assignment.md and assignment.pdf to {args.out}")
    return 0


def _register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("assign", help="an assignment handout (HTML, Markdown, PDF) for chosen chapters")
    parser.add_argument("--chapters", required=True, help="chapter numbers, comma-separated, e.g. 2,4")
    parser.add_argument("--quiz", action="store_true", help="add each chapter's quiz")
    parser.add_argument("--due", help="due date, YYYY-MM-DD")
    parser.add_argument("--title", help=f"the assignment's title (default: {DEFAULT_TITLE!r})")
    parser.add_argument("--site-url", help="the course site's address for links (default: site_url in mkdocs.yml)")
    parser.add_argument("--out", required=True, help="folder for assignment.html, .md and .pdf")
    parser.set_defaults(func=cmd_assign)


def register(registry: Registry) -> None:
    registry.add_command(_register)
