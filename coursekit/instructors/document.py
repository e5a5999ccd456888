"""A tiny document model (headings, paragraphs, bullet lists, links) rendered to Markdown and to HTML.

Handouts, keys and variants are built once as blocks and then written in each format, so the Markdown,
HTML and PDF of one output cannot say different things. Every text is escaped for the format it goes into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    parts: tuple[str | Link, ...]
    css: str = ""


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[str | Link, ...], ...]
    numbered: bool = False


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


Block = Heading | Para | Bullets | Table
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md_text(text: str) -> str:
    """Text that Markdown shows literally (no emphasis, links, HTML or headings out of user input)."""
    return MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _md_inline(parts: tuple[str | Link, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f"[{md_text(part.text)}](<{part.url}>)" if part.url else md_text(part.text))
        else:
            out.append(md_text(part))
    return "".join(out)


def to_markdown(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + md_text(block.text), ""]
        elif isinstance(block, Para):
            lines += [_md_inline(block.parts), ""]
        elif isinstance(block, Bullets):
            marks = (f"{i}." if block.numbered else "-" for i in range(1, len(block.items) + 1))
            lines += [f"{mark} {_md_inline(item)}" for mark, item in zip(marks, block.items, strict=True)]
            lines.append("")
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(md_text(h) for h in block.header) + " |")
            lines.append("|" + " --- |" * len(block.header))
            lines += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _html_inline(parts: tuple[str | Link, ...]) -> str:
    out = []
    for part in parts:
        if isinstance(part, Link):
            out.append(f'<a href="{escape(part.url)}">{escape(part.text)}</a>' if part.url else escape(part.text))
        else:
            out.append(escape(part))
    return "".join(out)


def to_html_body(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            css = f' class="{escape(block.css)}"' if block.css else ""
            out.append(f"<p{css}>{_html_inline(block.parts)}</p>")
        elif isinstance(block, Bullets):
            tag = "ol" if block.numbered else "ul"
            out.append(f"<{tag}>" + "".join(f"<li>{_html_inline(i)}</li>" for i in block.items) + f"</{tag}>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.header)
            body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "\n".join(out) + "\n"


def to_html_page(title: str, body: str, css: str = "", lang: str = "en") -> str:
    """A standalone HTML page (no external requests): the styles are inline."""
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n{body}</main>\n"
            f"</body>\n</html>\n")


def plain_text(blocks: list[Block]) -> str:
    """The words of a document without markup: what tests compare across formats."""
    words: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            words.append(block.text)
        elif isinstance(block, Para):
            words += [p.text if isinstance(p, Link) else p for p in block.parts]
        elif isinstance(block, Bullets):
            for item in block.items:
                words += [p.text if isinstance(p, Link) else p for p in item]
        elif isinstance(block, Table):
            words += [*block.header, *(c for row in block.rows for c in row)]
    return " ".join(" ".join(words).split())
