"""The bibliography feature: the generated Bibliography page, the citation boxes and their checks.

Every formatted reference comes from one pandoc citeproc run with the same CSL style mkdocs-bibtex uses,
so the page, the boxes and the chapters' footnotes agree; the run is cached on disk (see formatting.py).
"""
