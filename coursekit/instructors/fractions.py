"""Grade fractions for multiple-answer questions, limited to the values Moodle accepts on import."""

from __future__ import annotations

# Moodle's accepted grade percentages (question/format.php); other values are rejected on import.
MOODLE_PERCENTS = (100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0,
                   20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0)


def share(count: int) -> str | None:
    """100/count as Moodle writes it ('33.33333'), or None when Moodle has no such value."""
    if count <= 0:
        return None
    wanted = 100.0 / count
    for value in MOODLE_PERCENTS:
        if abs(value - wanted) < 0.001:
            return f"{value:.5f}".rstrip("0").rstrip(".")
    return None
