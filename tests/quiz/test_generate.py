"""Generated items: reproducible for a seed, different for another, built only from the course's own data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from coursekit.content.load import CourseContent
from coursekit.quiz.bank import load_banks
from coursekit.quiz.generate import (
    ITEM_GENERATORS,
    capacity,
    date_range,
    essay_dates,
    event_anchor,
    generate,
    overlaps,
    short_event,
)
from coursekit.quiz.model import Bank, GenerateRequest
from coursekit.quiz.select import bank_items, split_by_use


@pytest.fixture(scope="module")
def banks(real_content: CourseContent) -> dict[str, Bank]:
    return {b.quiz: b for b in load_banks(real_content)}


def every_generator(bank: Bank, content: CourseContent, count: int = 1) -> Bank:
    """The bank asking every generator for `count` items, or as many as the data allows."""
    wanted = {g: min(count, capacity(bank, content, g)) for g in ITEM_GENERATORS}
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
    assert {i.generator for i in items} == set(ITEM_GENERATORS)
    for item in items:
        assert item.id.startswith("gen-final-") and item.use == "practice"
        if item.type == "single":
            assert len(item.options) == 4 and len(item.correct_options) == 1
            assert len({o.text for o in item.options}) == 4, item
        if item.generator == "term-definition":
            assert all(terms[p.left].short == p.right for p in item.pairs)
        if item.generator == "definition-term":
            key = terms[item.correct_options[0].text]
            assert key.short in item.stem
            data = real_content.quiz_generator_data
            for option in item.options:
                assert data.category(terms[option.text].id) == data.category(key.id), item
                assert option.correct or option.text.split(" (")[0].casefold() not in key.short.casefold(), item
            assert "glossary defines" not in item.options[0].feedback
        if item.generator == "timeline-order":
            shown = [events[text] for text in item.sequence]
            assert [date_range(e) for e in shown] == sorted(date_range(e) for e in shown)
            assert all(essay_dates(e) for e in shown), item
            assert not any(overlaps(a, b) for n, a in enumerate(shown) for b in shown[n + 1:]), item
            assert (item.anchor, *item.see_also) == tuple(event_anchor(real_content, e) for e in shown)
        if item.generator == "event-date":
            event = next(e for text, e in events.items() if text in item.stem)
            assert item.correct_options[0].text == event.when
        if item.generator == "event-actor":
            event = next(e for text, e in events.items() if text in item.stem)
            assert item.correct_options[0].text in event.actors
            assert not {o.text for o in item.options if not o.correct} & set(event.actors)
            for option in item.options:
                related = real_content.quiz_generator_data.related_actors(option.text)
                assert option.correct or not related & set(event.actors), item


def test_chapter_banks_ask_about_their_own_chapter(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = every_generator(banks["chapter-5"], real_content)
    for item in generate(bank, real_content, 8):
        assert item.anchor.startswith("05-"), item


def test_two_requests_never_share_a_subject(real_content: CourseContent, banks: dict[str, Bank]) -> None:
    bank = replace(banks["chapter-4"], items=(), generate=(GenerateRequest("definition-term", "practice", 3),
                                                            GenerateRequest("definition-term", "practice", 3)))
    items = split_by_use(bank_items(bank, real_content, 9))["practice"]
    assert len(items) == 6 and len({i.concept for i in items}) == 6
    assert all(i.level == "remember" for i in items)


def test_generated_items_are_practice_only(quiz_root, plant, real_content: CourseContent) -> None:
    from coursekit.quiz.bank import bank_problems
    from tests.quiz.banks import bank
    from tests.quiz.conftest import content_at

    plant("chapter-2.yml", bank(generate="  - generator: definition-term\n    use: exam\n    count: 1\n"))
    _, problems = bank_problems(content_at(real_content, quiz_root))
    assert len(problems) == 1 and "unknown value for 'use' 'exam'" in problems[0].problem


def test_a_definition_term_key_is_never_the_longest_option(real_content: CourseContent,
                                                            banks: dict[str, Bank]) -> None:
    """The longest option is a cue (`course check` warns): a longer peer of the key's category is swapped in, and
    "Instrumentalization of migration", the longest concept name, is not asked as a definition-term item at all."""
    from coursekit.checks.item_writing import key_is_longest
    from coursekit.quiz.select import SITE_SEED

    for bank in banks.values():
        most = capacity(bank, real_content, "definition-term")
        every = replace(bank, items=(), generate=(GenerateRequest("definition-term", "practice", most),))
        for seed in (SITE_SEED, *range(12)):
            items = generate(every, real_content, seed)
            assert items and not [i.id for i in items if key_is_longest(i)], (bank.quiz, seed)
            assert "instrumentalization" not in {i.concept for i in items}
    assert capacity(banks["chapter-5"], real_content, "definition-term") >= 1


def test_event_actor_never_offers_a_member_of_a_group_that_took_part(real_content: CourseContent) -> None:
    """The mid-2000s consultations list "EU Member States": Spain is part of them, so never a wrong answer."""
    from coursekit.quiz.generate import _safe_distractors

    events = real_content.timeline.events
    consultations = next(e for e in events if "EU Member States" in e.actors)
    safe = _safe_distractors(consultations, events, real_content.quiz_generator_data)
    assert "Spain" not in safe and "Morocco" not in safe
    assert "Spain" in real_content.quiz_generator_data.related_actors("European Union")


def test_timeline_dates_are_ranges(real_content: CourseContent) -> None:
    """"Late 1990s" and "1999" overlap, so no ordering item puts one before the other; an undated event
    (a `when` with a note in brackets) is never ordered."""
    events = {e.id: e for e in real_content.timeline.events}
    late_nineties = next(e for e in events.values() if "late 1990s" in e.when)
    nineteen_99 = next(e for e in events.values() if e.when == "1999")
    assert overlaps(late_nineties, nineteen_99)
    assert date_range(nineteen_99) == ("1999-01-01", "1999-12-31")
    undated = [e for e in events.values() if not essay_dates(e)]
    assert undated and all("(" in e.when for e in undated)
    bank = replace(every_generator(load_banks(real_content)[-1], real_content, count=3))
    for item in generate(bank, real_content, 5):
        if item.generator == "timeline-order":
            assert not {short_event(e) for e in undated} & set(item.sequence)


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
