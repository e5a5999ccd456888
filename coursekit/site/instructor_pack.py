"""The locked instructor pack: instructors/pack.html decrypts, in the browser, a zip of the instructor outputs.

At build time, when the exam banks are unlocked and the passphrase is set (COURSE_EXAM_PASSPHRASE or
COURSE_EXAM_PASSPHRASE_FILE; pages.yml reads a repository secret), the build writes the answer keys, exam items,
Moodle XML, GIFT, Canvas QTI and the Common Cartridge into a zip, seals it with the passphrase in the age format
(age-encryption, fixed work factor, see coursekit/exam/age_encrypt.mjs) and puts it into the site as a script,
instructors/pack-data.js (`window.coursePack`, base64): a script loads from file:// where fetch() may not, so the
pack opens offline too. The page's script (assets/js/pack.js) decrypts it with age-encryption, bundled by esbuild
into assets/js/age.js (both npm packages pinned in package.json). No passphrase or locked banks: no pack, and the
page says it is not part of this build and how to make it.
"""

from __future__ import annotations

import base64
import hashlib
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from coursekit.build_state import BuildState
from coursekit.content.load import CourseContent
from coursekit.exam.passphrase import PassphraseError, passphrase_from_env
from coursekit.exam.sealing import encrypt
from coursekit.exam.store import exam_status
from coursekit.registry import Registry

PACK_PAGE = "instructors/pack.md"
PACK_DATA = "instructors/pack-data.js"
AGE_BUNDLE = "assets/js/age.js"
PACK_ZIP_NAME = "instructor-pack.zip"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def pack_passphrase(content: CourseContent) -> str | None:
    """The passphrase when this build can make the pack (exam banks unlocked), else None."""
    status = exam_status(content.paths.quizzes)
    if status.is_locked or not status.unlocked:
        return None
    try:
        return passphrase_from_env()
    except PassphraseError:
        return None


def pack_zip(content: CourseContent, site_url: str, extra: dict[str, bytes] | None = None) -> bytes:
    """Everything `course export` writes, plus `extra` files, as one zip (fixed dates, sorted names)."""
    from coursekit.cli.export import write_instructor_folder
    from coursekit.instructors.quiz_sets import quiz_sets

    with tempfile.TemporaryDirectory(prefix="course-pack-") as tmp:
        stage = Path(tmp)
        write_instructor_folder(content, quiz_sets(content), stage, site_url)
        for name, data in (extra or {}).items():
            (stage / name).write_bytes(data)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(p for p in stage.rglob("*") if p.is_file()):
                info = zipfile.ZipInfo(f"instructor-pack/{path.relative_to(stage).as_posix()}", ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        return buffer.getvalue()


def age_bundle(root: Path, node_modules: Path) -> bytes:
    """age-encryption as one classic script (global `courseAge`), cached by the lock file's hash."""
    lock = root / "package-lock.json"
    key = hashlib.sha256(lock.read_bytes() if lock.is_file() else b"").hexdigest()[:16]
    cached = root / ".cache" / "age-bundle" / f"age-{key}.js"
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        esbuild = node_modules / ".bin" / "esbuild"
        entry = node_modules / "age-encryption" / "dist" / "index.js"
        result = subprocess.run([str(esbuild), str(entry), "--bundle", "--format=iife", "--global-name=courseAge",
                                 "--minify", "--legal-comments=inline", f"--outfile={cached}"],
                                capture_output=True, text=True, check=False, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"esbuild could not bundle age-encryption (run `make setup`): {result.stderr[-500:]}")
    return cached.read_bytes()


def pack_text(content: CourseContent, passphrase: str, site_url: str, extra: dict[str, bytes] | None = None) -> str:
    """The sealed pack as the script instructors/pack-data.js."""
    sealed = encrypt(pack_zip(content, site_url, extra), passphrase, content.paths.node_modules)
    return f'window.coursePack = "{base64.b64encode(sealed).decode("ascii")}";\n'


def write_pack_text(site: Path, text: str) -> None:
    (site / PACK_DATA).write_text(text, encoding="utf-8")


def write_pack_data(site: Path, content: CourseContent, passphrase: str, site_url: str,
                    extra: dict[str, bytes] | None = None) -> None:
    """Seal the pack and write it into the site as instructors/pack-data.js."""
    write_pack_text(site, pack_text(content, passphrase, site_url, extra))


def sealed_pack_data(site: Path, content: CourseContent, pdf: Path, site_url: str) -> str | None:
    """`course pdf`: the site's pack re-sealed with the instructor PDF in it (the caller writes it once every
    output exists); None when the site has no pack."""
    passphrase = pack_passphrase(content)
    if passphrase is None or not (site / PACK_DATA).is_file() or not pdf.is_file():
        return None
    return pack_text(content, passphrase, site_url, {pdf.name: pdf.read_bytes()})


def _write_pack(config, state: BuildState) -> None:  # type: ignore[no-untyped-def]
    site = Path(config.site_dir)
    content = state.content
    passphrase = pack_passphrase(content)
    if passphrase is None:
        return
    (site / AGE_BUNDLE).parent.mkdir(parents=True, exist_ok=True)
    (site / AGE_BUNDLE).write_bytes(age_bundle(content.paths.root, content.paths.node_modules))
    write_pack_data(site, content, passphrase, state.site_url or "")


def _pack_page(content: CourseContent, src_uri: str) -> str:
    prefix = "../"
    if pack_passphrase(content) is None:
        return """<div class="admonition note course-pack-missing" id="course-pack">
<p class="admonition-title">The instructor pack is not part of this build</p>
<p>This copy of the course was built without the exam passphrase, so it holds no instructor pack. The course's
own site has it. To make it yourself in a checkout of the course: put the passphrase in a file, then run
<code>COURSE_EXAM_PASSPHRASE_FILE=/path/to/passphrase course exam unlock</code> and
<code>COURSE_EXAM_PASSPHRASE_FILE=/path/to/passphrase make site</code> (a fork publishing with GitHub Pages sets the
repository secret <code>COURSE_EXAM_PASSPHRASE</code>). Or run <code>make instructor</code> for the same files in
<code>dist/instructor/</code>.</p>
</div>
"""
    return f"""<form id="course-pack-form" class="course-pack" data-zip-name="{PACK_ZIP_NAME}">
<p><label for="course-pack-passphrase">Instructor passphrase</label><br>
<input type="password" id="course-pack-passphrase" name="passphrase" autocomplete="current-password" required
aria-describedby="course-pack-help"></p>
<p id="course-pack-help" class="course-assign-note">The pack is decrypted here, in your browser: the passphrase
is not sent anywhere. Unlocking takes a few seconds.</p>
<p><button type="submit" class="md-button md-button--primary">Unlock the pack</button></p>
<p id="course-pack-status" role="status" aria-live="polite"></p>
<p id="course-pack-result" hidden><a id="course-pack-download" class="md-button" download="{PACK_ZIP_NAME}"
href="#course-pack">Download the instructor pack (zip)</a></p>
</form>
<noscript><p>Unlocking the pack needs JavaScript; without it, use <code>make instructor</code> in a checkout of the
course.</p></noscript>
<script src="{prefix}{AGE_BUNDLE}" defer></script>
<script src="pack-data.js" defer></script>
<script src="{prefix}assets/js/pack.js" defer></script>
"""


def register(registry: Registry) -> None:
    registry.add_marker("instructor-pack", _pack_page)
    registry.add_post_build_step(_write_pack)
