"""Render a print document to PDF with WeasyPrint: tagged PDF/UA-1, fonts embedded, nothing fetched online."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import URLFetcher

PDF_VARIANT = "pdf/ua-1"  # tagged structure, document title shown, language set: read by screen readers
LOCAL_PROTOCOLS = {"file", "data"}


def offline_fetcher() -> URLFetcher:
    """Files and data URLs only, and a missing one stops the build: no network, no silent font fallback."""
    return URLFetcher(allowed_protocols=LOCAL_PROTOCOLS, fail_on_errors=True)


def render_pdf(html: str, base: Path, target: Path) -> int:
    """Write `target`; relative URLs resolve against `base` (the built site). Returns the page count."""
    document = HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=offline_fetcher()).render()
    document.write_pdf(target, pdf_variant=PDF_VARIANT)
    return len(document.pages)
