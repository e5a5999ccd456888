"""Item-writing checks: cues that let a student answer without reading, and exam items that leak.

Every bank's items are checked, generated ones included (generated with the site's seed). What is checked, and
how bad it is (thresholds in `quizzes/item-writing.toml`, documented in CONTRIBUTING.md):

errors (fail `course check` and the build)
  - a single-answer item with fewer than `min_single` options, a multiple-answer item with fewer than
    `min_wrong_multiple` wrong ones;
  - quotation marks or emphasis on correct options only;
  - a matching item whose right-hand answers are not one-to-one;
  - an exam item whose stem or key shares `max_share` or more of its content words with one practice item,
    one practice feedback or one glossary short definition;
  - a bank whose single-answer keys are the longest option in more than `max_key_longest_rate` of its items, or
    the shortest in more than `max_key_shortest_rate` (trimming every key swaps one cue for another);
  - more than `max_long_key_items` items (all banks) whose keys average `key_ratio` times the distractors;
  - an exam or practice set whose share of items at `understand` or above is below `exam_min`/`practice_min`.
warnings (listed, do not fail)
  - one item whose key is the longest option, or averages `key_ratio` times the distractors;
  - absolute words ("all", "never", "only" ...) in distractors but not in the key, or making a true/false
    statement false.

Content words come from scikit-learn's tokenizer and English stop-word list; shared words are counted with a
sparse matrix product, so every exam text is compared with every practice text in one step.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.exam.store import exam_status
from coursekit.quiz.bank import bank_problems
from coursekit.quiz.generate import run_requests
from coursekit.quiz.model import UNDERSTAND_OR_ABOVE, Bank, Item
from coursekit.quiz.select import SITE_SEED
from coursekit.registry import Registry

CONFIG_NAME = "item-writing.toml"
CHOICE_TYPES = ("single", "multiple")


@dataclass(frozen=True)
class Thresholds:
    """The numbers and word lists of `quizzes/item-writing.toml`."""

    key_ratio: float = 1.3
    max_long_key_items: int = 5
    max_key_longest_rate: float = 0.35
    max_key_shortest_rate: float = 0.35
    min_single: int = 3
    min_wrong_multiple: int = 2
    absolute_words: tuple[str, ...] = ()
    quote_marks: tuple[str, ...] = ()
    max_share: float = 0.5
    min_words: int = 5
    exam_min: float = 0.75
    practice_min: float = 0.5


def load_thresholds(quizzes_dir: Path) -> Thresholds:
    """The thresholds; a missing or malformed file is a ValueError naming the file and the problem."""
    path = quizzes_dir / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ValueError(f"{path}: missing (the item-writing checks read their thresholds from it)") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: {exc}") from exc
    sections = {"length": ("key_ratio", "max_long_key_items", "max_key_longest_rate", "max_key_shortest_rate"),
                "options": ("min_single", "min_wrong_multiple"), "cues": ("absolute_words", "quote_marks"),
                "overlap": ("max_share", "min_words"), "levels": ("exam_min", "practice_min")}
    values: dict[str, object] = {}
    for section, names in sections.items():
        table = data.get(section, {})
        for name in names:
            if name not in table:
                raise ValueError(f"{path}: missing [{section}] {name}")
            value = table[name]
            values[name] = tuple(value) if isinstance(value, list) else value
    return Thresholds(**values)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------- per item


def key_texts(item: Item) -> list[str]:
    """What a student must recognise as right: correct options, the true/false statement, pairs, answers."""
    if item.type in CHOICE_TYPES:
        return [o.text for o in item.correct_options]
    if item.type == "true_false":
        return [item.stem]
    if item.type == "matching":
        return [f"{p.left} {p.right}" for p in item.pairs]
    if item.type == "ordering":
        return [" ".join(item.sequence)]
    return list(item.accepted)


def item_text(item: Item) -> str:
    """What a practice item teaches: its question with its right answers (distractors teach nothing)."""
    keys = key_texts(item) if item.type != "true_false" or item.answer else []
    return " ".join([item.stem, *keys])


def feedback_texts(item: Item) -> list[str]:
    return [t for t in (item.feedback, *(o.feedback for o in item.options)) if t]


def length_ratio(item: Item) -> float | None:
    """Mean length of the correct options over the mean length of the wrong ones (choice items only)."""
    if item.type not in CHOICE_TYPES:
        return None
    right = [len(o.text) for o in item.options if o.correct]
    wrong = [len(o.text) for o in item.options if not o.correct]
    if not right or not wrong:
        return None
    return (sum(right) / len(right)) / (sum(wrong) / len(wrong))


def key_is_longest(item: Item) -> bool:
    """A single-answer item whose key is at least as long as every distractor."""
    if item.type != "single":
        return False
    key = max(len(o.text) for o in item.options if o.correct)
    return all(key >= len(o.text) for o in item.options if not o.correct)


def key_is_shortest(item: Item) -> bool:
    """A single-answer item whose key is no longer than any distractor (the opposite cue, once keys are trimmed)."""
    if item.type != "single":
        return False
    key = min(len(o.text) for o in item.options if o.correct)
    return all(key <= len(o.text) for o in item.options if not o.correct)


def _has_word(text: str, words: Iterable[str]) -> list[str]:
    return [w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, re.IGNORECASE)]


def absolute_cue(item: Item, t: Thresholds) -> str | None:
    """Why the item's absolute wording gives the answer away, or None."""
    if item.type == "true_false":
        found = _has_word(item.stem, t.absolute_words)
        if item.answer is False and found:
            return f"the statement is false and says '{found[0]}': an absolute word cues 'False'"
        return None
    if item.type not in CHOICE_TYPES:
        return None
    in_keys = any(_has_word(o.text, t.absolute_words) for o in item.options if o.correct)
    wrong = [(o.text, _has_word(o.text, t.absolute_words)) for o in item.options if not o.correct]
    flagged = [words[0] for _, words in wrong if words]
    if flagged and not in_keys and len(flagged) >= 2:
        return (f"absolute words ({', '.join(sorted(set(flagged)))}) appear only in wrong options: a hedged key "
                "beside absolute distractors is a cue")
    return None


def quote_cue(item: Item, t: Thresholds) -> bool:
    """Quotation marks or emphasis on every correct option and on no wrong one."""
    if item.type not in CHOICE_TYPES or len(item.options) < 2:
        return False
    marked = [any(m in o.text for m in t.quote_marks) for o in item.options]
    right = [m for m, o in zip(marked, item.options, strict=True) if o.correct]
    wrong = [m for m, o in zip(marked, item.options, strict=True) if not o.correct]
    return all(right) and not any(wrong)


def one_to_one_problem(item: Item) -> str | None:
    if item.type != "matching":
        return None
    for side in ("left", "right"):
        texts = [" ".join(getattr(p, side).split()).casefold() for p in item.pairs]
        if len(set(texts)) < len(texts):
            return f"two {side}-hand entries read the same, so the matching is not one-to-one"
    return None


# ---------------------------------------------------------------------------------------------- overlap


@dataclass(frozen=True)
class Leak:
    """An exam text that shares `share` of its content words with `source`."""

    item: Item
    part: str
    share: float
    source: str


@dataclass
class _Corpus:
    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def add(self, text: str, label: str) -> None:
        self.texts.append(text)
        self.labels.append(label)


def _where(item: Item) -> str:
    return f"{item.path.name}:{item.line}" if item.path and item.line else (item.path.name if item.path else "")


def find_leaks(items: Sequence[Item], content: CourseContent, t: Thresholds) -> list[Leak]:
    """Exam stems and keys that share at least `max_share` of their content words with one practice text."""
    from sklearn.feature_extraction.text import CountVectorizer

    corpus = _Corpus()
    for item in items:
        if item.use != "practice":
            continue
        corpus.add(item_text(item), f"practice item {item.id} ({_where(item)})")
        for text in feedback_texts(item):
            corpus.add(text, f"the feedback of practice item {item.id} ({_where(item)})")
    for term in content.glossary.terms:
        corpus.add(term.short, f"the glossary's short definition of '{term.term}'")
    probes: list[tuple[Item, str, str]] = []
    for item in items:
        if item.use != "exam":
            continue
        if item.type != "true_false":
            probes.append((item, "stem", item.stem))
        probes += [(item, "key", text) for text in key_texts(item)]
    if not probes or not corpus.texts:
        return []
    vectorizer = CountVectorizer(stop_words="english", binary=True, token_pattern=r"(?u)\b[^\W_][\w'’-]*\b")
    vectorizer.fit(corpus.texts + [p[2] for p in probes])
    probe_matrix = vectorizer.transform([p[2] for p in probes])
    shared = (probe_matrix @ vectorizer.transform(corpus.texts).T).tocsr()
    sizes = probe_matrix.sum(axis=1).A1
    leaks = []
    for row, (item, part, _) in enumerate(probes):
        if sizes[row] < t.min_words:
            continue
        line = shared.getrow(row)
        if line.nnz == 0:
            continue
        best = int(line.indices[line.data.argmax()])
        share = float(line.data.max()) / float(sizes[row])
        if share >= t.max_share:
            leaks.append(Leak(item, part, share, corpus.labels[best]))
    return leaks


# -------------------------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class BankFigures:
    """The figures issue 13 asks for, for one bank."""

    quiz: str
    singles: int
    key_longest: int
    key_shortest: int
    long_key_items: int
    leaking_exam_items: int
    matching: int
    matching_not_one_to_one: int
    exam_items: int
    practice_items: int
    exam_understand_share: float | None
    practice_understand_share: float | None

    @property
    def key_longest_rate(self) -> float:
        return self.key_longest / self.singles if self.singles else 0.0

    @property
    def key_shortest_rate(self) -> float:
        return self.key_shortest / self.singles if self.singles else 0.0


def _share(items: Sequence[Item]) -> float | None:
    if not items or all(i.level is None for i in items):
        return None
    return sum(1 for i in items if i.level in UNDERSTAND_OR_ABOVE) / len(items)


def bank_figures(quiz: str, items: Sequence[Item], leaks: Sequence[Leak], t: Thresholds) -> BankFigures:
    exam = [i for i in items if i.use == "exam"]
    practice = [i for i in items if i.use == "practice"]
    return BankFigures(
        quiz=quiz,
        singles=sum(1 for i in items if i.type == "single"),
        key_longest=sum(1 for i in items if key_is_longest(i)),
        key_shortest=sum(1 for i in items if key_is_shortest(i)),
        long_key_items=sum(1 for i in items if (length_ratio(i) or 0) >= t.key_ratio),
        leaking_exam_items=len({leak.item.id for leak in leaks if leak.item.quiz == quiz}),
        matching=sum(1 for i in items if i.type == "matching"),
        matching_not_one_to_one=sum(1 for i in items if one_to_one_problem(i)),
        exam_items=len(exam),
        practice_items=len(practice),
        exam_understand_share=_share(exam),
        practice_understand_share=_share(practice),
    )


def figures_table(figures: Sequence[BankFigures]) -> str:
    """A Markdown table of the figures, one row per bank and a total."""
    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.0%}"

    head = ("| bank | key longest (single) | key shortest (single) | keys ≥ ratio | leaking exam items | "
            "matching not 1:1 | exam ≥ understand | practice ≥ understand |\n|---|---|---|---|---|---|---|---|")
    rows = [f"| {f.quiz} | {f.key_longest}/{f.singles} ({pct(f.key_longest_rate)}) | "
            f"{f.key_shortest}/{f.singles} ({pct(f.key_shortest_rate)}) | {f.long_key_items} | "
            f"{f.leaking_exam_items}/{f.exam_items} | {f.matching_not_one_to_one}/{f.matching} | "
            f"{pct(f.exam_understand_share)} | {pct(f.practice_understand_share)} |" for f in figures]
    singles = sum(f.singles for f in figures)
    longest = sum(f.key_longest for f in figures)
    shortest = sum(f.key_shortest for f in figures)
    rows.append(f"| all | {longest}/{singles} ({pct(longest / singles if singles else None)}) | "
                f"{shortest}/{singles} ({pct(shortest / singles if singles else None)}) | "
                f"{sum(f.long_key_items for f in figures)} | "
                f"{sum(f.leaking_exam_items for f in figures)}/{sum(f.exam_items for f in figures)} | "
                f"{sum(f.matching_not_one_to_one for f in figures)}/{sum(f.matching for f in figures)} | | |")
    return "\n".join([head, *rows]) + "\n"


# -------------------------------------------------------------------------------------------- problems


def _problem(item: Item, bank: Bank, message: str, warning: bool = False) -> Problem:
    return Problem(item.path or bank.path, item.line, message, item.id, warning=warning)


def item_problems(item: Item, bank: Bank, t: Thresholds) -> list[Problem]:
    """The per-item checks (errors and warnings) for one item."""
    out = []
    if item.type == "single" and len(item.options) < t.min_single:
        out.append(_problem(item, bank, f"a single-answer item needs at least {t.min_single} options "
                                        f"(it has {len(item.options)})"))
    wrong = sum(1 for o in item.options if not o.correct)
    if item.type == "multiple" and wrong < t.min_wrong_multiple:
        out.append(_problem(item, bank, f"a multiple-answer item needs at least {t.min_wrong_multiple} wrong options "
                                        f"(it has {wrong}): with one, ticking all but the odd one out wins"))
    if quote_cue(item, t):
        out.append(_problem(item, bank, "only the correct options carry quotation marks or emphasis: "
                                        "mark all options alike, or none"))
    one_to_one = one_to_one_problem(item)
    if one_to_one:
        out.append(_problem(item, bank, one_to_one))
    ratio = length_ratio(item)
    if ratio is not None and ratio >= t.key_ratio:
        out.append(_problem(item, bank, f"the correct options are {ratio:.1f}× as long as the wrong ones on "
                                        f"average (threshold {t.key_ratio}×)", warning=True))
    elif key_is_longest(item):
        out.append(_problem(item, bank, "the key is the longest option", warning=True))
    cue = absolute_cue(item, t)
    if cue:
        out.append(_problem(item, bank, cue, warning=True))
    return out


def _request_line(item: Item, bank: Bank) -> int | None:
    return next((r.line for r in bank.generate if item.generator == r.generator and item.use == r.use), None)


def located(item: Item, bank: Bank) -> Item:
    """Generated items point at the bank's `generate:` entry that made them."""
    from dataclasses import replace

    if item.path is not None:
        return item
    return replace(item, path=bank.path, line=_request_line(item, bank))


def check_banks(banks: Sequence[Bank], items_by_bank: dict[str, list[Item]], content: CourseContent,
                t: Thresholds, whole_banks: bool = True) -> tuple[list[Problem], list[BankFigures]]:
    """Every item-writing problem of every bank, and the banks' figures.

    Without `whole_banks` (the exam banks are sealed, so only practice items are loaded) the rates over a bank's
    items are not judged: a rate over part of a bank says nothing about the bank. Each item is still checked.
    """
    problems: list[Problem] = []
    everything = [i for bank in banks for i in items_by_bank[bank.quiz]]
    leaks = find_leaks(everything, content, t)
    figures = [bank_figures(bank.quiz, items_by_bank[bank.quiz], leaks, t) for bank in banks]
    by_quiz = {bank.quiz: bank for bank in banks}
    for bank in banks:
        for item in items_by_bank[bank.quiz]:
            problems += item_problems(item, bank, t)
    for leak in leaks:
        problems.append(_problem(leak.item, by_quiz[leak.item.quiz],
                                 f"exam {leak.part} shares {leak.share:.0%} of its content words with "
                                 f"{leak.source} (limit {t.max_share:.0%}): write a new case, not a restatement"))
    for bank, fig in zip(banks, figures, strict=True):
        # The practice set is whole even when the exam banks are sealed, so its level share is always judged.
        if not whole_banks:
            share = fig.practice_understand_share
            if share is not None and share < t.practice_min:
                problems.append(Problem(bank.path, 1, f"only {share:.0%} of the practice items are at level "
                                                      f"understand or above (at least {t.practice_min:.0%})"))
            continue
        if fig.singles and fig.key_longest_rate > t.max_key_longest_rate:
            problems.append(Problem(bank.path, 1, f"the key is the longest option in {fig.key_longest} of "
                                                  f"{fig.singles} single-answer items ({fig.key_longest_rate:.0%}; "
                                                  f"at most {t.max_key_longest_rate:.0%})"))
        if fig.singles and fig.key_shortest_rate > t.max_key_shortest_rate:
            problems.append(Problem(bank.path, 1, f"the key is the shortest option in {fig.key_shortest} of "
                                                  f"{fig.singles} single-answer items ({fig.key_shortest_rate:.0%}; "
                                                  f"at most {t.max_key_shortest_rate:.0%}): trimmed keys cue too"))
        for use, share, minimum in (("exam", fig.exam_understand_share, t.exam_min),
                                    ("practice", fig.practice_understand_share, t.practice_min)):
            if share is not None and share < minimum:
                problems.append(Problem(bank.path, 1, f"only {share:.0%} of the {use} items are at level "
                                                      f"understand or above (at least {minimum:.0%})"))
    long_keys = [i for i in everything if (length_ratio(i) or 0) >= t.key_ratio]
    if whole_banks and len(long_keys) > t.max_long_key_items:
        first = long_keys[0]
        problems.append(Problem(first.path or banks[0].path, first.line,
                                f"{len(long_keys)} items have keys averaging {t.key_ratio}× the wrong options or "
                                f"more (at most {t.max_long_key_items} across all banks): "
                                + ", ".join(i.id for i in long_keys)))
    return problems, figures


# ----------------------------------------------------------------------------------------------- checker


def checked_items(content: CourseContent) -> dict[str, list[Item]]:
    """Every bank's items, hand-written and generated (with the site's seed), by quiz id."""
    banks, _ = bank_problems(content)
    return {bank.quiz: [located(item, bank) for item in (*bank.items, *run_requests(bank, content, SITE_SEED)[0])]
            for bank in banks}


def check_item_writing(content: CourseContent) -> list[Problem]:
    banks, problems = bank_problems(content)
    if problems:  # the banks checker reports them; judging half-loaded banks would mislead
        return []
    try:
        thresholds = load_thresholds(content.paths.quizzes)
    except ValueError as exc:
        return [Problem(content.paths.quizzes / CONFIG_NAME, None, str(exc))]
    whole = not exam_status(content.paths.quizzes).is_locked
    found, _ = check_banks(banks, checked_items(content), content, thresholds, whole_banks=whole)
    return found


def register(registry: Registry) -> None:
    registry.add_checker(check_item_writing)
