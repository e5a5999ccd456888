"""Small bank texts for tests: a valid chapter-2 bank to which a test adds one bad item."""

from __future__ import annotations

GOOD_ITEM = """\
  - id: t2-good
    type: single
    use: practice
    level: remember
    concept: reasoned-consensus
    anchor: 02-preparedness-to-talk#three-preconditions
    stem: "Which of these is one of Risse's preconditions?"
    options:
      - text: "Partners recognise one another as equals."
        correct: true
        feedback: "Right: equality is the third precondition."
      - text: "Partners meet every year."
        correct: false
        feedback: "No: meeting often shows readiness to talk, not consensus."
      - text: "Partners sign a binding treaty at the end."
        correct: false
        feedback: "No: the preconditions concern how partners treat each other, not the form of the outcome."
      - text: "One partner writes the rules for the rest."
        correct: false
        feedback: "No: that is one-way diffusion, not rules all accept as legitimate."
"""


def bank(*items: str, quiz: str = "chapter-2", generate: str = "") -> str:
    """A chapter bank: the good item, then `items` (YAML list entries indented by two spaces)."""
    text = f'quiz: {quiz}\ntitle: "Test bank"\nitems:\n{GOOD_ITEM}' + "".join(items)
    return text + (f"generate:\n{generate}" if generate else "")


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def single(item_id: str, **fields: str) -> str:
    """A valid single-choice item; keyword arguments replace (value) or drop (None-like '') fields."""
    values = {
        "type": "single",
        "use": "practice",
        "level": "understand",
        "concept": "reasoned-consensus",
        "anchor": "02-preparedness-to-talk#none-met",
        "stem": '"Were the preconditions met?"',
    }
    values.update(fields)
    head = f"  - id: {item_id}\n" + "".join(f"    {k}: {v}\n" for k, v in values.items() if v)
    return head + (
        "    options:\n"
        '      - text: "None of them."\n        correct: true\n        feedback: "Right: none was met."\n'
        '      - text: "All of them."\n        correct: false\n        feedback: "No: the verdict is negative."\n'
        '      - text: "Two of the three."\n        correct: false\n        feedback: "No: none was met."\n'
    )
