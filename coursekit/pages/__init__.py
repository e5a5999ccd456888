"""Turn validated content into Markdown pages (the hook feeds them to MkDocs) and HTML fragments."""
