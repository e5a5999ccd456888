"""The actors map: who backed, challenged, ruled on or retaliated against whom in the Morocco case (chapter 5).

Drawn at build time from docs/_data/actors.yml. Each relation is an arrow with a number; the numbered list under
the figure (its text alternative) says what happened, when, on whose authority (the essay or the record) and cites
it. Line styles tell the kinds apart without colour alone; a legend inside the drawing names them.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from coursekit.content.actors import BOX_H, BOX_W, DRAWING_HEIGHT, DRAWING_WIDTH, RELATION_KINDS
from coursekit.pages.figures.svg import figure, link, page_href, svg_open, text, wrap
from coursekit.pages.text import md_text

if TYPE_CHECKING:
    from coursekit.content.actors import Actor, ActorsMap, Relation
    from coursekit.content.load import CourseContent
    from coursekit.registry import Registry

MARKER = "actors-map"
LEGEND_TOP = DRAWING_HEIGHT + 20
HEIGHT = LEGEND_TOP + 3 * 22 + 34
KIND_WORDS = {
    "backed": "backed", "agreed": "agreed with", "challenged": "challenged in court", "ruled": "ruled on",
    "hosted": "hosted the leader of", "retaliated": "is accused of retaliating against",
}
BASIS_WORDS = {"essay": "the essay", "record": "the official record"}



def _edge_of_box(centre: tuple[float, float], toward: tuple[float, float], gap: float = 3) -> tuple[float, float]:
    """Where the line from a box's centre toward a point leaves the box (plus a small gap)."""
    (cx, cy), (tx, ty) = centre, toward
    dx, dy = tx - cx, ty - cy
    if dx == dy == 0:
        return centre
    scale = min((BOX_W / 2) / abs(dx) if dx else math.inf, (BOX_H / 2) / abs(dy) if dy else math.inf)
    length = math.hypot(dx, dy)
    return cx + dx * scale + dx / length * gap, cy + dy * scale + dy / length * gap


def _geometry(source: Actor, target: Actor, bend: float) -> tuple[str, tuple[float, float]]:
    """SVG path data of the arrow (straight, or a quadratic curve when bent) and the point for its number."""
    (x1, y1), (x2, y2) = source.at, target.at
    length = math.hypot(x2 - x1, y2 - y1) or 1
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length  # left of the direction of travel (y grows downwards)
    control = ((x1 + x2) / 2 + nx * bend * 2, (y1 + y2) / 2 + ny * bend * 2)
    start, end = _edge_of_box(source.at, control), _edge_of_box(target.at, control, gap=6)
    middle = (0.25 * start[0] + 0.5 * control[0] + 0.25 * end[0], 0.25 * start[1] + 0.5 * control[1] + 0.25 * end[1])
    d = (f"M{start[0]:.1f},{start[1]:.1f} Q{control[0]:.1f},{control[1]:.1f} {end[0]:.1f},{end[1]:.1f}"
         if bend else f"M{start[0]:.1f},{start[1]:.1f} L{end[0]:.1f},{end[1]:.1f}")
    return d, middle


def sentence(data: ActorsMap, relation: Relation) -> str:
    """One relation in words, without its citation: the text alternative's line and the arrow's tooltip."""
    source, target = data.actor(relation.source).name, data.actor(relation.target).name
    return f"{source} {KIND_WORDS[relation.kind]} {target} ({relation.when}): {relation.label}"


def render_svg(content: CourseContent, from_uri: str) -> str:
    data: ActorsMap = content.actors_map
    parts = [svg_open("actors-map__svg", "actors-map", DRAWING_WIDTH, HEIGHT, data.title, data.description),
             "<defs>"]
    for kind in RELATION_KINDS:
        parts.append(f'<marker id="actors-map-arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                     f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
                     f'class="actors-map__head actors-map__head--{kind}"/></marker>')
    parts.append("</defs>")
    badges = []
    for number, relation in enumerate(data.relations, start=1):
        d, (mx, my) = _geometry(data.actor(relation.source), data.actor(relation.target), relation.bend)
        parts.append(
            f'<g class="actors-map__relation" data-relation="{number}" data-from="{escape(relation.source)}" '
            f'data-to="{escape(relation.target)}" data-kind="{relation.kind}">'
            f"<title>{number}. {escape(sentence(data, relation))}</title>"
            f'<path d="{d}" class="actors-map__edge actors-map__edge--{relation.kind}" '
            f'marker-end="url(#actors-map-arrow-{relation.kind})"/></g>')
        badges.append(f'<g class="actors-map__badge" aria-hidden="true"><circle cx="{mx:.1f}" cy="{my:.1f}" r="9"/>'
                      + text(mx, my + 4, str(number), "actors-map__number", "middle") + "</g>")
    parts += badges  # numbers above every line, so no line crosses a number
    for actor in data.actors:
        x, y = actor.at
        lines = wrap(actor.name, 16)
        first = y + 5 - 8 * (len(lines) - 1)
        labels = "".join(text(x, first + 16 * i, line, "actors-map__name", "middle") for i, line in enumerate(lines))
        css = "actors-map__actor" + (" actors-map__actor--community" if actor.community else "")
        body = (f'<g class="{css}" data-actor="{escape(actor.id)}"><rect x="{x - BOX_W / 2:.1f}" '
                f'y="{y - BOX_H / 2:.1f}" width="{BOX_W}" height="{BOX_H}" rx="8"/>{labels}</g>')
        if actor.term:
            body = link(page_href("glossary.md", from_uri, actor.term), body)
        parts.append(body)
    parts.append(_legend())
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> str:
    items = []
    for index, kind in enumerate(RELATION_KINDS):
        column, row = index % 2, index // 2
        x, y = 10 + column * 200, LEGEND_TOP + row * 22
        items.append(f'<path d="M{x},{y} L{x + 34},{y}" class="actors-map__edge actors-map__edge--{kind}" '
                     f'marker-end="url(#actors-map-arrow-{kind})"/>'
                     + text(x + 44, y + 4, kind, "actors-map__legend"))
    y = LEGEND_TOP + 3 * 22 + 4
    items.append(f'<rect x="10" y="{y - 9}" width="34" height="18" rx="4" class="actors-map__legend-box"/>'
                 + text(54, y + 4, "thick border: in the essay's \u201ccommunity of interests\u201d",
                        "actors-map__legend"))
    return '<g class="actors-map__legend-group">' + "".join(items) + "</g>"


def text_alternative(content: CourseContent) -> str:
    """The numbered relations in words, each with its basis and citation; then the community of interests."""
    data = content.actors_map
    lines = []
    for number, relation in enumerate(data.relations, start=1):
        lines.append(f"{number}. {md_text(sentence(data, relation))}. *Source: {BASIS_WORDS[relation.basis]}* "
                     f"{relation.cite}")
    members = ", ".join(md_text(a.name) for a in data.actors if a.community)
    lines.append("")
    lines.append(f"Thick border, the essay's \u201ccommunity of interests\u201d: {members} "
                 "[@cassarino2021instrumentalization, sec. 5].")
    return "\n".join(lines)


def render_actors_map(content: CourseContent, from_uri: str) -> str:
    """Markdown for a page: the figure, then its numbered relations (the text alternative) in a details block."""
    caption = (f"{escape(content.actors_map.title)}. Numbers refer to the list below; the boxes with a glossary "
               "entry link to it.")
    return (figure("actors-map", render_svg(content, from_uri), caption)
            + '\n\n??? note "The relations in words, with their sources"\n'
            + "\n".join("    " + line if line else "" for line in text_alternative(content).splitlines()) + "\n")


def register(registry: Registry) -> None:
    registry.add_marker(MARKER, render_actors_map)
