"""Every feature, in one ordered list: each `register(registry)` adds its pages, markers, filters, checkers, commands.

Add one line here when you add a feature module. The order is the registration order: it decides the order of
generated pages, checkers and commands, and breaks ties between filters of equal priority.
"""

from __future__ import annotations

from collections.abc import Callable

from coursekit.checks import bank_coverage, own_words, paraphrase, uncorrected_claims
from coursekit.checks import bibliography as bibliography_checks
from coursekit.checks import exam as exam_checks
from coursekit.checks import item_writing as item_writing_checks
from coursekit.checks import pages as page_checks
from coursekit.checks import quiz as quiz_checks
from coursekit.checks import references as reference_checks
from coursekit.cli import assign, bench, check, exam, export, item_report, pdf, quiz, variants
from coursekit.pages import (
    chapter,
    corrections,
    essay_link,
    generated,
    glossary,
    markers,
    not_found,
    quizzes,
    search_tuning,
    tooltips,
)
from coursekit.pages.bibliography import citation_scheme, cite_boxes, coins, exports
from coursekit.pages.bibliography import page as bibliography_page
from coursekit.pages.figures import actors_map, locator_map
from coursekit.pages.instructors import assign as assign_pages
from coursekit.pages.instructors import guide
from coursekit.print import downloads
from coursekit.registry import Registry
from coursekit.site import (
    bibtex_cache,
    comparison_tables,
    footnote_links,
    html_whitespace,
    instructor_pack,
    search_shim,
    stylesheet_bundle,
    theme_fixes,
)

FEATURES: tuple[Callable[[Registry], None], ...] = (
    # content -> checks
    quiz_checks.register,
    item_writing_checks.register,
    bibliography_checks.register,
    reference_checks.register,
    page_checks.register,
    uncorrected_claims.register,
    bank_coverage.register,
    own_words.register,
    paraphrase.register,
    exam_checks.register,
    # generated pages (in this order in the search index), then the Markdown and HTML of every page
    guide.register,
    generated.register,
    bibliography_page.register,
    exports.register,
    quizzes.register,
    chapter.register,
    corrections.register,
    markers.register,
    locator_map.register,
    actors_map.register,
    glossary.register,
    tooltips.register,
    cite_boxes.register,
    assign_pages.register,
    downloads.register,
    essay_link.register,
    search_tuning.register,
    # the site: MkDocs files, rendered HTML, finished pages
    bibtex_cache.register,
    stylesheet_bundle.register,
    footnote_links.register,
    citation_scheme.register,
    comparison_tables.register,
    coins.register,
    html_whitespace.register,
    theme_fixes.register,
    search_shim.register,
    instructor_pack.register,
    not_found.register,
    # the command line
    check.register,
    quiz.register,
    item_report.register,
    assign.register,
    export.register,
    variants.register,
    exam.register,
    pdf.register,
    bench.register,
)


def build_registry() -> Registry:
    """A fresh registry with every feature registered, in FEATURES order."""
    registry = Registry()
    for register in FEATURES:
        register(registry)
    return registry
