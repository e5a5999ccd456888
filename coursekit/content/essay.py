"""Where the essay's own text is, for the checks that compare our prose with it (own words, quotations).

The essay is not part of the repository (it is not ours to republish). `COURSE_ESSAY` names the file; when it is
not set, `../shared/source/article.txt` beside the project is used if it exists (the layout CI uses, see
.ci/run). Without either, what needs the essay says so and skips; everything else works.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from coursekit.errors import ContentError, Problem

ESSAY_VARIABLE = "COURSE_ESSAY"
BESIDE_PROJECT = Path("..") / "shared" / "source" / "article.txt"
HOW_TO_GET_IT = (
    "The essay's text is not in the repository (it is not ours to republish). To run the checks that need it, "
    "download Cassarino's essay from the IEMed Mediterranean Yearbook 2021 (its entry in "
    "bibliography/references.bib), save its text as UTF-8, and set COURSE_ESSAY=/path/to/article.txt "
    "(or put it at ../shared/source/article.txt beside this checkout)."
)


def essay_path(root: Path, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The essay's text file, or None when it is not available (a missing COURSE_ESSAY file is an error)."""
    named = environ.get(ESSAY_VARIABLE, "").strip()
    if named:
        path = Path(named).expanduser()
        if not path.is_file():
            raise ContentError([Problem(path, None, f"{ESSAY_VARIABLE} names this file, but it does not exist")])
        return path
    beside = (root / BESIDE_PROJECT).resolve()
    return beside if beside.is_file() else None
