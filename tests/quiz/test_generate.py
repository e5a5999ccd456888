"""Generated items: reproducible for a seed, different for another, built only from the course's own data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coursekit.content.load import CourseContent
from coursekit.quiz.bank import load_banks
from coursekit.quiz.generate import GENERATORS, capacity, generate, short_event
from coursekit.quiz.model import Bank, GenerateRequest
from coursekit.quiz.select import bank_items, split_by_use


@pytest.fixture(scope="module")
def banks(real_content: CourseContent) -> dict[str, Bank]:
    return {b.quiz: b for b in load_banks(real_content)}


def every_generator(bank: Bank, content: CourseContent, count: int = 1) -> Bank:
    """The bank asking every generator for `count` items, or as many as the data allows."""
    wanted = {g: min(count, capacity(bank, content, g)) for g in GENERATORS}
    return replace(bank, generate=tuple(GenerateRequest(g, "practice", n) for g, n in wanted.items() if n))


def test_same_seed_same_quiz(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    for bank in banks.values():
        assert bank_items(bank, real_content, 11) == bank_items(bank, real_content, 11)


def test_other_seed_other_items_or_order(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = every_generator(banks["final"], real_content, count=2)
    first, second = bank_items(bank, real_content, 1), bank_items(bank, real_content, 2)
    assert [i.id for i in first] != [i.id for i in second]
    shown = [[o.text for o in i.options] for i in first if i.options]
    assert shown != [[o.text for o in i.options] for i in second if i.options]


def test_every_generator_makes_well_formed_items(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    terms = {t.term: t for t in real_content.glossary.terms}
    events = {short_event(e): e for e in real_content.timeline.events}
    items = generate(every_generator(banks["final"], real_content, count=2), real_content, 3)
    assert {i.generator for i in items} == set(GENERATORS)
    for item in items:
        assert item.id.startswith("gen-final-") and item.use == "practice"
        if item.type == "single":
            assert len(item.options) == 4 and len(item.correct_options) == 1
            assert len({o.text for o in item.options}) == 4, item
        if item.generator == "term-definition":
            assert all(terms[p.left].short == p.right for p in item.pairs)
        if item.generator == "definition-term":
            assert terms[item.correct_options[0].text].short in item.stem
        if item.generator == "timeline-order":
            dates = [events[text].date for text in item.sequence]
            assert dates == sorted(dates) and len({d[:4] for d in dates}) == len(dates)
        if item.generator == "event-date":
            event = next(e for text, e in events.items() if text in item.stem)
            assert item.correct_options[0].text == event.when
        if item.generator == "event-actor":
            event = next(e for text, e in events.items() if text in item.stem)
            assert item.correct_options[0].text in event.actors
            assert not {o.text for o in item.options if not o.correct} & set(event.actors)


def test_chapter_banks_ask_about_their_own_chapter(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = every_generator(banks["chapter-5"], real_content)
    for item in generate(bank, real_content, 8):
        assert item.anchor.startswith("05-"), item


def test_practice_and_exam_never_share_a_subject(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = replace(banks["chapter-4"], items=(), generate=(GenerateRequest("definition-term", "practice", 4),
                                                            GenerateRequest("definition-term", "exam", 4)))
    split = split_by_use(bank_items(bank, real_content, 9))
    assert len(split["practice"]) == len(split["exam"]) == 4
    assert not {i.concept for i in split["practice"]} & {i.concept for i in split["exam"]}
    assert [i.id for i in bank_items(bank, real_content, 9, use="practice")] == [i.id for i in split["practice"]]


def test_asking_for_more_than_the_data_allows_fails(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = banks["chapter-2"]
    most = capacity(bank, real_content, "definition-term")
    assert most == sum(1 for t in real_content.glossary.terms if t.chapter == 2)
    with pytest.raises(ValueError, match="asked for 99 item"):
        generate(replace(bank, generate=(GenerateRequest("definition-term", "practice", 99),)), real_content, 1)


def test_ordering_and_matching_are_never_shown_solved(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = every_generator(banks["final"], real_content, count=3)
    for seed in range(10):
        for item in bank_items(bank, real_content, seed):
            if item.type == "ordering":
                assert item.display != item.sequence and sorted(item.display) == sorted(item.sequence)
            if item.type == "matching":
                assert list(item.display) != [p.right for p in item.pairs]
