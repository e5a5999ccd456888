"""Chapters: front matter as data plus a Markdown body, with reading time computed from the words."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markdown.extensions.toc import slugify

from coursekit.content.fields import FieldReader
from coursekit.content.source_file import read_source
from coursekit.errors import ContentError, Problem, raise_if_any
from coursekit.yamlio import load_yaml_text

WORDS_PER_MINUTE = 200
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.DOTALL)
HEADING = re.compile(r"^(#{2,6})\s+(.+?)\s*(?:\{([^}]*)\})?\s*$", re.MULTILINE)
EXPLICIT_ID = re.compile(r"#([A-Za-z0-9_-]+)")
CITATION_BLOCK = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
CITE_KEY = re.compile(r"@([^\s,;\]]+)")
VALID_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
GLOSSARY_LINK = re.compile(r"\]\((?:\.\./)?glossary\.md#([^)\s]+)\)")


@dataclass(frozen=True)
class Discussion:
    question: str
    touches_on: str


@dataclass(frozen=True)
class Rubric:
    criterion: str
    excellent: str
    adequate: str
    weak: str


@dataclass(frozen=True)
class Chapter:
    """One chapter: everything the site, the quizzes, the instructor kit and the PDF need."""

    path: Path
    number: int
    title: str
    essay_section: str
    description: str
    objectives: tuple[str, ...]
    key_terms: tuple[str, ...]
    key_points: tuple[str, ...]
    discussion: tuple[Discussion, ...]
    further_reading: tuple[str, ...]
    activity: str
    essay_prompt: str
    rubric: tuple[Rubric, ...]
    body: str
    body_line: int

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def src_uri(self) -> str:
        return f"chapters/{self.path.name}"

    @property
    def quiz_uri(self) -> str:
        return f"quizzes/chapter-{self.number}.md"

    @cached_property
    def heading_ids(self) -> dict[str, str]:
        """Heading id -> heading text, as the toc extension will render them."""
        return headings(self.body)

    @cached_property
    def words(self) -> int:
        """Words a student reads: the body and the rendered front matter."""
        parts = [self.body, *self.objectives, *self.key_points, *(d.question for d in self.discussion)]
        return sum(count_words(p) for p in parts)

    @cached_property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))


def headings(markdown: str) -> dict[str, str]:
    """Heading ids of a Markdown body: the explicit `{#id}` or the toc slug."""
    found: dict[str, str] = {}
    for match in HEADING.finditer(markdown):
        text, attrs = match.group(2), match.group(3) or ""
        explicit = EXPLICIT_ID.search(attrs)
        found[explicit.group(1) if explicit else slugify(text, "-")] = text
    return found


def count_words(markdown: str) -> int:
    """Words of prose, leaving out citation keys, link targets, Markdown punctuation and HTML comments (page
    markers such as `<!-- course:locator-map -->` are instructions to the build, not words a student reads)."""
    text = re.sub(r"<!--.*?-->", " ", markdown, flags=re.DOTALL)
    text = CITATION_BLOCK.sub(" ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"\{[^}]*\}", " ", text)
    return len(re.findall(r"[A-Za-zÀ-ÿ0-9]+(?:['’-][A-Za-zÀ-ÿ0-9]+)*", text))


def cited_keys(markdown: str) -> list[tuple[str, int]]:
    """Every citation key with its 1-based line in the text."""
    found = []
    for block in CITATION_BLOCK.finditer(markdown):
        line = markdown.count("\n", 0, block.start()) + 1
        for key in CITE_KEY.finditer(block.group(1)):
            found.append((key.group(1), line))
    return found


def split_front_matter(text: str, path: Path) -> tuple[dict, str, int]:
    """Front matter mapping, body and the body's first line number."""
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError([Problem(path, 1, "missing YAML front matter between '---' lines")])
    meta = load_yaml_text(match.group(1), path, line_offset=1)
    body_line = text.count("\n", 0, match.end()) + 1
    return meta, text[match.end():], body_line


def load_chapter(path: Path) -> Chapter:
    """Load and validate one chapter file."""
    meta, body, body_line = split_front_matter(read_source(path), path)
    problems: list[Problem] = []
    f = FieldReader(meta, path, problems)
    discussion = []
    for raw in f.records("discussion"):
        d = FieldReader(raw, path, problems, item="discussion")
        discussion.append(Discussion(d.text("question"), d.text("touches_on")))
    if not 3 <= len(discussion) <= 5:
        f.fail(f"'discussion' has {len(discussion)} questions, expected 3-5")
    prompt = f.mapping("essay_prompt")
    p = FieldReader(prompt, path, problems, item="essay_prompt")
    rubric = []
    for raw in p.records("rubric"):
        r = FieldReader(raw, path, problems, item="rubric")
        rubric.append(Rubric(r.text("criterion"), r.text("excellent"), r.text("adequate"), r.text("weak")))
    if body.lstrip().startswith("# "):
        problems.append(Problem(path, body_line, "do not write the H1: it is rendered from 'title'"))
    chapter = Chapter(
        path=path,
        number=f.integer("chapter"),
        title=f.text("title"),
        essay_section=f.text("essay_section"),
        description=f.text("description"),
        objectives=tuple(f.texts("objectives", at_least=3, at_most=5)),
        key_terms=tuple(f.texts("key_terms", at_least=1)),
        key_points=tuple(f.texts("key_points", at_least=3, at_most=6)),
        discussion=tuple(discussion),
        further_reading=tuple(f.texts("further_reading", at_least=1)),
        activity=f.text("activity"),
        essay_prompt=p.text("prompt"),
        rubric=tuple(rubric),
        body=body,
        body_line=body_line,
    )
    raise_if_any(problems)
    return chapter


def load_chapters(chapter_dir: Path) -> list[Chapter]:
    """All chapters in order; problems from every file are reported together."""
    chapters: list[Chapter] = []
    problems: list[Problem] = []
    for path in sorted(chapter_dir.glob("[0-9][0-9]-*.md")):
        try:
            chapters.append(load_chapter(path))
        except ContentError as exc:
            problems.extend(exc.problems)
    numbers = [c.number for c in chapters]
    if numbers != list(range(1, len(chapters) + 1)):
        problems.append(Problem(chapter_dir, None, f"chapter numbers must run 1..N in file order, got {numbers}"))
    raise_if_any(problems)
    return chapters
