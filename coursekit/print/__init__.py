"""Offline editions: the student and instructor PDFs and the zipped site (`course pdf`, `make pdf`).

Why WeasyPrint, driven from here on a print document we assemble, rather than mkdocs-to-pdf or a
Chromium print plugin: WeasyPrint implements CSS Paged Media, so the print CSS alone gives a bookmark
outline (`bookmark-level` on h1-h3), running headers with the chapter title (`string-set`), page numbers
and table-of-contents page numbers (`target-counter`), embedded web fonts and document metadata, and it
writes tagged PDF/UA-1 for screen readers. It is a pinned Python dependency, needs no browser and no
network, and produces byte-identical files from identical input. Assembling the document ourselves, from
each page's rendered <article> in the built site, keeps citations and footnotes identical to the site while
letting each edition choose its parts (worksheets for students; guide, exam items and keys for instructors).
"""
