"""Questions generated from the course's own data (glossary and timeline), so quizzes follow the data.

Generators (the `generator:` of a bank's `generate:` entry):

- `term-definition`: a matching item, terms -> short definitions.
- `definition-term`: a single-choice item, which term a short definition describes.
- `timeline-order`: an ordering item, events in date order (distinct years, so the order is unambiguous).
- `event-date`: a single-choice item, when an event happened.
- `event-actor`: a single-choice item, which actor the timeline names for an event.

Subjects come from the bank's chapter (all chapters for `final`); distractors come from the same data set,
the closest first (related terms, then the same chapter). A seeded `random.Random` makes every choice, so a
seed always gives the same items, and no subject is used twice by one generator in one bank (practice and
exam items never share a subject). `capacity()` says how many items a generator can make for a bank.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from coursekit.content.chapters import EXPLICIT_ID, GLOSSARY_LINK, HEADING
from coursekit.content.glossary import Term
from coursekit.content.load import CourseContent
from coursekit.content.timeline import Event
from coursekit.quiz.model import Bank, GenerateRequest, Item, Option, Pair

CHOICES = 4  # options of a generated single-choice item
MATCH_PAIRS = 4
ORDER_EVENTS = 4
MIN_GROUP = 3  # the fewest pairs / events a matching or ordering item may have


@dataclass(frozen=True)
class Subjects:
    """The terms and events a bank's questions are about, and the whole data set for distractors."""

    terms: tuple[Term, ...]
    events: tuple[Event, ...]
    all_terms: tuple[Term, ...]
    all_events: tuple[Event, ...]


def subjects_for(bank: Bank, content: CourseContent) -> Subjects:
    terms, events = content.glossary.terms, content.timeline.events
    if bank.chapter is not None:
        return Subjects(tuple(t for t in terms if t.chapter == bank.chapter),
                        tuple(e for e in events if e.chapter == bank.chapter), terms, events)
    return Subjects(terms, events, terms, events)


def generate(bank: Bank, content: CourseContent, seed: int | str) -> list[Item]:
    """All generated items of a bank, in request order; raises ValueError when a request asks too much."""
    items, shortfalls = run_requests(bank, content, seed)
    if shortfalls:
        raise ValueError("; ".join(shortfalls.values()))
    return items


def run_requests(bank: Bank, content: CourseContent, seed: int | str) -> tuple[list[Item], dict[int, str]]:
    """Generated items, and a message for each request (by index) that could not be met in full."""
    subjects = subjects_for(bank, content)
    used: dict[str, set[str]] = {}
    items: list[Item] = []
    shortfalls: dict[int, str] = {}
    for index, request in enumerate(bank.generate):
        rng = random.Random(f"{seed}:{bank.quiz}:{index}:{request.generator}")
        taken = used.setdefault(request.generator, set())
        made = GENERATORS[request.generator](bank, content, subjects, request, rng, taken)
        if len(made) < request.count:
            scope = f"chapter {bank.chapter}" if bank.chapter else "the course"
            shortfalls[index] = (f"generator '{request.generator}' asked for {request.count} item(s) but the "
                                 f"data of {scope} allows only {len(made)} more")
        items += made
    return items, shortfalls


def capacity(bank: Bank, content: CourseContent, generator: str) -> int:
    """How many items a generator can make for this bank in total (the same for every seed)."""
    request = GenerateRequest(generator=generator, use="practice", count=1000)
    return len(GENERATORS[generator](bank, content, subjects_for(bank, content), request, random.Random(0), set()))


# ------------------------------------------------------------------------------------------- helpers


def term_anchor(content: CourseContent, term: Term) -> str:
    """The chapter section where a term is first linked (its own chapter first), as `stem#heading-id`."""
    chapters = sorted(content.chapters, key=lambda c: c.number != term.chapter)
    for chapter in chapters:
        link = next((m for m in GLOSSARY_LINK.finditer(chapter.body) if m.group(1) == term.id), None)
        if link is None:
            continue
        heading = None
        for match in HEADING.finditer(chapter.body, 0, link.start()):
            explicit = EXPLICIT_ID.search(match.group(3) or "")
            if explicit:
                heading = explicit.group(1)
        return f"{chapter.stem}#{heading}" if heading else chapter.stem
    return content.chapter(term.chapter).stem


def event_anchor(content: CourseContent, event: Event) -> str:
    stem = content.chapter(event.chapter).stem
    return f"{stem}#{event.anchor}" if event.anchor else stem


def short_event(event: Event) -> str:
    """An event's text up to its first ';' (the rest is commentary), ending with a full stop."""
    head = event.event.split(";", 1)[0].strip().rstrip(".")
    return head + "."


def _mentions_year(event: Event) -> bool:
    return re.search(rf"\b{event.year}\b", event.event) is not None


def _distractors(rng: random.Random, tiers: Sequence[Sequence[str]], count: int, exclude: set[str]) -> list[str]:
    """Up to `count` distinct values, drawn tier by tier (closest first), each tier shuffled."""
    chosen: list[str] = []
    for tier in tiers:
        pool = sorted({v for v in tier if v not in exclude and v not in chosen})
        rng.shuffle(pool)
        chosen += pool[: count - len(chosen)]
        if len(chosen) >= count:
            break
    return chosen


def _item_id(bank: Bank, request: GenerateRequest, subject: str) -> str:
    return f"gen-{bank.quiz}-{request.generator}-{subject}"


def _pick(rng: random.Random, candidates: Sequence[str], taken: set[str]) -> list[str]:
    """Unused candidates in a seeded random order."""
    pool = sorted(c for c in candidates if c not in taken)
    rng.shuffle(pool)
    return pool


# ---------------------------------------------------------------------------------------- generators

Generator = Callable[[Bank, CourseContent, Subjects, GenerateRequest, random.Random, set[str]], list[Item]]


def definition_term(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
                    rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {t.id: t for t in subjects.all_terms}
    # A definition that names its own term would give the answer away.
    usable = [t.id for t in subjects.terms if t.term.split(" (")[0].casefold() not in t.short.casefold()]
    items = []
    for term_id in _pick(rng, usable, taken)[: request.count]:
        term = by_id[term_id]
        same_chapter = [t.term for t in subjects.all_terms if t.chapter == term.chapter]
        others = [t.term for t in subjects.all_terms]
        related = [by_id[r].term for r in term.related if r in by_id]
        wrong = _distractors(rng, [related, same_chapter, others], CHOICES - 1, {term.term})
        terms_by_name = {t.term: t for t in subjects.all_terms}
        options = [Option(term.term, True, f"Right: this is how the glossary defines {term.term}.")]
        options += [Option(name, False, f"Not this one: {name} means: {terms_by_name[name].short}") for name in wrong]
        items.append(Item(
            id=_item_id(bank, request, term.id), type="single", use=request.use, quiz=bank.quiz,
            stem=f"Which term does this definition describe? “{term.short}”",
            concept=term.id, anchor=term_anchor(content, term), options=tuple(options), generator=request.generator,
        ))
        taken.add(term_id)
    return items


def term_definition(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
                    rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {t.id: t for t in subjects.all_terms}
    items = []
    order = _pick(rng, [t.id for t in subjects.terms], taken)
    while len(items) < request.count and len(order) >= 2:
        group, order = order[:MATCH_PAIRS], order[MATCH_PAIRS:]
        if len(order) == 1:  # never leave a single term behind for the next item
            group, order = [*group, order[0]], []
        first = by_id[group[0]]
        padding = _distractors(rng, [first.related, [t.id for t in subjects.all_terms]],
                               max(0, MIN_GROUP - len(group)), set(group))
        terms = [by_id[i] for i in (*group, *padding)]
        items.append(Item(
            id=_item_id(bank, request, first.id), type="matching", use=request.use, quiz=bank.quiz,
            stem="Match each term with its short definition.",
            concept=first.id, anchor=term_anchor(content, first),
            pairs=tuple(Pair(t.term, t.short) for t in terms),
            feedback="The definitions are the glossary's short definitions; the glossary page gives the full ones.",
            generator=request.generator,
        ))
        taken.update(group)
    return items


def timeline_order(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
                   rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {e.id: e for e in subjects.all_events}
    items = []
    # Events whose text gives away their own year go last, so they are used only when needed.
    order = sorted(_pick(rng, [e.id for e in subjects.events], taken), key=lambda i: _mentions_year(by_id[i]))
    while len(items) < request.count:
        group: list[Event] = []
        for event_id in order:
            event = by_id[event_id]
            if len(group) < ORDER_EVENTS and all(event.year != g.year for g in group):
                group.append(event)
        if len(group) < MIN_GROUP:
            break
        order = [i for i in order if i not in {g.id for g in group}]
        group.sort(key=lambda e: e.date)
        first = group[0]
        items.append(Item(
            id=_item_id(bank, request, first.id), type="ordering", use=request.use, quiz=bank.quiz,
            stem="Put these events in the order they happened, earliest first.",
            concept=None, anchor=event_anchor(content, first),
            sequence=tuple(short_event(e) for e in group),
            feedback="In date order: " + "; ".join(f"{e.when}: {short_event(e).rstrip('.')}" for e in group) + ".",
            generator=request.generator,
        ))
        taken.update(g.id for g in group)
    return items


def event_date(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
               rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {e.id: e for e in subjects.all_events}

    def other_dates(event: Event) -> dict[str, Event]:
        return {e.when: e for e in subjects.all_events if e.year != event.year}

    usable = [e.id for e in subjects.events if not _mentions_year(e) and len(other_dates(e)) >= CHOICES - 1]
    items = []
    for event_id in _pick(rng, usable, taken)[: request.count]:
        event = by_id[event_id]
        by_when = other_dates(event)
        wrong = _distractors(rng, [list(by_when)], CHOICES - 1, {event.when})
        options = [Option(event.when, True, f"Right: the timeline dates this event to {event.when}.")]
        options += [Option(w, False, f"No: {w} is the date of another event: {short_event(by_when[w])}")
                    for w in wrong]
        items.append(Item(
            id=_item_id(bank, request, event.id), type="single", use=request.use, quiz=bank.quiz,
            stem=f"When did this happen? {short_event(event)}", concept=None,
            anchor=event_anchor(content, event), options=tuple(options), generator=request.generator,
        ))
        taken.add(event_id)
    return items


# Words too common in actor names to tell actors apart ("European Commission" vs "European Union").
_COMMON_WORDS = {"european", "union", "member", "states", "southern", "mediterranean", "countries"}


def _name_words(name: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]+", name) if len(w) >= 4}


def _named_in(actor: str, text: str) -> bool:
    """Whether an event's text already names the actor, in full, by a distinctive word or by its initials
    ("the EU" names "European Union"): then asking for it would give the answer away."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", actor) if w[0].isupper())
    return (actor.casefold() in text.casefold() or bool((_name_words(actor) - _COMMON_WORDS) & _name_words(text))
            or (len(initials) >= 2 and re.search(rf"\b{initials}\b", text) is not None))


def _safe_distractors(event: Event, events: Sequence[Event]) -> list[str]:
    """Actors that are clearly not part of the event: single actors (not groups) that share no word with its
    actors and never appear in the timeline next to any of them (no "Spain" when "EU Member States" took part)."""
    involved = set(event.actors)
    words = set().union(*(_name_words(a) for a in involved))
    near = {a for e in events if involved & set(e.actors) for a in e.actors}
    candidates = {a for e in events for a in e.actors if not _is_group(a)}
    return sorted(candidates - near - involved - {a for a in candidates if _name_words(a) & words})


def _is_group(actor: str) -> bool:
    """'EU Member States', 'Legal scholars': categories that may include the actors of an event, so never
    safe as a wrong answer."""
    last = actor.split()[-1]
    return last.islower() or (last.endswith("s") and not last.endswith("ss"))


def event_actor(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
                rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {e.id: e for e in subjects.all_events}

    def hidden_actor(event: Event) -> str | None:
        return next((a for a in event.actors if not _named_in(a, event.event)), None)

    usable = [e.id for e in subjects.events
              if hidden_actor(e) and len(_safe_distractors(e, subjects.all_events)) >= CHOICES - 1]
    items = []
    for event_id in _pick(rng, usable, taken)[: request.count]:
        event = by_id[event_id]
        actor = hidden_actor(event)
        assert actor is not None
        wrong = _distractors(rng, [_safe_distractors(event, subjects.all_events)], CHOICES - 1, set(event.actors))
        named = ", ".join(event.actors)
        options = [Option(actor, True, f"Right: the timeline names {named} for this event.")]
        options += [Option(a, False, f"No: the timeline names {named} for this event, not {a}.") for a in wrong]
        items.append(Item(
            id=_item_id(bank, request, event.id), type="single", use=request.use, quiz=bank.quiz,
            stem=f"According to the course timeline, which of these actors took part? {short_event(event)}",
            concept=None, anchor=event_anchor(content, event), options=tuple(options), generator=request.generator,
        ))
        taken.add(event_id)
    return items


GENERATORS: dict[str, Generator] = {
    "term-definition": term_definition,
    "definition-term": definition_term,
    "timeline-order": timeline_order,
    "event-date": event_date,
    "event-actor": event_actor,
}
