"""The concept map, drawn at build time as an accessible inline SVG with a text alternative (no JS library)."""

from __future__ import annotations

from html import escape

from coursekit.content.load import CourseContent

WIDTH, BOX_W, BOX_H, GAP = 600, 310, 52, 78


def _label_lines(text: str, limit: int = 30) -> list[str]:
    """Wrap an edge label into short lines for the SVG."""
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > limit:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current] if current else lines


def render_svg(content: CourseContent, glossary_href: str = "glossary.md") -> str:
    """A vertical chain of the spine's concepts, each box a link to its glossary entry."""
    glossary, spine = content.glossary, content.concept_map.spine
    labels = {(e.source, e.target): e.label for e in content.concept_map.edges}
    height = len(spine) * BOX_H + (len(spine) - 1) * GAP + 20
    x = 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="concept-map__svg" viewBox="0 0 {WIDTH} {height}" '
        'role="group" aria-labelledby="concept-map-title concept-map-desc">',  # a group: its boxes are links
        '<title id="concept-map-title">Concept map: how the essay\'s concepts lead into each other</title>',
        '<desc id="concept-map-desc">' + escape(
            " then ".join(glossary.get(n).term for n in spine)
            + ". The text alternative below the figure describes every link.") + "</desc>",
        '<defs><marker id="concept-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="concept-map__arrowhead"/></marker></defs>',
    ]
    for index, node in enumerate(spine):
        y = 10 + index * (BOX_H + GAP)
        term = glossary.get(node)
        href = glossary_href.replace(".md", ".html") + f"#{node}"
        parts.append(
            f'<a class="concept-map__node" href="{escape(href)}">'
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="8"/>'
            f'<text x="{x + BOX_W / 2}" y="{y + BOX_H / 2 + 6}" text-anchor="middle">{escape(term.term)}</text></a>'
        )
        if index + 1 < len(spine):
            y1, y2 = y + BOX_H, y + BOX_H + GAP
            cx = x + BOX_W / 2
            parts.append(f'<line x1="{cx}" y1="{y1 + 2}" x2="{cx}" y2="{y2 - 4}" class="concept-map__edge" '
                         'marker-end="url(#concept-arrow)"/>')
            label = labels.get((node, spine[index + 1]), "")
            for offset, line in enumerate(_label_lines(label)):
                parts.append(f'<text x="{cx + 14}" y="{y1 + 24 + offset * 18}" class="concept-map__label">'
                             f"{escape(line)}</text>")
    parts.append("</svg>")
    return "".join(parts)


def render_concept_map_page(content: CourseContent) -> str:
    """The page: the figure, then the same content as text for screen readers, print and search."""
    glossary = content.glossary
    alternative = "\n".join(
        f"{i}. [{glossary.get(e.source).term}](glossary.md#{e.source}) → "
        f"[{glossary.get(e.target).term}](glossary.md#{e.target}): {e.label} "
        f"(chapter {glossary.get(e.target).chapter})"
        for i, e in enumerate(content.concept_map.edges, start=1)
    )
    return (
        "---\ntitle: Concept map\n"
        "description: One diagram of how the essay's concepts lead into each other, with a text alternative.\n"
        "---\n\n# Concept map\n\n"
        "The essay's argument moves through five ideas, each prepared by the one before. Each box names a concept "
        "defined in the glossary (on screen, the box links to its entry).\n\n"
        f'<figure class="concept-map">\n{render_svg(content)}\n'
        "<figcaption>From externalization to reverse diffusion: the essay's chain of concepts.</figcaption>\n"
        "</figure>\n\n"
        "## Text alternative {#text-alternative}\n\n"
        "The same map in words, one link per line:\n\n"
        f"{alternative}\n"
    )
