"""Project the locator map's shapes with the project's pinned JavaScript libraries (world-atlas, topojson-client,
d3-geo), run once through Node.js and cached in .cache/ by the request's content.

Node.js is already part of the set-up (`npm ci`); using its maintained geographic libraries avoids hand-written
TopoJSON decoding and map projection in Python.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from coursekit.errors import ContentError, Problem

SCRIPT = Path(__file__).with_name("project_map.mjs")
ATLAS = "countries-50m.json"


def project(request: dict[str, Any], node_modules: Path, cache: Path, data_path: Path) -> dict[str, Any]:
    """Projected SVG path data for the request's countries and points; problems name the map's data file."""
    atlas = node_modules / "world-atlas" / ATLAS
    if not atlas.is_file():
        raise ContentError([Problem(data_path, None, f"{atlas} is missing: run `make setup` (npm ci) first")])
    payload = {**request, "atlas": ATLAS, "node_modules": str(node_modules)}
    key = hashlib.sha256(
        json.dumps(payload, sort_keys=True).encode() + SCRIPT.read_bytes() + str(atlas.stat().st_size).encode()
    ).hexdigest()[:20]
    cached = cache / f"locator-map-{key}.json"
    if cached.is_file():
        return json.loads(cached.read_text(encoding="utf-8"))
    node = shutil.which("node")
    if node is None:
        raise ContentError([Problem(data_path, None, "Node.js (`node`) is needed to draw the locator map: "
                                    "install it with npm, as the README says")])
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps(payload), capture_output=True, text=True,
                            check=False, timeout=120)
    if result.returncode != 0:
        raise ContentError([Problem(data_path, None, f"drawing the locator map failed: {result.stderr.strip()}")])
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    partial.write_text(result.stdout, encoding="utf-8")
    partial.replace(cached)  # a build stopped half-way never leaves a truncated cache entry
    return json.loads(result.stdout)
