"""Bank coverage: enough hand-written items of each use and type, every required concept tested, a final quiz that
reaches across the course. The rules are data (docs/_data/quiz-coverage.yml); this checker runs in `course check` and
the build, so an author sees a gap before a reviewer does.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.content.load import CourseContent
from coursekit.errors import ContentError, Problem
from coursekit.quiz.bank import bank_problems
from coursekit.quiz.model import FINAL_QUIZ, Bank, Item
from coursekit.registry import Registry
from coursekit.yamlio import line_of, load_yaml_file

COVERAGE_FILE = "quiz-coverage.yml"


@dataclass(frozen=True)
class Topic:
    name: str
    terms: tuple[str, ...]
    line: int | None


@dataclass(frozen=True)
class Coverage:
    path: Path
    chapter_minimum: dict[str, int]
    final_minimum: dict[str, int]
    topics: tuple[Topic, ...]


def load_coverage(path: Path) -> Coverage:
    """The coverage rules; every problem in the file at once."""
    problems: list[Problem] = []
    f = FieldReader(load_yaml_file(path), path, problems)
    chapter = FieldReader(f.mapping("chapter_minimum"), path, problems, item="chapter_minimum")
    final = FieldReader(f.mapping("final_minimum"), path, problems, item="final_minimum")
    topics = []
    for raw in f.records("required_concepts"):
        t = FieldReader(raw, path, problems, item="required_concepts")
        topics.append(Topic(t.text("topic"), tuple(t.texts("terms", at_least=1)), line_of(raw)))
    coverage = Coverage(
        path,
        {key: chapter.integer(key) for key in ("practice", "exam", "types")},
        {key: final.integer(key) for key in ("total", "practice", "exam", "chapters_missed")},
        tuple(topics),
    )
    if problems:
        raise ContentError(problems)
    return coverage


def check_bank_coverage(content: CourseContent) -> list[Problem]:
    """Gaps in the banks' coverage, each naming the bank file (or the rule's line for a missing concept)."""
    path = content.paths.data / COVERAGE_FILE
    if not path.is_file():
        return []
    coverage = load_coverage(path)
    banks, problems = bank_problems(content)
    if problems:
        return []  # the bank checker reports those; coverage of half-loaded banks would only add noise
    found: list[Problem] = []
    for topic in coverage.topics:
        unknown = [term for term in topic.terms if term not in content.glossary]
        if unknown:
            found.append(Problem(path, topic.line, f"not glossary ids: {', '.join(unknown)}", topic.name))
    items = [item for bank in banks for item in bank.items]
    with_exam = any(item.use == "exam" for item in items)
    for bank in banks:
        found += _bank_minimums(bank, coverage, content, with_exam)
    found += _concepts(items, coverage, with_exam)
    return found


def _bank_minimums(bank: Bank, coverage: Coverage, content: CourseContent, with_exam: bool) -> list[Problem]:
    uses = Counter(item.use for item in bank.items)
    wanted = coverage.final_minimum if bank.quiz == FINAL_QUIZ else coverage.chapter_minimum
    problems = [Problem(bank.path, None, f"{uses[use]} hand-written {use} item(s), at least {wanted[use]} needed "
                                         f"({COVERAGE_FILE})")
                for use in ("practice", "exam") if (use == "practice" or with_exam) and uses[use] < wanted[use]]
    if bank.quiz == FINAL_QUIZ:
        if not with_exam:  # sealed exam banks: the final's totals count its exam items, which are not loaded
            return problems
        if len(bank.items) < wanted["total"]:
            problems.append(Problem(bank.path, None, f"{len(bank.items)} hand-written items, at least "
                                                     f"{wanted['total']} needed ({COVERAGE_FILE})"))
        drawn_on = {item.chapter_number for item in bank.items}
        if len(drawn_on) < len(content.chapters) - wanted["chapters_missed"]:
            problems.append(Problem(bank.path, None, f"the final quiz draws on chapters {sorted(drawn_on)} only: "
                                                     f"at most {wanted['chapters_missed']} may be left out"))
        return problems
    types = {item.type for item in bank.items}
    if len(types) < wanted["types"]:
        problems.append(Problem(bank.path, None, f"only {len(types)} item type(s) ({', '.join(sorted(types))}), "
                                                 f"at least {wanted['types']} needed ({COVERAGE_FILE})"))
    return problems


def _concepts(items: list[Item], coverage: Coverage, with_exam: bool) -> list[Problem]:
    problems = []
    tested = Counter(item.concept for item in items)
    for topic in coverage.topics:
        missing = [term for term in topic.terms if not tested[term]]
        if missing:
            problems.append(Problem(coverage.path, topic.line, f"no hand-written item tests {', '.join(missing)}",
                                    topic.name))
        for use in ("practice", "exam") if with_exam else ("practice",):
            if not {item.concept for item in items if item.use == use} & set(topic.terms):
                problems.append(Problem(coverage.path, topic.line, f"no {use} item on this topic", topic.name))
    return problems


def register(registry: Registry) -> None:
    registry.add_checker(check_bank_coverage)
