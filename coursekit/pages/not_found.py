"""The 404 page works from file:// too: its links are relative to the site's root folder.

MkDocs renders 404.html with root-relative links ("/glossary.html"), which a static host needs because it serves
the page at any missing address, but which point at the disk's root when the downloaded site is opened from
file://. Here the links become relative ("glossary.html", right for 404.html in the site folder), and over
http(s) a <base href="/"> written first in <head> makes them resolve from the host's root exactly as before.
A site published under a sub-path sets `site_url`, and its 404 links then already carry that path.
"""

from __future__ import annotations

import re

from coursekit.registry import Registry

_ROOT_RELATIVE = re.compile(r'\b(href|src)="/(?!/)')
_CONFIG_BASE = re.compile(r'"base":\s*"/"')
BASE_FOR_HOSTS = '<script>location.protocol !== "file:" && document.write(\'<base href="/">\')</script>'


def relative_404(html: str, dest_uri: str) -> str:
    """Only 404.html is changed; every other page already uses relative links."""
    if dest_uri != "404.html" or "<head>" not in html:
        return html
    html = _ROOT_RELATIVE.sub(r'\1="', html)
    html = _CONFIG_BASE.sub('"base": "."', html)
    return html.replace("<head>", "<head>\n" + BASE_FOR_HOSTS, 1)


def register(registry: Registry) -> None:
    registry.add_output_filter(relative_404)
