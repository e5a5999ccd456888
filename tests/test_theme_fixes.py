"""The fixes applied to the stock theme's markup change exactly what they should and nothing else."""

from __future__ import annotations

from coursekit.site.theme_fixes import SEARCH_DIALOG_NAME, fix_stock_markup


def test_autocomplete_is_dropped_from_checkboxes_only() -> None:
    html = ('<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" class="md-search__input" autocomplete="off">')
    fixed = fix_stock_markup(html, "index.html")
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" class="md-search__input" autocomplete="off">' in fixed


def test_empty_tabindex_is_removed_and_real_ones_kept() -> None:
    html = '<label class="md-nav__link" for="__nav_2" tabindex="">A</label><label tabindex="0">B</label>'
    assert fix_stock_markup(html, "x.html") == '<label class="md-nav__link" for="__nav_2">A</label>' \
                                              '<label tabindex="0">B</label>'


def test_search_dialog_gets_a_name_once() -> None:
    html = '<div class="md-search" data-md-component="search" role="dialog">'
    once = fix_stock_markup(html, "x.html")
    assert once == f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{SEARCH_DIALOG_NAME}">'
    assert fix_stock_markup(once, "x.html") == once


def test_toc_label_loses_for_only_when_the_toc_toggle_is_missing() -> None:
    label = '<label class="md-nav__title" for="__toc">Contents</label>'
    assert fix_stock_markup(label, "quizzes/index.html") == '<label class="md-nav__title">Contents</label>'
    with_toggle = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + label
    assert fix_stock_markup(with_toggle, "chapters/01.html") == with_toggle
