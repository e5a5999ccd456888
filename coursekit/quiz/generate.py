"""Questions generated from the course's own data (glossary and timeline), so quizzes follow the data.

Generators (the `generator:` of a bank's `generate:` entry):

- `term-definition`: a matching item, terms -> short definitions.
- `definition-term`: a single-choice item, which term a short definition describes.
- `timeline-order`: an ordering item, events in date order. Dates are ranges ("late 1990s" is 1996-1999, "2019"
  the whole year), events whose ranges overlap are never ordered against each other, events whose date the
  essay does not give (a `when` with a note in brackets, e.g. "2021 (before May)") are left out, and the
  feedback names every event's section.
- `event-date`: a single-choice item, when an event happened (events the essay dates only).
- `event-actor`: a single-choice item, which actor the timeline names for an event; a wrong answer is never
  a member of a group that took part, nor a group that includes one (`quizzes/generators.toml`).

Subjects come from the bank's chapter (all chapters for `final`); distractors come from the same data set,
the closest first (related terms, then the same chapter); definition-term draws them from the term's own
category (`quizzes/generators.toml`) and skips definitions that name one of them; its key is never the longest
option (a longer peer is swapped in; a term whose name is the longest of its category is not asked). A seeded
`random.Random` makes every choice, so a seed always gives the same items, and no subject is used twice by one
generator in one bank. Generated items are practice only (level `remember`). `capacity()` says how many items a
generator can make for a bank.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from coursekit.content.chapters import EXPLICIT_ID, GLOSSARY_LINK, HEADING
from coursekit.content.glossary import Term
from coursekit.content.load import CourseContent
from coursekit.content.timeline import Event
from coursekit.quiz.model import Bank, GenerateRequest, Item, Option, Pair

CHOICES = 4  # options of a generated single-choice item
MATCH_PAIRS = 4
ORDER_EVENTS = 4
MIN_GROUP = 3  # the fewest pairs / events a matching or ordering item may have
DATA_FILE = "generators.toml"
# Generated items ask for recognition or recall of the course's data: level `remember` (see item_writing.py).
GENERATED_LEVEL = "remember"


@dataclass(frozen=True)
class GeneratorData:
    """`quizzes/generators.toml`: actor groups (event-actor) and term categories (definition-term)."""

    members: dict[str, frozenset[str]]
    categories: dict[str, str]

    def category(self, term_id: str) -> str:
        return self.categories.get(term_id, "concept")

    def descendants(self, actor: str) -> set[str]:
        """Every member of a group, through nested groups."""
        out: set[str] = set()
        todo = list(self.members.get(actor, ()))
        while todo:
            member = todo.pop()
            if member not in out:
                out.add(member)
                todo += self.members.get(member, ())
        return out

    def related_actors(self, actor: str) -> set[str]:
        """The actor, the groups it belongs to and its members: none of them may be a wrong answer next to it."""
        ancestors = {group for group in self.members if actor in self.descendants(group)}
        return {actor} | ancestors | self.descendants(actor)


def load_generator_data(quizzes_dir: Path) -> GeneratorData:
    """Read `quizzes/generators.toml`; a missing or malformed file is a ValueError naming it."""
    path = quizzes_dir / DATA_FILE
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
    groups = data.get("actor_groups", {})
    categories = {term: name for name, terms in data.get("term_categories", {}).items() for term in terms}
    return GeneratorData({g: frozenset(m) for g, m in groups.items()}, categories)


def generator_data(content: CourseContent) -> GeneratorData:
    return content.quiz_generator_data


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
        made = [replace(item, level=GENERATED_LEVEL, path=bank.path, line=request.line)
                for item in ITEM_GENERATORS[request.generator](bank, content, subjects, request, rng, taken)]
        if len(made) < request.count:
            scope = f"chapter {bank.chapter}" if bank.chapter else "the course"
            shortfalls[index] = (f"generator '{request.generator}' asked for {request.count} item(s) but the "
                                 f"data of {scope} allows only {len(made)} more")
        items += made
    return items, shortfalls


def capacity(bank: Bank, content: CourseContent, generator: str) -> int:
    """How many items a generator can make for this bank in total (the same for every seed)."""
    request = GenerateRequest(generator=generator, use="practice", count=1000)
    return len(ITEM_GENERATORS[generator](bank, content, subjects_for(bank, content), request, random.Random(0), set()))


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
    data = generator_data(content)
    items = []
    # A definition that names its own term would give the answer away.
    usable = [t.id for t in subjects.terms if not _names(t.short, t)]
    for term_id in _pick(rng, usable, taken):
        if len(items) >= request.count:
            break
        term = by_id[term_id]
        category = data.category(term.id)
        # Wrong answers: terms of the same category that the definition does not name.
        peers = [t for t in subjects.all_terms
                 if t.id != term.id and data.category(t.id) == category and not _names(term.short, t)]
        same_chapter = [t.term for t in peers if t.chapter == term.chapter]
        related = [by_id[r].term for r in term.related if r in by_id and by_id[r] in peers]
        tiers = [related, same_chapter, [t.term for t in peers]]
        wrong = _distractors(rng, tiers, CHOICES - 1, {term.term})
        if _key_stands_out(term.term, wrong):  # a long key among short names is a cue: take names of like length
            wrong = sorted((t.term for t in peers), key=lambda name: (abs(len(name) - len(term.term)), name))
            wrong = wrong[: CHOICES - 1]
        if len(wrong) < CHOICES - 1 or _key_stands_out(term.term, wrong):
            continue
        outdone = _key_not_longest(term.term, wrong, tiers)  # the longest option is a cue too
        if outdone is None:
            continue
        wrong = outdone
        terms_by_name = {t.term: t for t in subjects.all_terms}
        explanation = chapter_explanation(content, term)
        options = [Option(term.term, True, f"Right. {explanation}")]
        options += [Option(name, False, f"Not this one: {name} means {_lower_first(terms_by_name[name].short)}")
                    for name in wrong]
        items.append(Item(
            id=_item_id(bank, request, term.id), type="single", use=request.use, quiz=bank.quiz,
            stem=f"Which term does this definition describe? {term.short}",
            concept=term.id, anchor=term_anchor(content, term), options=tuple(options), generator=request.generator,
        ))
        taken.add(term_id)
    return items


KEY_LENGTH_LIMIT = 1.25  # a generated key may be at most this many times the mean length of its distractors


def _key_stands_out(key: str, wrong: Sequence[str]) -> bool:
    return bool(wrong) and len(key) > KEY_LENGTH_LIMIT * sum(len(w) for w in wrong) / len(wrong)


def _key_not_longest(key: str, wrong: Sequence[str], tiers: Sequence[Sequence[str]]) -> list[str] | None:
    """The distractors, with the last one swapped for the shortest name longer than the key (from the closest tier
    that has one) when the key would otherwise be the longest option; None when no name is longer than the key."""
    if any(len(name) > len(key) for name in wrong):
        return list(wrong)
    for tier in tiers:
        longer = sorted({name for name in tier if len(name) > len(key)} - set(wrong), key=lambda n: (len(n), n))
        if longer:
            return [*wrong[:-1], longer[0]]
    return None


def _names(text: str, term: Term) -> bool:
    """Whether a text names a term (by its name without a bracketed note, or by its abbreviation)."""
    name = term.term.split(" (")[0].casefold()
    if name in text.casefold():
        return True
    return bool(term.abbr) and re.search(rf"\b{re.escape(term.abbr or '')}\b", text) is not None


def _lower_first(text: str) -> str:
    """'The EU's ...' -> 'the EU's ...' but 'EU jargon' stays (an acronym keeps its capitals)."""
    first = text.split(" ", 1)[0]
    return text if len(first) > 1 and (first.isupper() or first[1:2].isupper()) else text[:1].lower() + text[1:]


_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_CITATION = re.compile(r"\s*\[@[^\]]*\]")
_FOOTNOTE = re.compile(r"\[\^[^\]]*\]")
_ATTRS = re.compile(r"\{[^}]*\}")


def _plain(markdown: str) -> str:
    text = _CITATION.sub("", markdown)
    text = _FOOTNOTE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _ATTRS.sub("", text)
    return " ".join(re.sub(r"[*_`]", "", text).split())


# A sentence starting with one of these leans on the one before it, so it cannot explain a term on its own.
_DEICTIC = {"He", "She", "It", "Its", "This", "These", "They", "Their", "Read", "There", "The essay refers"}


def chapter_explanation(content: CourseContent, term: Term) -> str:
    """What the chapter says where it introduces a term (the sentence that links it, and the next one), as plain
    text naming the chapter; the glossary's own explanation when no chapter paragraph links the term."""
    chapters = sorted(content.chapters, key=lambda c: c.number != term.chapter)
    for chapter in chapters:
        for line in chapter.body.splitlines():
            if f"glossary.md#{term.id})" not in line:
                continue
            text = line.strip()
            if text.startswith(("|", "!!!", "#", ">", "<")):
                continue
            text = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", text)
            sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(])", text)
            at = next(i for i, part in enumerate(sentences) if f"glossary.md#{term.id})" in part)
            chosen = _plain(" ".join(sentences[at: at + 2]))
            if len(chosen) > 360:
                chosen = _plain(sentences[at])
            if 40 <= len(chosen) <= 360 and chosen.split(" ", 1)[0] not in _DEICTIC:
                return f"Chapter {chapter.number} explains: {chosen}"
    first = re.split(r"(?<=[.!?])\s+", _plain(term.definition))[0]
    return f"The glossary explains: {first}"


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


_DECADE = re.compile(r"\b(early|mid|late)?-?\s*(\d{3})0s\b", re.IGNORECASE)
_DECADE_PART = {"early": (0, 3), "mid": (3, 7), "late": (6, 9), None: (0, 9)}


def date_range(event: Event) -> tuple[str, str]:
    """The earliest and latest date an event may have, as sortable 'YYYY-MM-DD' strings: a year is the whole
    year, a month the whole month, 'late 1990s' 1996-1999, 'mid-2000s' 2003-2007."""
    decade = _DECADE.search(event.when)
    if decade:
        first, last = _DECADE_PART[decade.group(1).lower() if decade.group(1) else None]
        base = int(decade.group(2)) * 10
        return f"{base + first:04d}-01-01", f"{base + last:04d}-12-31"
    parts = event.date.split("-")
    low = "-".join([*parts, *["01"] * (3 - len(parts))])
    high = "-".join([*parts, *["12", "31"][len(parts) - 1:]]) if len(parts) < 3 else event.date
    return low, high


def overlaps(a: Event, b: Event) -> bool:
    (a_low, a_high), (b_low, b_high) = date_range(a), date_range(b)
    return a_low <= b_high and b_low <= a_high


def essay_dates(event: Event) -> bool:
    """Whether the essay gives the event's date: a `when` with a note in brackets is the course's inference."""
    return "(" not in event.when


def timeline_order(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
                   rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {e.id: e for e in subjects.all_events}
    items = []
    # Events whose text gives away their own year go last, so they are used only when needed.
    dated = [e.id for e in subjects.events if essay_dates(e)]
    order = sorted(_pick(rng, dated, taken), key=lambda i: _mentions_year(by_id[i]))
    while len(items) < request.count:
        group: list[Event] = []
        for event_id in order:
            event = by_id[event_id]
            if len(group) < ORDER_EVENTS and not any(overlaps(event, g) for g in group):
                group.append(event)
        if len(group) < MIN_GROUP:
            break
        order = [i for i in order if i not in {g.id for g in group}]
        group.sort(key=lambda e: date_range(e)[0])
        first = group[0]
        items.append(Item(
            id=_item_id(bank, request, first.id), type="ordering", use=request.use, quiz=bank.quiz,
            stem="Put these events in the order they happened, earliest first.",
            concept=None, anchor=event_anchor(content, first),
            sequence=tuple(short_event(e) for e in group),
            feedback="In date order: " + "; ".join(
                f"{e.when}: {short_event(e).rstrip('.')} ({event_section(content, e)})" for e in group) + ".",
            see_also=tuple(event_anchor(content, e) for e in group[1:]),
            generator=request.generator,
        ))
        taken.update(g.id for g in group)
    return items


def event_section(content: CourseContent, event: Event) -> str:
    """'chapter 5, “The FPA”': where the course discusses an event, in words."""
    chapter = content.chapter(event.chapter)
    heading = chapter.heading_ids.get(event.anchor or "")
    if not heading:
        return f"chapter {chapter.number}"
    return f"chapter {chapter.number}, “{re.sub(r'[*_`]', '', heading).strip()}”"


def event_date(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
               rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {e.id: e for e in subjects.all_events}

    def other_dates(event: Event) -> dict[str, Event]:
        return {e.when: e for e in subjects.all_events if essay_dates(e) and not overlaps(e, event)}

    usable = [e.id for e in subjects.events
              if essay_dates(e) and not _mentions_year(e) and len(other_dates(e)) >= CHOICES - 1]
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


def _safe_distractors(event: Event, events: Sequence[Event], data: GeneratorData) -> list[str]:
    """Actors that are clearly not part of the event: single actors (not groups), never a member of a group
    that took part nor a group one of whose members did, sharing no word with its actors, and never seen in the
    timeline next to any of them (no "Spain" when "EU Member States" took part)."""
    involved = set(event.actors)
    words = set().union(*(_name_words(a) for a in involved))
    near = {a for e in events if involved & set(e.actors) for a in e.actors}
    candidates = {a for e in events for a in e.actors if not _is_group(a, data)}
    return sorted(a for a in candidates - near - involved
                  if not _name_words(a) & words and not data.related_actors(a) & involved)


def _is_group(actor: str, data: GeneratorData) -> bool:
    """'EU Member States', 'Legal scholars': categories that may include the actors of an event, so never
    safe as a wrong answer."""
    if actor in data.members:
        return True
    last = actor.split()[-1]
    return last.islower() or (last.endswith("s") and not last.endswith("ss"))


def event_actor(bank: Bank, content: CourseContent, subjects: Subjects, request: GenerateRequest,
                rng: random.Random, taken: set[str]) -> list[Item]:
    by_id = {e.id: e for e in subjects.all_events}

    def hidden_actor(event: Event) -> str | None:
        return next((a for a in event.actors if not _named_in(a, event.event)), None)

    data = generator_data(content)
    usable = [e.id for e in subjects.events
              if hidden_actor(e) and len(_safe_distractors(e, subjects.all_events, data)) >= CHOICES - 1]
    items = []
    for event_id in _pick(rng, usable, taken):
        if len(items) >= request.count:
            break
        event = by_id[event_id]
        actor = hidden_actor(event)
        assert actor is not None
        safe = _safe_distractors(event, subjects.all_events, data)
        wrong = _distractors(rng, [safe], CHOICES - 1, set(event.actors))
        if _key_stands_out(actor, wrong):  # prefer names of like length, so length never cues the key
            wrong = sorted(safe, key=lambda name: (abs(len(name) - len(actor)), name))[: CHOICES - 1]
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


# generator name (a bank's `generate:` request) -> the function that makes its items.
ITEM_GENERATORS: dict[str, Generator] = {
    "term-definition": term_definition,
    "definition-term": definition_term,
    "timeline-order": timeline_order,
    "event-date": event_date,
    "event-actor": event_actor,
}
