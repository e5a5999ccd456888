"""The built site as one zip for reading from disk (file://), search included.

Entries sit under one folder (`course-site/`), in sorted order with a fixed timestamp, so the same site
gives the same zip. site/downloads/ is left out (the zip must not contain itself, and the instructor PDF is
never public); the student PDF and the EPUB are added under downloads/ and the pages' download box links
them, the only downloads the unpacked copy has.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from coursekit.print.downloads import DOWNLOADS_DIR, activate

ROOT_FOLDER = "course-site"
FIXED_TIME = (2021, 1, 1, 0, 0, 0)  # zip cannot store dates before 1980; any fixed date keeps builds identical


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{ROOT_FOLDER}/{name}", date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def zip_site(site: Path, downloads: dict[str, Path], target: Path) -> int:
    """Write `target` with the site and `downloads` (name in downloads/ -> file); returns the number of files."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != DOWNLOADS_DIR)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            name = path.relative_to(site).as_posix()
            data = path.read_bytes()
            if name.endswith(".html"):
                data = activate(data.decode("utf-8"), name, set(downloads)).encode("utf-8")
            archive.writestr(_entry(name), data)
        for download, path in sorted(downloads.items()):
            archive.writestr(_entry(f"{DOWNLOADS_DIR}/{download}"), path.read_bytes())
    return len(files) + len(downloads)
