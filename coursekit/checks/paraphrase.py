"""The paraphrase half of the own-words check: sentences that track one essay sentence with words swapped.

Runs of identical words (own_words.py) miss close paraphrase, where a sentence keeps the essay's ideas, order
and rare words but swaps a few synonyms. Two signals catch it, each against one essay sentence at a time:

- content-word overlap: the lemmas (simplemma) of both sentences, stop words (stop-words) removed, compared as
  sets with rapidfuzz's Indel similarity (on sorted unique lemmas this is the Dice coefficient); >= 0.6 flags;
- rare-word sequence: the words the essay uses in at most two sentences, in their order; a page sentence that
  keeps a long enough run of them in the same order (rapidfuzz's LCSseq) tracks the essay even when every
  common word around them was replaced.

Text in quotation marks is left out (a marked quotation is allowed), as are blockquotes, code and reference
lists (own_words.visible_text).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import simplemma
from rapidfuzz.distance import Indel, LCSseq
from simplemma.sentences import split_sentences
from stop_words import get_stop_words

from coursekit.checks.own_words import VisibleText, _prose_blocks, item_texts, words
from coursekit.content.essay import essay_path
from coursekit.content.load import CourseContent
from coursekit.errors import Problem
from coursekit.quiz.bank import bank_problems
from coursekit.registry import Registry

OVERLAP = 0.6  # share of content lemmas (Dice) one page sentence shares with one essay sentence
MIN_ESSAY_CONTENT = 5  # shorter essay sentences (part titles, fragments) are not indexed
MIN_CONTENT = 8  # sentences with fewer content words say too little to be anyone's paraphrase
RARE_DF = 2  # a lemma the essay uses in at most this many sentences is "rare"
RARE_RUN = 5  # this many rare lemmas in the essay's order ...
RARE_SHARE = 0.6  # ... making up this share of the page sentence's rare lemmas
_CITATION = re.compile(r"\([^()]*\b(?:1[89]|20)\d\d\b[^()]*\)")  # "(Cassarino 2021, sec. 5)": a reference
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|‘[^’]{12,}’")
_HYPHENATED = re.compile(r"(\w)-\s*\n\s*(\w)")
_NOTE_CALL = re.compile(r"(?<=[a-z.,;:”\")])\d{1,2}(?=[\s.,;:])")  # "agreements.16 It" -> "agreements. It"
_HEADING = re.compile(r"(?<=\n\n)([A-Z][A-Za-z ,:-]{3,60})(?=\n\s*\n)")  # a part title ends a sentence
_FOOTNOTES = re.compile(r"^\d{1,2} [A-Z“\"].*?(?=\n\s*\n|\Z)", re.MULTILINE | re.DOTALL)


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(words(" ".join(get_stop_words("en"))))


@cache
def _lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="en").lower()


def content_lemmas(sentence: str) -> list[str]:
    """The sentence's content words, lemmatised, in order: no stop words, no bare numbers."""
    stop = _stop_words()
    return [_lemma(w) for w in words(sentence) if w not in stop and not w.isdigit() and len(w) > 1]


def sentences(text: str) -> list[str]:
    """Sentences of running text (simplemma's splitter, which knows "e.g." and similar)."""
    return [s.strip() for s in split_sentences(text, lang="en") if s.strip()]


@dataclass(frozen=True)
class EssaySentence:
    text: str
    lemmas: tuple[str, ...]
    unique: tuple[str, ...]
    rare: tuple[str, ...]


@dataclass(frozen=True)
class EssayIndex:
    """The essay's sentences, pre-lemmatised, with an index from lemma to the sentences using it."""

    sentences: tuple[EssaySentence, ...]
    by_lemma: dict[str, tuple[int, ...]]
    rare: frozenset[str]

    @classmethod
    def from_article(cls, article: str) -> EssayIndex:
        """Index the essay's running text: words the layout hyphenated joined, footnotes left out.

        The footnotes are references and quotations of other authors: the run check covers them.
        """
        body = _FOOTNOTES.sub(" ", _HYPHENATED.sub(r"\1\2", article))
        body = _HEADING.sub(r"\1.", _NOTE_CALL.sub("", body))
        raw = sentences(re.sub(r"\s+", " ", body))
        lemma_lists = [content_lemmas(s) for s in raw]
        df = Counter(lemma for lemmas in lemma_lists for lemma in set(lemmas))
        items = []
        for sentence, lemmas in zip(raw, lemma_lists, strict=True):
            if len(set(lemmas)) < MIN_ESSAY_CONTENT:
                continue
            items.append(EssaySentence(sentence, tuple(lemmas), tuple(sorted(set(lemmas))),
                                       tuple(lemma for lemma in lemmas if df[lemma] <= RARE_DF)))
        by_lemma: dict[str, list[int]] = {}
        for index, item in enumerate(items):
            for lemma in item.unique:
                by_lemma.setdefault(lemma, []).append(index)
        # Names (capitalised inside a sentence) are facts, not wording: they never count as rare words.
        names = {_lemma(w.lower()) for w in re.findall(r"(?<=[a-z,;(] )([A-Z][\w-]+)", body)}
        rare = frozenset(lemma for lemma, count in df.items() if count <= RARE_DF and lemma not in names)
        return cls(tuple(items), {k: tuple(v) for k, v in by_lemma.items()}, rare)


@dataclass(frozen=True)
class Paraphrase:
    """One page sentence that tracks one essay sentence."""

    sentence: str
    essay_sentence: str
    overlap: float
    rare_run: int

    def __str__(self) -> str:
        return (f"tracks the essay (content-word overlap {self.overlap:.2f}, {self.rare_run} rare words in the "
                f"essay's order): “{_short(self.sentence)}” ~ essay: “{_short(self.essay_sentence)}”")


def _short(text: str, limit: int = 110) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def page_text(html: str) -> str:
    """A page's prose as paragraphs (blank-line separated), so headings and cells never join a sentence."""
    parser = VisibleText()
    parser.feed(html)
    return "".join(parser.parts)


def unquoted(text: str) -> str:
    """The text without quotations (quoting, marked, is allowed) and parenthetical references."""
    return _CITATION.sub(" ", _QUOTED.sub(" … ", text))


def tracked_sentences(text: str, essay: EssayIndex) -> list[Paraphrase]:
    """Sentences of `text` (outside quotation marks) that track one essay sentence."""
    found = []
    for sentence in (s for block in re.split(r"\n\s*\n", unquoted(text)) for s in sentences(block)):
        lemmas = content_lemmas(sentence)
        unique = sorted(set(lemmas))
        if len(unique) < MIN_CONTENT:
            continue
        rare = [lemma for lemma in lemmas if lemma in essay.rare]
        candidates = Counter(i for lemma in unique for i in essay.by_lemma.get(lemma, ()))
        best: Paraphrase | None = None
        for index, shared in candidates.most_common():
            if 2 * shared / (len(unique) + len(essay.sentences[index].unique)) < OVERLAP / 2:
                break  # candidates come most-shared first: the rest score lower still
            item = essay.sentences[index]
            overlap = Indel.normalized_similarity(unique, item.unique)
            run = LCSseq.similarity(rare, item.rare) if rare else 0
            rare_hit = run >= RARE_RUN and run >= RARE_SHARE * len(rare)
            if (overlap >= OVERLAP or rare_hit) and (best is None or overlap > best.overlap):
                best = Paraphrase(sentence, item.text, overlap, run)
        if best is not None:
            found.append(best)
    return found


@cache
def load_essay_index(path: Path) -> EssayIndex:
    return EssayIndex.from_article(path.read_text(encoding="utf-8"))


_MD_CITATION = re.compile(r"\[[^\[\]]*@[^\[\]]*\]")
_MD_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_MD_NOISE = re.compile(r"<!--.*?-->|\{#[^}]*\}|[*_`|]|^\s*(?:[-+]|\d+\.|#+|!!!|\?\?\?)\s", re.MULTILINE)


def markdown_prose(markdown: str) -> str:
    """Markdown as the reader's sentences: no citations, link targets, markers or list and table syntax."""
    return _MD_NOISE.sub(" ", _MD_LINK_TARGET.sub("]", _MD_CITATION.sub(" ", markdown))).replace("[", "")


def check_paraphrase(content: CourseContent) -> list[Problem]:
    """Sentences tracking an essay sentence: chapters, glossary, timeline, bank items (skipped without the essay).

    Generated quiz items are not checked here: their text is the glossary's and the timeline's, checked above.
    """
    path = essay_path(content.paths.root)
    if path is None:
        return []
    essay = load_essay_index(path)
    problems: list[Problem] = []

    def report(where: Path, line: int | None, text: str, item: str | None = None) -> None:
        for found in tracked_sentences(markdown_prose(text), essay)[:1]:
            problems.append(Problem(where, line, str(found), item))

    for chapter in content.chapters:
        for line, block in _prose_blocks(chapter.body, chapter.body_line):
            report(chapter.path, line, block)
        for point in (*chapter.objectives, *chapter.key_points):
            report(chapter.path, 1, point)
    for term in content.glossary.terms:
        report(content.glossary.path, term.line, term.definition, term.id)
    for event in content.timeline.events:
        report(content.timeline.path, event.line, event.event, event.id)
    banks, _ = bank_problems(content)
    for bank in banks:
        for entry in bank.items:
            report(bank.path, entry.line, "\n\n".join(item_texts(entry)), entry.id)
    return problems


def register(registry: Registry) -> None:
    registry.add_checker(check_paraphrase)
