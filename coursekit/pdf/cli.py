"""`course pdf --site site --out dist`: the offline editions (see coursekit/pdf/__init__.py for the design)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import coursekit.pdf.downloads  # noqa: F401  (registers the `downloads` marker)
from coursekit.content.load import load_content
from coursekit.paths import project_paths
from coursekit.registry import command


@command
def _register(sub: argparse._SubParsersAction) -> None:
    pdf = sub.add_parser("pdf", help="student and instructor PDFs and the zipped site, from a built site")
    pdf.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    pdf.add_argument("--out", type=Path, default=Path("dist"), help="output folder (default: dist)")
    pdf.set_defaults(func=cmd_pdf)


def cmd_pdf(args: argparse.Namespace) -> int:
    """Build everything, one progress line per stage on stderr."""
    from coursekit.pdf.build import build_all, check_folders  # WeasyPrint loads only for this command

    started = time.monotonic()

    def progress(message: str) -> None:
        print(f"course pdf [{time.monotonic() - started:5.1f}s] {message}", file=sys.stderr, flush=True)

    check_folders(args.site, args.out)
    content = load_content(project_paths(args.root))
    outputs = build_all(args.site, args.out, content, progress)
    for path in outputs.values():
        print(path)
    return 0
