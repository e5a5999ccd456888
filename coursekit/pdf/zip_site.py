"""The built site as one zip for reading from disk (file://), search included.

Entries sit under one folder (`course-site/`), in sorted order with a fixed timestamp, so the same site
gives the same zip. site/downloads/ is left out (the zip must not contain itself, and the instructor PDF is
never public); the student PDF is added as downloads/course-student.pdf and the pages' download box links
it, the one file the unpacked copy has.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from coursekit.pdf.downloads import DOWNLOADS_DIR, STUDENT_PDF, activate

ROOT_FOLDER = "course-site"
FIXED_TIME = (2021, 1, 1, 0, 0, 0)  # zip cannot store dates before 1980; any fixed date keeps builds identical


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(f"{ROOT_FOLDER}/{name}", date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def zip_site(site: Path, student_pdf: Path, target: Path) -> int:
    """Write `target`; returns the number of files in it."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != DOWNLOADS_DIR)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            name = path.relative_to(site).as_posix()
            data = path.read_bytes()
            if name.endswith(".html"):
                data = activate(data.decode("utf-8"), name, {STUDENT_PDF}).encode("utf-8")
            archive.writestr(_entry(name), data)
        archive.writestr(_entry(f"{DOWNLOADS_DIR}/{STUDENT_PDF}"), student_pdf.read_bytes())
    return len(files) + 1
