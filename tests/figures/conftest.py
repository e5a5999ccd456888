"""The real content, loaded once for the figure tests (they only read it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from coursekit.content.load import CourseContent, load_content
from coursekit.errors import ContentError
from coursekit.paths import REPO_ROOT, project_paths


@pytest.fixture(scope="session")
def content() -> CourseContent:
    return load_content(project_paths(REPO_ROOT))


def problems_with_changed_data(name: str, change: Callable[[Any], object], loader: Callable[[Path], object],
                               folder: Path) -> tuple[Path, list[str]]:
    """docs/_data/`name` with `change` applied, written to `folder` and loaded: the bad file and the problems
    the loader reports (it must refuse the file)."""
    data = yaml.safe_load((REPO_ROOT / "docs" / "_data" / name).read_text(encoding="utf-8"))
    change(data)
    bad = folder / name
    bad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        loader(bad)
    return bad, [str(p) for p in caught.value.problems]
