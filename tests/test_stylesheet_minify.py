"""The bundle's minifier removes only what cannot change the meaning of the CSS."""

from __future__ import annotations

from coursekit.site.stylesheet_bundle import minify


def test_comments_and_layout_whitespace_go() -> None:
    css = "/* why */\n.a > .b ,  .c {\n  color : red ;\n}\n"
    assert minify(css) == ".a>.b,.c{color : red;}"


def test_descendant_combinators_and_strings_stay() -> None:
    css = ".c :is(.d) { x: 1 }\n.q::before { content: \"1 , 2 > 3\" } /* it's */ .e { content: 'a  b' }"
    assert minify(css) == ".c :is(.d){x: 1}.q::before{content: \"1 , 2 > 3\"}.e{content: 'a  b'}"
