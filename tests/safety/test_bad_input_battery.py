"""Issue 17's bad-input battery: over a hundred bad inputs, each in a throw-away copy, each outcome classified.

The table of the issue's closing note comes from this run (`pytest tests/safety/test_bad_input_battery.py -s`
prints it). Outcomes:

clear   : exit status != 0 (2 for the CLI's user errors), one message naming the path/argument, no traceback,
          nothing touched
crash   : a traceback / an exception escaping `main`
silent  : exit 0 although the input was bad (or wrong output)
lost    : a file that existed before is gone or changed
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import traceback
from collections import Counter
from pathlib import Path

import pytest
import yaml

from coursekit.cli.main import main
from coursekit.paths import REPO_ROOT as REPO
from tests.exam_banks import exam_banks_locked

results: list[dict] = []


def run(argv: list[str]) -> tuple[int | None, str, str | None]:
    err, out = io.StringIO(), io.StringIO()
    crash = None
    code: int | None = None
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = int(exc.code or 0)
        except BaseException:
            crash = traceback.format_exc()
    return code, err.getvalue(), crash


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".git" not in p.relative_to(folder).parts and not p.name.startswith(".course-output")}


def new_checkout(base: Path) -> Path:
    root = base / "checkout"
    root.mkdir(parents=True)
    for name in ("docs", "bibliography", "quizzes", "mkdocs.yml", "CITATION.cff", "coursekit"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__", ".course-output*"))
        elif src.exists():
            shutil.copy2(src, root / name)
    (root / "node_modules").symlink_to(REPO / "node_modules", target_is_directory=True)
    (root / ".gitignore").write_text("node_modules\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@e.org"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "c"], cwd=root, check=True)
    return root


def record(group: str, name: str, how: str, code: int | None, err: str, crash: str | None, lost: bool,
           bad: bool = True, expect: str = "") -> None:
    if crash or "Traceback" in err:
        outcome = "crash"
    elif lost:
        outcome = "lost"
    elif bad and code == 0:
        outcome = "silent"
    elif not bad:
        outcome = "ok" if code == 0 else "refused-good"
    elif expect and expect not in err:
        outcome = "unclear"
    else:
        outcome = "clear"
    results.append({"group": group, "input": name, "how": how, "code": code, "outcome": outcome,
                    "message": (crash or err).strip().splitlines()[-1][:200] if (crash or err).strip() else ""})


# --------------------------------------------------------------------------------------------- outputs
def output_cases(tmp: Path) -> None:
    root = new_checkout(tmp / "o")
    roster = tmp / "o" / "roster.csv"
    roster.write_text("id,name\ns1,Ana\ns2,Ben\n", encoding="utf-8")
    site = tmp / "o" / "built"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")

    def cmd(command: str, out: Path) -> list[str]:
        return {"export": ["--root", str(root), "export", "--out", str(out)],
                "variants": ["--root", str(root), "variants", "--roster", str(roster), "--chapter", "1", "--seed",
                             "1", "--use", "practice", "--no-pdf", "--out", str(out)],
                "assign": ["--root", str(root), "assign", "--chapters", "1", "--out", str(out)],
                "pdf": ["--root", str(root), "pdf", "--site", str(site), "--out", str(out)],
                "bench": ["--root", str(root), "bench", "--skip-lighthouse", "--out", str(out / "results.json")],
                }[command]

    def precious() -> dict[str, Path]:
        user = tmp / "o" / "my-notes"
        user.mkdir(exist_ok=True)
        (user / "thesis.txt").write_text("years of work", encoding="utf-8")
        if not (user / "course-student.pdf").exists():
            (user / "course-student.pdf").write_bytes(b"%PDF mine")
            (user / "results.json").write_text("{}", encoding="utf-8")
            (user / "results.md").write_text("mine", encoding="utf-8")
        afile = tmp / "o" / "grades.xlsx"
        afile.write_bytes(b"grades")
        return {"existing file": afile, "non-empty folder of the user's": user,
                "tracked folder quizzes/": root / "quizzes",
                "tracked folder docs/_data": root / "docs" / "_data", "the checkout root": root,
                "the checkout's parent": root.parent, "/": Path("/"), "the built site folder": site / "out",
                "site/ of the checkout": root / "site" / "handout"}

    for command in ("export", "variants", "assign", "pdf", "bench"):
        for label, target in precious().items():
            if command in ("pdf", "bench") and label.startswith("tracked folder"):
                continue  # these add named files beside others (bench/ itself is tracked): no folder is replaced
            before = snapshot(tmp / "o")
            code, err, crash = run(cmd(command, target))
            lost = snapshot(tmp / "o") != before
            record("outputs", f"course {command} --out <{label}>", "in-process main() on a git checkout copy; "
                   "snapshot of every file before/after", code, err, crash, lost)
    # own output replaced, one with a user's file, another command's folder (the export needs the exam items)
    if not exam_banks_locked():
        own = tmp / "o" / "dist" / "instructor"
        run(cmd("export", own))
        code, err, crash = run(cmd("export", own))
        record("outputs", "course export --out <its own previous output>", "run twice", code, err, crash, False,
               bad=False)
        (own / "notes.txt").write_text("mine", encoding="utf-8")
        before = snapshot(tmp / "o")
        code, err, crash = run(cmd("export", own))
        record("outputs", "course export --out <its output + a file added by hand>", "snapshot", code, err, crash,
               snapshot(tmp / "o") != before)
        (own / "notes.txt").unlink()
        key = next((own / "keys").glob("*.csv"))
        key.write_text("edited", encoding="utf-8")
        before = snapshot(tmp / "o")
        code, err, crash = run(cmd("export", own))
        record("outputs", "course export --out <its output with a key edited by hand>", "snapshot", code, err, crash,
               snapshot(tmp / "o") != before)
        var = tmp / "o" / "variants-out"
        run(cmd("variants", var))
        before = snapshot(tmp / "o")
        code, err, crash = run(cmd("export", var))
        record("outputs", "course export --out <a folder course variants made>", "snapshot", code, err, crash,
               snapshot(tmp / "o") != before)
    schema = root / "quizzes" / "schema" / "quiz-bank.schema.json"
    schema.write_text('{"mine": 1}', encoding="utf-8")
    before = snapshot(tmp / "o")
    code, err, crash = run(["--root", str(root), "quiz-schema"])
    record("outputs", "course quiz-schema over a hand-edited schema file", "snapshot", code, err, crash,
           snapshot(tmp / "o") != before)


# --------------------------------------------------------------------------------------------- content
def content_cases(tmp: Path) -> None:
    template = new_checkout(tmp / "template")
    count = 0

    def case(name: str, how: str, mutate, expect: str = "") -> None:  # type: ignore[no-untyped-def]
        nonlocal count
        count += 1
        base = tmp / f"c{count}"
        shutil.copytree(template, base / "checkout", symlinks=True)
        root = base / "checkout"
        mutate(root)
        code, err, crash = run(["--root", str(root), "check"])
        record("content", name, how, code, err, crash, False, expect=expect)

    def append_bytes(rel: str, data: bytes):  # type: ignore[no-untyped-def]
        return lambda r: (r / rel).write_bytes((r / rel).read_bytes() + data)

    def replace_first(rel: str, old: str, new: str):  # type: ignore[no-untyped-def]
        def go(r: Path) -> None:
            t = (r / rel).read_text(encoding="utf-8")
            assert old in t, (rel, old)
            (r / rel).write_text(t.replace(old, new, 1), encoding="utf-8")
        return go

    files = ["quizzes/chapter-2.yml", "quizzes/final.yml", "docs/_data/glossary.yml", "docs/_data/timeline.yml",
             "docs/_data/course.yml", "docs/_data/concept-map.yml", "docs/chapters/01-introduction.md",
             "bibliography/references.bib", "docs/index.md", "docs/instructors/index.md"]
    for rel in files:
        case(f"non-UTF-8 byte in {rel}", "latin-1 'é' appended", append_bytes(rel, "\ncaf\xe9\n".encode("latin-1")),
             "not UTF-8")
    for rel in ["quizzes/chapter-3.yml", "docs/_data/glossary.yml", "docs/_data/timeline.yml",
                "docs/chapters/02-preparedness-to-talk.md", "bibliography/references.bib"]:
        case(f"U+202E right-to-left override in {rel}", "appended in a comment/line",
             append_bytes(rel, ("\n% \u202eevil\n" if rel.endswith(".bib") else "\n# \u202eevil\n").encode()),
             "U+202E")
    bomb = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x, x]"] + [
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]" for n in range(8)]) + "\n"
    for rel in ["docs/_data/concept-map.yml", "docs/_data/glossary.yml", "quizzes/chapter-1.yml",
                "docs/_data/course.yml"]:
        case(f"YAML alias bomb (1.3 KB, 10^9 nodes) as {rel}", "file replaced by the bomb",
             lambda r, rel=rel: (r / rel).write_text(bomb, encoding="utf-8"), "alias")
    case("YAML merge key alias in chapter front matter", "`x: &s [a]` + `y: *s`",
         replace_first("docs/chapters/01-introduction.md", "---\n", "---\nx: &s [a]\ny: *s\n"), "alias")
    case("5 MB question bank", "600 KB comment appended",
         append_bytes("quizzes/chapter-1.yml", b"#" + b"x" * 5_000_000 + b"\n"), "at most")

    def many_items(r: Path) -> None:
        import copy
        p = r / "quizzes/chapter-1.yml"
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        d["items"] += [{**copy.deepcopy(d["items"][0]), "id": f"copy-{n}"} for n in range(250)]
        p.write_text(yaml.safe_dump(d, allow_unicode=True, sort_keys=False), encoding="utf-8")
    case("bank with 270 items", "items duplicated with new ids", many_items, "at most 200")
    tl = (template / "docs/_data/timeline.yml").read_text(encoding="utf-8")
    first_date = next(line for line in tl.splitlines() if line.strip().startswith("date:"))
    for date in ["1999-02-30", "2021-13-45", "2021-00", "0000", "21-01-01", "2021-02-29", "yesterday"]:
        case(f"timeline date {date}", "first event's date replaced",
             replace_first("docs/_data/timeline.yml", first_date, first_date.split("date:")[0] + f'date: "{date}"'),
             f"'{date}'")
    case("YAML syntax error in a bank", "unclosed bracket", append_bytes("quizzes/chapter-4.yml", b"\nfoo: [\n"),
         "YAML")
    case("duplicate key in glossary", "a term's 'short' written twice",
         replace_first("docs/_data/glossary.yml", "  short:", "  short: dup\n  short:"), "duplicate key")
    case("unknown citation key in a chapter", "[@nobody1999]",
         append_bytes("docs/chapters/03-empowerment-and-representation.md", b"\nSee [@nobody1999].\n"), "nobody1999")
    case("link to an unknown glossary term", "[x](../glossary.md#no-such-term)",
         append_bytes("docs/chapters/04-drive-for-informalization.md", b"\n[x](../glossary.md#no-such-term)\n"),
         "no-such-term")
    case("empty question bank file", "file emptied", lambda r: (r / "quizzes/chapter-5.yml").write_text(""),
         "chapter-5")
    case("binary junk as a bank", "random bytes", lambda r: (r / "quizzes/chapter-6.yml").write_bytes(os.urandom(2000)),
         "chapter-6")
    case("unknown marker on a page", "<!-- course:nope -->", append_bytes("docs/index.md", b"\n<!-- course:nope -->\n"),
         "nope")
    case("stray bank file", "quizzes/chapter-9.yml",
         lambda r: (r / "quizzes/chapter-9.yml").write_text("quiz: chapter-9\n"), "chapter-9")


# --------------------------------------------------------------------------------------------- CLI arguments
def cli_cases(tmp: Path) -> None:
    roster_dir = tmp / "cli"
    roster_dir.mkdir()
    good = roster_dir / "good.csv"
    good.write_text("id,name\ns1,Ana\n", encoding="utf-8")
    rosters = {"roster without a name column": "id,email\ns1,a@x\n",
               "roster with a duplicate id": "id,name\ns1,A\ns1,B\n",
               "roster that is not UTF-8": None, "empty roster": "",
               "roster with an id holding '/'": "id,name\n../x,A\n"}
    for label, text in rosters.items():
        path = roster_dir / (label.replace(" ", "-").replace("/", "slash").replace("'", "") + ".csv")
        if text is None:
            path.write_bytes("id,name\ns1,Jos\xe9\n".encode("latin-1"))
        else:
            path.write_text(text, encoding="utf-8")
        out = roster_dir / ("out-" + path.stem)
        code, err, crash = run(["variants", "--roster", str(path), "--chapter", "1", "--seed", "1", "--use", "all",
                                "--no-pdf", "--out", str(out)])
        record("cli", f"course variants: {label}", "in-process", code, err, crash, False, expect=str(path.name))
    def o(name: str) -> str:
        return str(roster_dir / name)

    variants = ["variants", "--roster", str(good), "--seed", "1"]
    args = {
        "course quiz ３ (fullwidth digit)": ["quiz", "\uff13"],
        "course quiz +3": ["quiz", "+3"],
        "course quiz 9 (no such chapter)": ["quiz", "9"],
        "course quiz x": ["quiz", "x"],
        "course quiz 1 --format pdf": ["quiz", "1", "--format", "pdf"],
        "course assign --chapters ３": ["assign", "--chapters", "\uff13", "--out", o("a1")],
        "course assign --chapters 2,99": ["assign", "--chapters", "2,99", "--out", o("a2")],
        "course assign --chapters ,": ["assign", "--chapters", ",", "--out", o("a3")],
        "course assign --due 2026-02-30": ["assign", "--chapters", "2", "--due", "2026-02-30", "--out", o("a4")],
        "course assign --due 26-1-1": ["assign", "--chapters", "2", "--due", "26-1-1", "--out", o("a5")],
        "course assign --due 3000-01-01": ["assign", "--chapters", "2", "--due", "3000-01-01", "--out", o("a6")],
        "course assign --title '' ": ["assign", "--chapters", "2", "--title", "  ", "--out", o("a7")],
        "course assign --title of 500 characters": ["assign", "--chapters", "2", "--title", "x" * 500,
                                                    "--out", o("a8")],
        "course variants --chapter ３": [*variants, "--chapter", "\uff13", "--out", o("v1")],
        "course variants --chapter 99": [*variants, "--chapter", "99", "--out", o("v2")],
        "course variants --roster missing.csv": ["variants", "--roster", o("missing.csv"), "--chapter", "1",
                                                 "--seed", "1", "--out", o("v3")],
        "course --root /nonexistent check": ["--root", "/nonexistent", "check"],
        "course pdf --site <no site>": ["pdf", "--site", o("nosite"), "--out", o("p")],
        "course bench --out results.txt (not .json)": ["bench", "--out", o("results.txt")],
    }
    for label, argv in args.items():
        before = snapshot(roster_dir)
        code, err, crash = run(argv)
        record("cli", label, "in-process main()", code, err, crash, snapshot(roster_dir) != before)


@pytest.mark.slow
def test_every_bad_input_gets_a_clear_error_and_loses_nothing(tmp_path: Path) -> None:
    results.clear()
    output_cases(tmp_path)
    content_cases(tmp_path)
    cli_cases(tmp_path)
    outcomes = Counter(r["outcome"] for r in results)
    print(f"\n{len(results)} inputs: {dict(outcomes)}")
    for r in results:
        print(f"{r['outcome']:7} {r['code']!s:4} {r['group']:8} {r['input']} | {r['message'][:120]}")
    bad = [r for r in results if r["outcome"] not in ("clear", "ok")]
    assert not bad, json.dumps(bad, indent=1, ensure_ascii=False)
    assert len(results) >= 100
