"""One id rule for glossary terms and timeline events: kebab-case, unique in its file, reported with both lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursekit.content.glossary import load_glossary
from coursekit.content.timeline import load_timeline
from coursekit.errors import ContentError


@pytest.mark.parametrize("loader", [load_glossary, load_timeline], ids=["glossary", "timeline"])
def test_bad_and_duplicate_ids_are_reported_with_their_lines(loader, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "data.yml"
    path.write_text("- id: Not_Kebab\n- id: same\n- id: same\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        loader(path, chapter_count=6)
    found = [str(problem) for problem in caught.value.problems]
    assert f"{path}:1: [Not_Kebab] id 'Not_Kebab' must be lower-case words joined by hyphens" in found
    assert f"{path}:3: [same] duplicate id 'same' (first on line 2)" in found
