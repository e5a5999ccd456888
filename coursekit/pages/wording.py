"""Numbers in running text as an editor would write them ("six chapters", "12 chapters")."""

from __future__ import annotations

_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(n: int) -> str:
    """Spelled out up to ten (Chicago style), digits above."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)
