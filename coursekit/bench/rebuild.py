"""Rebuild time under `mkdocs serve`: touch a chapter, wait for the server's "Reloading browsers" line.

The figure is what an author waits for: from saving the file to the browser reload, including the file
watcher's polling delay (MkDocs polls every 0.5 s), with the server's own build time reported beside it.
"""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from coursekit.bench.timing import QUIET_ENV, CommandFailed, median

_BUILT_IN = re.compile(r"Documentation built in ([0-9.]+) seconds")
STARTUP_TIMEOUT = 300.0
REBUILD_TIMEOUT = 180.0


@dataclass(frozen=True)
class RebuildTimes:
    """Medians over the runs, in seconds."""

    save_to_reload: float
    build: float
    runs: int


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _reader(stream, lines: queue.Queue[tuple[float, str]]) -> None:
    for line in stream:
        lines.put((time.perf_counter(), line.rstrip()))


def _wait_for(lines: queue.Queue[tuple[float, str]], needle: str, timeout: float, log: list[str]) -> tuple[float, str]:
    deadline = time.perf_counter() + timeout
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise CommandFailed(f"mkdocs serve: no '{needle}' within {timeout:.0f} s:\n" + "\n".join(log[-40:]))
        try:
            stamp, line = lines.get(timeout=remaining)
        except queue.Empty:
            continue
        log.append(line)
        if needle in line:
            return stamp, line


def measure_rebuild(root: Path, chapter: Path, runs: int = 3) -> RebuildTimes:
    """Start `mkdocs serve --strict` on the project copy, touch `chapter` `runs` times, return the medians."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--livereload", "-f", str(root / "mkdocs.yml"),
               "-a", f"127.0.0.1:{_free_port()}"]
    process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **QUIET_ENV})
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    threading.Thread(target=_reader, args=(process.stderr, lines), daemon=True).start()
    log: list[str] = []
    try:
        _wait_for(lines, "Serving on", STARTUP_TIMEOUT, log)
        totals, builds = [], []
        for _ in range(runs):
            time.sleep(1.5)  # let the polling observer take its snapshot
            saved = time.perf_counter()
            os.utime(chapter)
            reloaded, _ = _wait_for(lines, "Reloading browsers", REBUILD_TIMEOUT, log)
            totals.append(reloaded - saved)
            found = [float(m.group(1)) for line in log[-20:] if (m := _BUILT_IN.search(line))]
            if found:
                builds.append(found[-1])
        return RebuildTimes(median(totals), median(builds) if builds else float("nan"), runs)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
