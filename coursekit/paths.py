"""Where the project's content lives, resolved from the repository root so any working directory works."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class ProjectPaths:
    """The content folders of one checkout (tests point this at a temporary copy)."""

    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def data(self) -> Path:
        return self.docs / "_data"

    @property
    def chapters(self) -> Path:
        return self.docs / "chapters"

    @property
    def bibliography(self) -> Path:
        return self.root / "bibliography" / "references.bib"

    @property
    def quizzes(self) -> Path:
        return self.root / "quizzes"

    @property
    def node_modules(self) -> Path:
        return self.root / "node_modules"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"


def project_paths(root: Path | str | None = None) -> ProjectPaths:
    """The project's paths; `COURSE_ROOT` overrides the checkout the package sits in."""
    if root is None:
        root = os.environ.get("COURSE_ROOT") or REPO_ROOT
    return ProjectPaths(Path(root).resolve())
