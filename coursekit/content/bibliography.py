"""Citations: the .bib file, the CSL style pandoc ships, and checks that name the file and line of a bad key."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypandoc
from pybtex.database import BibliographyData, parse_file
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from coursekit.content.chapters import VALID_KEY, cited_keys
from coursekit.content.source_file import read_source
from coursekit.errors import ContentError, Problem

CSL_NAME = "chicago-author-date.csl"
_LINE_IN_MESSAGE = re.compile(r"line (\d+)")
_DUPLICATE = re.compile(r"repeated bibliography entry: (\S+)")
_ENTRY_HEADER = re.compile(r"^\s*@(?!comment|preamble|string)\w+\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Bibliography:
    """The parsed .bib file."""

    path: Path
    data: BibliographyData

    @property
    def keys(self) -> list[str]:
        return list(self.data.entries.keys())


def load_bibliography(path: Path) -> Bibliography:
    """Parse the .bib file; a syntax error names the file and line instead of a pybtex traceback."""
    if not path.is_file():
        raise ContentError([Problem(path, None, "bibliography file not found")])
    read_source(path)  # UTF-8, size, no bidirectional controls: a clear problem before pybtex reads it
    try:
        data = parse_file(str(path), bib_format="bibtex")
    except PybtexSyntaxError as exc:
        line = getattr(exc, "lineno", None)
        raise ContentError([Problem(path, line, _syntax_message(path, exc, line))]) from exc
    except Exception as exc:  # pybtex raises plain errors for duplicates and bad names
        duplicate = _DUPLICATE.search(str(exc))
        if duplicate:
            raise ContentError([_duplicate_problem(path, duplicate.group(1))]) from exc
        found = _LINE_IN_MESSAGE.search(str(exc))
        raise ContentError([Problem(path, int(found.group(1)) if found else None, f"malformed BibTeX: {exc}")]) from exc
    for key in data.entries:
        if not VALID_KEY.match(key):
            raise ContentError([Problem(path, _line_of_key(path, key), f"citation key '{key}' has characters "
                                        "mkdocs-bibtex cannot parse (use letters, digits, '-' and '_')")])
    return Bibliography(path, data)


def _entry_headers(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every line that opens an entry, such as `@article{risse2000argue,`."""
    return [(number, line.strip()) for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if _ENTRY_HEADER.match(line)]


def _syntax_message(path: Path, exc: PybtexSyntaxError, line: int | None) -> str:
    """pybtex's 'X expected', the entry it happened in and the usual cause."""
    expected = PybtexError.__str__(exc)
    opened = [(number, text) for number, text in _entry_headers(path) if line is None or number <= line]
    if not opened:
        return f"malformed BibTeX: {expected}"
    start, header = opened[-1]
    where = f"in the entry '{header.rstrip(',')}' that starts on line {start}"
    if start == line:
        hint = "a citation key may contain only letters, digits, '-' and '_', and ends with a comma"
    else:
        hint = "look for a missing comma between fields or an unbalanced brace { }"
    return f"malformed BibTeX {where}: {expected} ({hint})"


def _duplicate_problem(path: Path, key: str) -> Problem:
    lines = [number for number, text in _entry_headers(path) if re.match(rf"@\w+\s*\{{\s*{re.escape(key)}\s*,", text)]
    first = f" (first on line {lines[0]})" if lines else ""
    return Problem(path, lines[1] if len(lines) > 1 else None, f"citation key '{key}' is used twice{first}")


def _line_of_key(path: Path, key: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.match(rf"\s*@\w+\s*\{{\s*{re.escape(key)}\s*,", line):
            return number
    return None


def check_citations(markdown: str, path: Path, keys: set[str], first_line: int = 1) -> list[Problem]:
    """Unknown or unparsable keys in one Markdown text, each with its file and line."""
    problems = []
    for key, line in cited_keys(markdown):
        where = line + first_line - 1
        if not VALID_KEY.match(key):
            problems.append(Problem(path, where, f"citation key '@{key}' has characters the plugin cannot parse"))
        elif key not in keys:
            problems.append(Problem(path, where, f"unknown citation key '@{key}' (not in bibliography/references.bib)"))
    return problems


def write_csl(cache_dir: Path) -> Path:
    """Write pandoc's built-in Chicago author-date style (it keeps page locators) and return its path."""
    target = cache_dir / CSL_NAME
    if target.is_file() and target.stat().st_size > 0:
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    style = subprocess.run(
        [pypandoc.get_pandoc_path(), "--print-default-data-file", "default.csl"],
        check=True, capture_output=True, text=True,
    ).stdout
    tmp = target.with_suffix(".tmp")
    tmp.write_text(style, encoding="utf-8")
    tmp.replace(target)
    return target


def short_label(bibliography: Bibliography, key: str) -> str:
    """'Koremenos (2005), "Contracting Around International Uncertainty"': enough to recognise a work in a list
    whose full references sit in the page's reference list and on the Bibliography page."""
    entry = bibliography.data.entries[key]
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(p.last_names).replace("{", "").replace("}", "") for p in people]
    if not names:
        names = [entry.fields.get("organization") or entry.fields.get("institution") or entry.fields.get("journal", "")]
    who = names[0] if len(names) == 1 else (" and ".join(names) if len(names) == 2 else f"{names[0]} et al.")
    title = _plain(entry.fields.get("title", "")).rstrip(".")
    return f"{who} ({entry.fields.get('year', 'n.d.')}), “{title}”"


_TEX_PUNCTUATION = (("---", "—"), ("--", "–"), ("``", "‘"), ("''", "’"), ("“", "‘"), ("”", "’"), ("{", ""), ("}", ""))


def _plain(tex: str) -> str:
    """BibTeX title text as readers see it (dashes, quotes nested inside our double quotes, no braces)."""
    for old, new in _TEX_PUNCTUATION:
        tex = tex.replace(old, new)
    return tex
