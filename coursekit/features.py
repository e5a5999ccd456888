"""Import every feature module so it registers its pages, markers, checkers and commands (see registry.py).

Add one line here when you add a feature module.
"""

import coursekit.instructors  # noqa: F401
from coursekit import html_whitespace, markers, page_checks, site_pages, stylesheet_bundle, theme_fixes  # noqa: F401
from coursekit.bench import command  # noqa: F401
from coursekit.bibliography import checks, cite_boxes, footnote_links, page  # noqa: F401
from coursekit.pdf import cli as pdf_cli  # noqa: F401
from coursekit.quiz import check, cli, site  # noqa: F401
