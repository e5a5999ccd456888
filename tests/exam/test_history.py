"""The sealed exam items are new: none shares most of its words with an exam stem anywhere in git history.

The exam items that were once committed in clear (quizzes/*.yml before the banks were sealed) are public, so a
sealed item may not restate one. Needs the unlocked working copies and a git checkout; skips otherwise.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from coursekit.exam.store import plain_path
from coursekit.paths import REPO_ROOT
from coursekit.yamlio import load_yaml_text
from tests.exam.test_real_banks import QUIZ_IDS, QUIZZES
from tests.exam_banks import requires_exam_banks

MOST = 0.6  # share of a sealed stem's content words found in one historical stem


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.casefold()) if len(w) > 3}


def close_pairs(sealed: dict[str, str], public: dict[str, str]) -> list[str]:
    """'sealed-id ~ public-id (share)' for every sealed stem sharing MOST of its words with a public one."""
    found = []
    for sid, stem in sealed.items():
        words = content_words(stem)
        shares = [(len(words & content_words(old)) / max(len(words), 1), pid) for pid, old in public.items()]
        best = max(shares, default=(0.0, ""))
        if best[0] >= MOST:
            found.append(f"{sid} ~ {best[1]} ({best[0]:.0%})")
    return found


def historical_exam_stems() -> dict[str, str]:
    """Every `use: exam` stem of every bank file in every commit (id@commit -> stem)."""
    try:
        commits = subprocess.run(["git", "rev-list", "--all", "--", "quizzes"], cwd=REPO_ROOT, capture_output=True,
                                 text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: no history to compare with")
    blobs: set[str] = set()
    for commit in commits:
        tree = subprocess.run(["git", "ls-tree", "-r", commit, "quizzes/"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout
        blobs |= {line.split()[2] for line in tree.splitlines() if line.endswith(".yml") and " blob " in line}
    stems: dict[str, str] = {}
    batch = subprocess.run(["git", "cat-file", "--batch"], cwd=REPO_ROOT, input="\n".join(sorted(blobs)) + "\n",
                           capture_output=True, text=True, check=True).stdout
    for text in re.split(r"^[0-9a-f]{40} blob \d+\n", batch, flags=re.M)[1:]:
        try:
            data = load_yaml_text(text, REPO_ROOT / "history.yml")
        except Exception:
            continue
        for item in data.get("items") or [] if isinstance(data, dict) else []:
            if isinstance(item, dict) and item.get("use") == "exam" and isinstance(item.get("stem"), str):
                stems[f"{item.get('id')}@{len(stems)}"] = item["stem"]
    return stems


@requires_exam_banks
def test_no_sealed_stem_restates_an_exam_stem_from_history() -> None:
    sealed = {}
    for quiz in QUIZ_IDS:
        path = plain_path(QUIZZES, quiz)
        data = load_yaml_text(path.read_text(encoding="utf-8"), path)
        sealed |= {item["id"]: item["stem"] for item in data["items"]}
    public = historical_exam_stems()
    assert public, "the history holds no exam stem: this test would prove nothing"
    close = close_pairs(sealed, public)
    assert not close, "sealed exam items restating a public (historical) exam stem:\n" + "\n".join(close)


def test_the_comparison_flags_a_restated_stem() -> None:
    old = {"c2-old@1": "Which EU institution negotiates readmission agreements under pressure from Member States?"}
    restated = {"c2-new": "Under pressure from Member States, which EU institution negotiates readmission deals?"}
    fresh = {"c2-fresh": "A ministry leaks a draft deal to the press before talks close: what does this show?"}
    assert close_pairs(restated, old) and not close_pairs(fresh, old)
