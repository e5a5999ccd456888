"""`course pdf --site site --out dist`: the offline editions (see coursekit/print/__init__.py for the design)."""

from __future__ import annotations

import argparse
from pathlib import Path

from coursekit.cli.assign import configured_site_url
from coursekit.content.load import load_content
from coursekit.paths import project_paths
from coursekit.registry import Registry


def _register(sub: argparse._SubParsersAction) -> None:
    pdf = sub.add_parser("pdf", help="student and instructor PDFs and the zipped site, from a built site")
    pdf.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    pdf.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default: dist)")
    pdf.add_argument("--site-url", default=None,
                     help="the published course's address, printed on the covers and where the print editions "
                          "mention the website (default: site_url in mkdocs.yml)")
    pdf.add_argument("--quiet", action="store_true", help="no progress lines (for CI logs)")
    pdf.set_defaults(func=cmd_pdf)


def cmd_pdf(args: argparse.Namespace) -> int:
    """Build everything, one progress line per step on stderr with the elapsed time (none with --quiet)."""
    from coursekit.print.build import build_all, check_folders, timed_progress  # WeasyPrint loads only here

    progress = timed_progress(args.quiet)
    paths = project_paths(args.root)
    check_folders(args.site, args.out, paths.root)
    content = load_content(paths)
    site_url = args.site_url if args.site_url is not None else configured_site_url(paths.root)
    outputs = build_all(args.site, args.out, content, progress, site_url.strip())
    for path in outputs.values():
        print(path)
    return 0


def register(registry: Registry) -> None:
    registry.add_command(_register)
