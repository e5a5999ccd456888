"""The locator map of the western Mediterranean: Spain, Morocco, Western Sahara, Ceuta, Melilla, the Strait.

Drawn at build time from docs/_data/locator-map.yml and Natural Earth shapes (see geo.py); no tiles, no script, no
request at read time. Western Sahara is drawn as the source data outlines it, hatched and labelled with the
status the United Nations lists, so the map shows the dispute without taking a side.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from coursekit.pages.figures.geo import project
from coursekit.pages.figures.svg import figure, link, page_href, svg_open, text
from coursekit.pages.text import md_text

if TYPE_CHECKING:
    from coursekit.content.load import CourseContent
    from coursekit.content.locator_map import LocatorMap
    from coursekit.registry import Registry

WIDTH = 420
MARKER = "locator-map"
LABEL_GAP = 7
ROLE_WORDS = {"focus": "", "disputed": " (status disputed)", "context": ""}


def _projection(content: CourseContent) -> dict:
    data: LocatorMap = content.locator_map
    request = {
        "width": WIDTH,
        "extent": data.extent,
        "countries": [{"key": f"{area.id}:{i}", "atlas_id": shape.atlas_id,
                       **({"north_of": shape.north_of} if shape.north_of is not None else {}),
                       **({"south_of": shape.south_of} if shape.south_of is not None else {})}
                      for area in data.areas for i, shape in enumerate(area.shapes)],
        "points": {**{f"area:{a.id}": list(a.label_at) for a in data.areas},
                   **{f"place:{p.id}": list(p.at) for p in data.places}},
    }
    return project(request, content.paths.node_modules, content.paths.cache, data.path)


def render_svg(content: CourseContent, from_uri: str) -> str:
    """The map as inline SVG; places that a chapter discusses link to that section."""
    data = content.locator_map
    projected = _projection(content)
    width, height, points = projected["width"], projected["height"], projected["points"]
    parts = [
        svg_open("locator-map__svg", "locator-map", width, height, data.title, data.description),
        '<defs><pattern id="locator-map-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="locator-map__hatch-line"/>'
        "</pattern></defs>",
        f'<rect x="0" y="0" width="{width}" height="{height}" class="locator-map__sea"/>',
        f'<path d="{projected["graticule"]}" class="locator-map__graticule"/>',
    ]
    # Disputed areas last, on an opaque base: the atlas's shapes of a disputed territory and of a state that
    # claims it may overlap, and the territory's own outline must stay whole and visible.
    for area in sorted(data.areas, key=lambda a: a.role == "disputed"):
        shape = "".join(projected["shapes"][f"{area.id}:{i}"]["d"] for i in range(len(area.shapes)))
        if area.role == "disputed":
            parts.append(f'<path d="{shape}" class="locator-map__area locator-map__area--base"/>')
        # The hatch is an attribute, not only CSS: the PDF prefixes ids and rewrites url(#...) in attributes.
        hatch = ' fill="url(#locator-map-hatch)"' if area.role == "disputed" else ""
        parts.append(f'<path d="{shape}" class="locator-map__area locator-map__area--{area.role}"{hatch} '
                     f'data-area="{escape(area.id)}"/>')
    for area in data.areas:
        x, y = points[f"area:{area.id}"]
        parts.append(text(x, y, area.name, f"locator-map__area-label locator-map__area-label--{area.role}",
                          "middle"))
        if area.role == "disputed":
            parts.append(text(x, y + 15, "non-self-governing territory", "locator-map__small", "middle"))
            parts.append(text(x, y + 29, "(UN list)", "locator-map__small", "middle"))
    for place in data.places:
        x, y = points[f"place:{place.id}"]
        anchor = "start" if place.side == "right" else "end"
        lx = x + LABEL_GAP if place.side == "right" else x - LABEL_GAP
        if place.kind == "water":
            mark = ""
            label = text(lx, y + 4, place.name, "locator-map__water", anchor)
        else:
            mark = (f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" class="locator-map__capital"/>'
                    if place.kind == "capital" else
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" class="locator-map__city"/>')
            label = text(lx, y + 5, place.name, "locator-map__place-label", anchor)
        body = f'<g class="locator-map__place" data-place="{escape(place.id)}">{mark}{label}</g>'
        if place.chapter is not None:
            href = page_href(content.chapter(place.chapter).src_uri, from_uri, place.anchor)
            body = link(href, body)
        parts.append(body)
    parts.append("</svg>")
    return "".join(parts)


def text_alternative(content: CourseContent, from_uri: str) -> str:
    """The same map in words: each area and place with its note, for screen readers, print and search."""
    data = content.locator_map
    lines = []
    for area in data.areas:
        if area.note:
            cite = f" {area.cite}" if area.cite else ""
            lines.append(f"- **{md_text(area.name)}**{ROLE_WORDS[area.role]}: {md_text(area.note)}{cite}")
    for place in data.places:
        name = md_text(place.name)
        if place.chapter is not None:
            name = f"[{name}]({page_href(content.chapter(place.chapter).src_uri, from_uri, place.anchor, built=False)})"
        cite = f" {place.cite}" if place.cite else ""
        lines.append(f"- **{name}**: {md_text(place.note)}{cite}")
    return "\n".join(lines)


def render_locator_map(content: CourseContent, from_uri: str) -> str:
    """Markdown for a page: the figure, then the text alternative inside a details block."""
    caption = (f"{escape(content.locator_map.title)}. Map data: Natural Earth (public domain), through the "
               "world-atlas package; Mercator projection.")
    return (
        figure("locator-map", render_svg(content, from_uri), caption)
        + '\n\n??? note "The map in words"\n'
        + "\n".join("    " + line for line in text_alternative(content, from_uri).splitlines())
        + "\n"
    )


def register(registry: Registry) -> None:
    registry.add_marker(MARKER, render_locator_map)
