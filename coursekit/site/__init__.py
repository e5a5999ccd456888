"""The site stage: the MkDocs side of the pipeline (the one hooks module, filters on files, HTML and finished pages)."""
