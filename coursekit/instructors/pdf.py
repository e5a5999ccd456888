"""PDF handouts through WeasyPrint with embedded Source fonts, byte-identical for identical input.

WeasyPrint stamps no date unless the document asks for one, and derives the PDF file identifier from
the content, so fixing both here makes two runs on the same input write the same bytes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from coursekit.print.fonts import font_face_css

PAGE_CSS = """
@page { size: A4; margin: 20mm 20mm 22mm;
  @bottom-center { content: counter(page) " / " counter(pages); font: 9pt "Source Sans 3", sans-serif; } }
"""

# Typography shared by the PDF and the HTML handouts (browsers fall back on their serif and sans-serif).
TYPE_CSS = """
html { font-family: "Source Serif 4", serif; font-size: 11pt; line-height: 1.45; color: #111; }
h1, h2, h3, th, .meta { font-family: "Source Sans 3", sans-serif; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; break-after: avoid; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
a { color: #1a237e; overflow-wrap: anywhere; }
li { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 0.5pt solid #999; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
.meta { color: #444; }
.pagebreak { break-before: page; }
"""


def write_pdf(html: str, target: Path, node_modules: Path, identifier: str, font_cache: Path | None = None) -> None:
    """Render `html` (a whole page) to `target` with the course fonts embedded (read from `font_cache`, the
    project's .cache/fonts, when given: the decompressed faces and the answer marks' cut are made once)."""
    from weasyprint import CSS, HTML  # imported here: WeasyPrint is slow to import and only PDFs need it
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()
    fonts = CSS(string=font_face_css(node_modules, font_cache), font_config=font_config)
    pdf = HTML(string=html, base_url=str(target.parent)).write_pdf(
        font_config=font_config,
        stylesheets=[fonts, CSS(string=PAGE_CSS), CSS(string=TYPE_CSS)],
        pdf_identifier=hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:32].encode("ascii"),
    )
    target.write_bytes(pdf)
