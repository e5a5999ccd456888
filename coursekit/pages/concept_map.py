"""The concept map, drawn at build time as an accessible inline SVG with a text alternative (no JS library).

The layout is the essay's argument (docs/_data/concept-map.yml): a loop of concepts in one column, read top to
bottom and then back up along the left edge, with side concepts in a right-hand column. The drawing is portrait
and at most about 34rem wide, so its 14-17px text stays readable on a 390px phone. Each box links to the chapter
section that teaches the concept; the numbered list below the figure gives every link in words.
"""

from __future__ import annotations

from html import escape

from coursekit.content.concept_map import Edge, Node
from coursekit.content.load import CourseContent
from coursekit.pages.figures.svg import wrap
from coursekit.pages.text import md_text

WIDTH = 466
LOOP_X, LOOP_W, BOX_H = 40, 210, 52  # the loop column
SIDE_X, SIDE_W = 272, 188  # the right-hand column
TOP, ROW = 16, 150  # y of the first row, distance between rows
RETURN_X = 14  # the loop's way back up, left of the column
LINE = 19  # px between lines of text



def _name(content: CourseContent, node: Node) -> str:
    return node.label or content.glossary.get(node.id).term


def _href(content: CourseContent, node: Node) -> str:
    chapter = next(c for c in content.chapters if c.stem == node.chapter_stem)
    return chapter.src_uri.replace(".md", ".html") + f"#{node.anchor}"


class _Layout:
    """Where each box is: (x, y, width, height), in the SVG's own units."""

    def __init__(self, content: CourseContent) -> None:
        self.boxes: dict[str, tuple[float, float, float, float]] = {}
        self.lines: dict[str, list[str]] = {}
        self.notes: dict[str, list[str]] = {}
        cmap = content.concept_map
        for index, node in enumerate(cmap.loop):
            self.boxes[node.id] = (LOOP_X, TOP + index * ROW, LOOP_W, BOX_H)
            self.lines[node.id] = [_name(content, node)]
        for node in cmap.beside:
            name = wrap(_name(content, node), 16)
            notes = wrap(node.note, 20) if node.note else []
            height = 16 + LINE * len(name) + (LINE + 1) * len(notes)
            y = TOP + (node.row or 0) * ROW + BOX_H / 2 - height / 2
            self.boxes[node.id] = (SIDE_X, y, SIDE_W, height)
            self.lines[node.id] = name
            self.notes[node.id] = notes
        self.height = max(y + h for _, y, _, h in self.boxes.values()) + 60


def _box(content: CourseContent, node: Node, layout: _Layout) -> str:
    x, y, w, h = layout.boxes[node.id]
    side = node.place == "beside"
    first = y + 22 if side else y + h / 2 + 6
    texts = "".join(
        f'<text x="{x + w / 2}" y="{first + i * LINE}" text-anchor="middle">{escape(line)}</text>'
        for i, line in enumerate(layout.lines[node.id]))
    below = first + len(layout.lines[node.id]) * LINE + 2
    texts += "".join(f'<text x="{x + w / 2}" y="{below + i * (LINE + 1)}" text-anchor="middle" '
                     f'class="concept-map__note">{escape(line)}</text>'
                     for i, line in enumerate(layout.notes.get(node.id, [])))
    kind = "concept-map__node concept-map__node--side" if side else "concept-map__node"
    return (f'<a class="{kind}" href="{escape(_href(content, node))}">'
            f"<title>{escape(_name(content, node))}: read the section that teaches it</title>"
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8"/>{texts}</a>')


def _path(d: str) -> str:
    return f'<path d="{d}" class="concept-map__edge" marker-end="url(#concept-arrow)"/>'


def _loop_label(edge: Edge, cx: float, gap_top: float, gap_bottom: float) -> str:
    """A label on a vertical arrow: centred lines on a patch of the page's background."""
    lines = wrap(edge.label, 24)
    mid = (gap_top + gap_bottom) / 2
    top = mid - len(lines) * LINE / 2
    width = max(len(line) for line in lines) * 8.4 + 12
    parts = [f'<rect x="{cx - width / 2}" y="{top - 3}" width="{width}" height="{len(lines) * LINE + 6}" '
             'class="concept-map__label-bg"/>']
    parts += [f'<text x="{cx}" y="{top + 13 + i * LINE}" text-anchor="middle" class="concept-map__label">'
              f"{escape(line)}</text>" for i, line in enumerate(lines)]
    return "".join(parts)


def _edge(edge: Edge, content: CourseContent, layout: _Layout) -> str:
    cmap = content.concept_map
    sx, sy, sw, sh = layout.boxes[edge.source]
    tx, ty, tw, th = layout.boxes[edge.target]
    source, target = cmap.node(edge.source), cmap.node(edge.target)
    if source.place == "loop" and target.place == "loop":
        if ty > sy:  # down the column
            cx = LOOP_X + LOOP_W / 2
            return _path(f"M{cx},{sy + sh + 2} L{cx},{ty - 4}") + _loop_label(edge, cx, sy + sh, ty)
        # back up: out of the left side, up the margin, into the first box
        d = f"M{sx},{sy + sh / 2} L{RETURN_X},{sy + sh / 2} L{RETURN_X},{ty + th / 2} L{tx - 4},{ty + th / 2}"
        lines = wrap(edge.label, 26)
        text = "".join(f'<text x="{RETURN_X}" y="{sy + sh + 24 + i * LINE}" class="concept-map__label">'
                       f"{escape(('↑ ' if i == 0 else '') + line)}</text>" for i, line in enumerate(lines))
        return _path(d) + text
    # between a side box and a loop box: short straight arrows between the columns
    if source.place == "beside":
        start = (sx, sy + sh / 2)
        end = (tx + tw + 4, min(max(sy + sh / 2, ty + 10), ty + th - 10))
    else:
        start = (sx + sw, min(max(ty + th / 2, sy + 10), sy + sh - 10))
        end = (tx - 4, ty + th / 2)
    return _path(f"M{start[0]},{start[1]} L{end[0]},{end[1]}")


def render_svg(content: CourseContent) -> str:
    """The loop, the side concepts and every edge; each box a link to the section that teaches it."""
    cmap = content.concept_map
    layout = _Layout(content)
    loop = " → ".join(_name(content, n) for n in cmap.loop)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="concept-map__svg" viewBox="0 0 {WIDTH} '
        f'{layout.height:.0f}" role="group" aria-labelledby="concept-map-title concept-map-desc">',
        '<title id="concept-map-title">Concept map: the essay\'s argument as a loop</title>',
        '<desc id="concept-map-desc">' + escape(
            f"A loop: {loop}, and back to {_name(content, cmap.loop[0])}. Beside it: "
            + ", ".join(_name(content, n) for n in cmap.beside)
            + ". The numbered list below the figure gives every link in words.") + "</desc>",
        '<defs><marker id="concept-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="concept-map__arrowhead"/></marker></defs>',
    ]
    parts += [_edge(edge, content, layout) for edge in cmap.edges]
    parts += [_box(content, node, layout) for node in cmap.nodes]
    parts.append("</svg>")
    return "".join(parts)


def render_concept_map_page(content: CourseContent) -> str:
    """The page: the figure, then the same content as text for screen readers, print and search."""
    cmap = content.concept_map

    def link(node_id: str) -> str:
        node = cmap.node(node_id)
        return f"[{md_text(_name(content, node))}]({node.section.replace('#', '.md#', 1).join(['chapters/', ''])})"

    alternative = "\n".join(
        f"{i}. {link(e.source)} → {link(e.target)}: {md_text(e.text)} "
        "[" + "; ".join(f"@{content.course.essay_key}, {part.strip()}" for part in e.cite.split(",")) + "]"
        for i, e in enumerate(cmap.edges, start=1)
    )
    loop = " → ".join(_name(content, n) for n in cmap.loop)
    return (
        "---\ntitle: Concept map\n"
        "description: The essay's argument as a loop of concepts, each linked to the section that teaches it, "
        "with every link also in words.\n"
        "---\n\n# Concept map\n\n"
        f"The essay's argument is a loop, not a chain: {md_text(loop)}, and back again. Instrumentalization is "
        "not a late stage of it: using migration as leverage is, for the essay, an old practice that empowered "
        "partners now use openly; and reverse diffusion is perhaps as old as externalization itself. Read the "
        "main column from the top, then follow the arrow on the left back up. The boxes on the right feed the loop "
        "or leave it. On screen, each box links to the chapter section that teaches the concept; the list below "
        "names those sections.\n\n"
        f'<figure class="concept-map">\n{render_svg(content)}\n'
        "<figcaption>The essay's argument as a loop: each box links to the section that teaches it; "
        "every arrow is explained in the list below.</figcaption>\n"
        "</figure>\n\n"
        "## The same map in words {#text-alternative}\n\n"
        "Every link of the figure, in the order the essay's argument takes them:\n\n"
        f"{alternative}\n\n"
        "## References {#references}\n\n\\bibliography\n"
    )
