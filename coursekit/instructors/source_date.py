"""The date generated files carry: the content's, never today's, so the same content gives the same bytes.

`SOURCE_DATE_EPOCH` (the reproducible-builds convention) wins; otherwise the date of the project's last commit;
outside a git checkout, 1980-01-01 (the earliest date a zip entry can hold).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

FALLBACK = dt.date(1980, 1, 1)


def source_date(root: Path) -> dt.date:
    """The day the outputs are dated, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True,
                                text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return FALLBACK
    stamp = result.stdout.strip()
    if result.returncode != 0 or not stamp.isdigit():
        return FALLBACK
    return dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC).date()
