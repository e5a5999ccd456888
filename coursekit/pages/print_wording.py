"""Sentences that say different things on screen and on paper, written side by side in one place.

A page that tells a reader to hover over a term or to open a BibTeX record must say something else in the
PDF and the EPUB. `web_or_print` writes both: the web variant as an inline span of class `course-web-only`
(dropped from the print document, see coursekit/pdf/clean.py) and the print variant as a `hidden` span of
class `course-print-only` (hidden in browsers; the print document un-hides it). Raw inline HTML, so it works
inside any Markdown paragraph.
"""

from __future__ import annotations

WEB_ONLY_CLASS = "course-web-only"
PRINT_ONLY_CLASS = "course-print-only"


def web_or_print(web: str, paper: str) -> str:
    """Inline Markdown/HTML showing `web` in the browser and `paper` in the PDF and EPUB."""
    return (f'<span class="{WEB_ONLY_CLASS}">{web}</span>'
            f'<span class="{PRINT_ONLY_CLASS}" hidden>{paper}</span>')
