"""Indentation goes, preformatted text stays exactly as written."""

from __future__ import annotations

from coursekit.site.html_whitespace import strip_indentation


def test_indentation_is_removed_outside_pre() -> None:
    html = "<ul>\n    <li>one</li>\n\t<li>two</li>\n</ul>"
    assert strip_indentation(html, "x.html") == "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"


def test_pre_and_textarea_keep_their_whitespace() -> None:
    html = ("<div>\n  <pre><code>def f():\n    return 1\n</code></pre>\n  <textarea>\n  a\n    b</textarea>\n"
            "  <PRE>\n  x</PRE>\n</div>")
    expected = ("<div>\n<pre><code>def f():\n    return 1\n</code></pre>\n<textarea>\n  a\n    b</textarea>\n"
                "<PRE>\n  x</PRE>\n</div>")
    assert strip_indentation(html, "x.html") == expected


def test_blank_lines_collapse_to_one_newline() -> None:
    assert strip_indentation("<p>a</p>\n\n\n   \n<p>b</p>", "x.html") == "<p>a</p>\n<p>b</p>"
