"""Writing outputs all at once: into a temporary folder first, then moved into place.

A command that fails half-way leaves the previous output untouched, and private outputs (keys, exam items,
variants) are refused a place inside the built site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class OutputError(Exception):
    """An output folder that must not be used; the message says why."""


def refuse_site(out: Path, root: Path) -> None:
    """Private material never goes under the site folder (site/ or any folder holding a built site)."""
    target = out.resolve()
    site = (root / "site").resolve()
    if target == site or site in target.parents:
        raise OutputError(f"{out}: refusing to write private material inside the built site ({site})")
    for folder in (target, *target.parents):
        if (folder / "sitemap.xml").is_file() or (folder / "search" / "search_index.json").is_file():
            raise OutputError(f"{out}: refusing to write private material inside a built site ({folder})")


@contextmanager
def staged_output(out: Path, replace_folder: bool) -> Iterator[Path]:
    """Yields a temporary folder; on success its files move into `out`.

    With `replace_folder`, `out` is swapped as a whole (it belongs to the command, like dist/instructor/);
    otherwise each file replaces its namesake and anything else already in `out` is kept.
    """
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        yield stage
        if replace_folder:
            old = out.with_name(f".{out.name}-old-{os.getpid()}")
            if out.exists():
                out.rename(old)
            stage.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            out.mkdir(exist_ok=True)
            for path in sorted(stage.rglob("*")):
                target = out / path.relative_to(stage)
                if path.is_dir():
                    target.mkdir(exist_ok=True)
                else:
                    os.replace(path, target)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
