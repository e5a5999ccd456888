"""The real question banks as an instructor receives them: enough items of each use, every required concept
tested, links that resolve, exam items that are not practice items in disguise, and the whole bank valid."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from coursekit.cli import main as course_main
from coursekit.content.load import CourseContent
from coursekit.own_words import essay_words, shared_runs, shingles
from coursekit.paths import REPO_ROOT
from coursekit.quiz.bank import load_banks
from coursekit.quiz.model import Bank, Item

CHAPTER_MINIMUM = {"practice": 10, "exam": 5}
FINAL_MINIMUM = {"total": 20, "practice": 10, "exam": 5}
MIN_TYPES_PER_CHAPTER = 4
ESSAY = REPO_ROOT.parent / "shared" / "source" / "article.txt"

# The topics the quiz-content issue asks every bank set to cover, each mapped to the glossary ids that tag it.
REQUIRED_CONCEPTS: dict[str, tuple[str, ...]] = {
    "externalization and the limits of the frame": ("externalization",),
    "Risse's reasoned consensus, its preconditions, none met": ("reasoned-consensus",),
    "non-EU states are not passive recipients": ("third-countries", "norm-diffusion"),
    "empowerment and disclosed representation as a double articulation": (
        "empowerment", "disclosed-representation", "double-articulation"),
    "why informalization was attractive": ("informalization",),
    "material versus immaterial incentives": ("incentives", "material-incentives", "immaterial-incentives"),
    "legalistic readmission after Amsterdam, the contested obligation": (
        "readmission", "obligation-to-readmit", "area-of-freedom-security-and-justice"),
    "the Global Approach to Migration and 'broker a deal'": ("global-approach-to-migration",),
    "EU conditionality versus Member States' incentives": ("conditionality",),
    "the Morocco mobility partnership, the March 2012 letters, Western Sahara": (
        "mobility-partnership", "fpa", "western-sahara"),
    "the Polisario Front's actions and the CJEU": ("polisario-front", "cjeu"),
    "Ceuta, May 2021, and why 'blackmail' is too simple": ("community-of-interests", "instrumentalization"),
    "reverse diffusion, reverse conditionality, socializers and socializees": (
        "reverse-diffusion", "reverse-conditionality", "socializers", "socializees", "socialization"),
    "what is new: explicitness": ("explicitness",),
}
ALL_REQUIRED = sorted({term for terms in REQUIRED_CONCEPTS.values() for term in terms})


@pytest.fixture(scope="module")
def banks(real_content: CourseContent) -> dict[str, Bank]:
    return {bank.quiz: bank for bank in load_banks(real_content)}


@pytest.fixture(scope="module")
def items(banks: dict[str, Bank]) -> list[Item]:
    """Every hand-written item of every bank (generated items never count towards the minimums)."""
    return [item for bank in banks.values() for item in bank.items]


def uses(bank: Bank) -> Counter[str]:
    return Counter(item.use for item in bank.items)


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if len(w) > 3}


def question_text(item: Item) -> str:
    """What a student reads to answer: the stem and everything offered (not the feedback)."""
    offered = [o.text for o in item.options] if item.type in ("single", "multiple") else []
    offered += [f"{p.left} {p.right}" for p in item.pairs] + list(item.sequence) + list(item.accepted)
    return " ".join([item.stem, *offered])


def all_texts(item: Item) -> list[str]:
    texts = [item.stem, item.feedback, *item.sequence, *item.accepted]
    texts += [o.text for o in item.options] + [o.feedback for o in item.options]
    return texts + [p.left for p in item.pairs] + [p.right for p in item.pairs]


@pytest.mark.parametrize("number", range(1, 7))
def test_each_chapter_bank_has_its_minimum_of_hand_written_items(banks: dict[str, Bank], number: int) -> None:
    bank = banks[f"chapter-{number}"]
    counted = uses(bank)
    for use, minimum in CHAPTER_MINIMUM.items():
        assert counted[use] >= minimum, f"chapter-{number}: {counted[use]} {use} items, need {minimum}"
    types = {item.type for item in bank.items}
    assert len(types) >= MIN_TYPES_PER_CHAPTER, f"chapter-{number} uses only {sorted(types)}"


def test_final_bank_is_cumulative(banks: dict[str, Bank], real_content: CourseContent) -> None:
    final = banks["final"]
    counted = uses(final)
    assert len(final.items) >= FINAL_MINIMUM["total"]
    assert counted["practice"] >= FINAL_MINIMUM["practice"] and counted["exam"] >= FINAL_MINIMUM["exam"]
    chapters_drawn_on = {item.chapter_number for item in final.items}
    # An anchor names one section; the final must still reach into most of the course.
    assert len(chapters_drawn_on) >= len(real_content.chapters) - 2, sorted(chapters_drawn_on)


def test_required_concepts_are_glossary_terms(real_content: CourseContent) -> None:
    unknown = [term for term in ALL_REQUIRED if term not in real_content.glossary]
    assert not unknown, f"not in docs/_data/glossary.yml: {unknown}"


@pytest.mark.parametrize("topic", sorted(REQUIRED_CONCEPTS))
def test_every_required_concept_is_tested(items: list[Item], topic: str) -> None:
    tested = Counter(item.concept for item in items)
    missing = [term for term in REQUIRED_CONCEPTS[topic] if not tested[term]]
    assert not missing, f"{topic}: no hand-written item tagged {missing}"


def test_every_topic_is_tested_in_practice_and_in_exam(items: list[Item]) -> None:
    """A topic known only from the practice quiz, or seen only in the exam, would make one of them lopsided."""
    for use in ("practice", "exam"):
        tagged = {item.concept for item in items if item.use == use}
        uncovered = [topic for topic, terms in REQUIRED_CONCEPTS.items() if not tagged & set(terms)]
        assert not uncovered, f"no {use} item on: {uncovered}"


def test_every_anchor_resolves_to_a_chapter_heading(items: list[Item], real_content: CourseContent) -> None:
    broken = []
    for item in items:
        chapter = real_content.chapter_by_stem(item.anchor_stem)
        if chapter is None or item.anchor_id is None or item.anchor_id not in chapter.heading_ids:
            broken.append(f"{item.id}: {item.anchor}")
    assert not broken, broken


def test_chapter_items_link_into_their_own_chapter(banks: dict[str, Bank]) -> None:
    for number in range(1, 7):
        strays = [i.id for i in banks[f"chapter-{number}"].items if i.chapter_number != number]
        assert not strays, f"chapter-{number} items anchored elsewhere: {strays}"


def test_exam_items_are_not_practice_items_reworded(items: list[Item]) -> None:
    practice = [i for i in items if i.use == "practice"]
    exam = [i for i in items if i.use == "exam"]
    practice_stems = {" ".join(content_words(i.stem)) for i in practice}
    repeated = [i.id for i in exam if " ".join(content_words(i.stem)) in practice_stems]
    assert not repeated, f"exam stems that repeat a practice stem: {repeated}"
    close = []
    for e in exam:
        for p in practice:
            a, b = content_words(question_text(e)), content_words(question_text(p))
            if len(a & b) / len(a | b) >= 0.5:
                close.append((e.id, p.id))
    assert not close, f"exam items too close to practice items: {close}"
    answers = {p.answer_text().casefold() for p in practice if p.type != "true_false"}
    same_answer = [e.id for e in exam if e.type != "true_false" and e.answer_text().casefold() in answers]
    assert not same_answer, f"exam items whose answer is a practice answer: {same_answer}"


def test_items_are_written_in_our_own_words(items: list[Item]) -> None:
    if not ESSAY.is_file():
        pytest.fail(f"the essay text is missing at {ESSAY}; the own-words rule cannot be checked")
    essay = shingles(essay_words(ESSAY.read_text(encoding="utf-8")))
    copied = [(item.id, run) for item in items for text in all_texts(item) for run in shared_runs(text, essay)[:1]]
    assert not copied, f"runs of 10+ words copied from the essay outside quotation marks: {copied}"


def test_choice_feedback_explains_every_option(items: list[Item]) -> None:
    thin = [(i.id, o.text) for i in items for o in i.options if len(o.feedback.split()) < 4]
    general = [i.id for i in items
               if i.type in ("ordering", "matching", "short_answer") and len(i.feedback.split()) < 8]
    assert not thin and not general, (thin, general)


def test_ids_name_their_bank(banks: dict[str, Bank]) -> None:
    for quiz, bank in banks.items():
        prefix = "final-" if quiz == "final" else f"c{quiz.removeprefix('chapter-')}-"
        assert all(item.id.startswith(prefix) for item in bank.items), quiz


def test_course_check_passes_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    status = course_main(["--root", str(REPO_ROOT), "check"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "OK" in out
