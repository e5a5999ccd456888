"""Reading a content file: UTF-8, of a sane size, free of invisible bidirectional controls and of links that
run script (`javascript:`), or a clear Problem.

Every file authors write (chapters, data files, question banks, the bibliography, hand-written pages) is read
here, so a bad file gets one line naming it, the line and the problem instead of a traceback, in `course check`
and in the build alike. The limits are documented in CONTRIBUTING.md ("Limits").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from coursekit.errors import ContentError, Problem

# The largest content file today is under 40 KB; a bank ten times the largest is still far below this.
MAX_FILE_BYTES = 512 * 1024
# Characters that reorder how text is displayed without being seen ("Trojan Source"): refused in content,
# and stripped from what users type (`course assign --title`, the assignment builder), see text_rules.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# A link whose target runs script when clicked: Markdown passes `[x](javascript:...)` through as it is.
SCRIPT_LINK = re.compile(r"(?:\]\(\s*<?|\bhref\s*=\s*[\"']?\s*)(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text, or a ContentError naming the file (and line) and what is wrong with it."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise ContentError([Problem(path, None, f"the file is {size:,} bytes; content files may be at most "
                                                    f"{limit:,} bytes (see CONTRIBUTING.md, 'Limits')")])
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(path, None, f"cannot read file: {exc.strerror}")]) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError([Problem(path, line, f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column}; "
                                                "save the file as UTF-8")]) from None
    problems = [Problem(path, text.count("\n", 0, m.start()) + 1,
                        f"invisible bidirectional control U+{ord(m.group()):04X} "
                        f"({unicodedata.name(m.group(), 'unnamed')}): it reorders how the text displays; remove it")
                for m in BIDI_CONTROLS.finditer(text)]
    problems += [Problem(path, text.count("\n", 0, m.start()) + 1,
                         "a link to a javascript:, vbscript: or data: address runs code when clicked; link to a page")
                 for m in SCRIPT_LINK.finditer(text)]
    if problems:
        raise ContentError(problems[:20])
    return text.removeprefix("\ufeff")
