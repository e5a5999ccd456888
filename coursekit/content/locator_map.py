"""The locator map's data (docs/_data/locator-map.yml): the areas and places of the Morocco case, as coordinates.

The shapes themselves are not content: they come from Natural Earth through the pinned npm package world-atlas and
are projected at build time (coursekit/pages/figures/geo.py). Authors only say which areas and places to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coursekit.content.fields import FieldReader
from coursekit.content.ids import read_id
from coursekit.errors import Problem, raise_if_any
from coursekit.yamlio import line_of, load_yaml_file

AREA_ROLES = ("focus", "disputed", "context")
PLACE_KINDS = ("city", "capital", "water")
LABEL_SIDES = ("left", "right")


@dataclass(frozen=True)
class Shape:
    """One shape of the atlas, optionally only the part north or south of a parallel."""

    atlas_id: str
    north_of: float | None = None
    south_of: float | None = None


@dataclass(frozen=True)
class Area:
    """A country or territory drawn from the atlas."""

    id: str
    shapes: tuple[Shape, ...]
    name: str
    role: str
    label_at: tuple[float, float]
    note: str
    cite: str
    line: int | None


@dataclass(frozen=True)
class Place:
    """A point: a city, a capital or a stretch of water."""

    id: str
    name: str
    kind: str
    at: tuple[float, float]
    side: str
    note: str
    cite: str
    chapter: int | None
    anchor: str | None
    line: int | None


@dataclass(frozen=True)
class LocatorMap:
    path: Path
    title: str
    description: str
    extent: dict[str, float]
    areas: tuple[Area, ...]
    places: tuple[Place, ...]


def _lon_lat(f: FieldReader, key: str) -> tuple[float, float]:
    value = f.data.get(key)
    if (not isinstance(value, list) or len(value) != 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        f.fail(f"field '{key}' must be [longitude, latitude] in degrees")
        return (0.0, 0.0)
    lon, lat = float(value[0]), float(value[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        f.fail(f"field '{key}' [{lon}, {lat}] is not a longitude in -180..180 and a latitude in -90..90")
    return (lon, lat)


def _shapes(f: FieldReader) -> tuple[Shape, ...]:
    shapes = []
    for raw in f.records("shapes"):
        s = FieldReader(raw, f.path, f.problems, item=f.item)
        bounds: dict[str, float | None] = {}
        for side in ("north_of", "south_of"):
            value = s.data.get(side)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                      or not -90 <= value <= 90):
                s.fail(f"shapes: '{side}' must be a latitude in degrees (-90..90)")
                value = None
            bounds[side] = float(value) if value is not None else None
        shapes.append(Shape(s.text("atlas_id"), **bounds))
    if not shapes:
        f.fail("field 'shapes' needs at least one shape")
    return tuple(shapes)



def _inside(f: FieldReader, key: str, at: tuple[float, float], extent: dict[str, float]) -> None:
    lon, lat = at
    if extent and not (extent["west"] <= lon <= extent["east"] and extent["south"] <= lat <= extent["north"]):
        f.fail(f"field '{key}' [{lon}, {lat}] lies outside the map's extent")


def load_locator_map(path: Path) -> LocatorMap:
    """Load and validate the map data; every problem is reported with its line."""
    problems: list[Problem] = []
    f = FieldReader(load_yaml_file(path), path, problems)
    extent_raw = f.mapping("extent")
    extent: dict[str, float] = {}
    for side in ("west", "east", "south", "north"):
        value = extent_raw.get(side)
        if isinstance(value, bool) or not isinstance(value, int | float):
            f.fail(f"extent needs a number for '{side}'")
        else:
            extent[side] = float(value)
    if len(extent) == 4 and not (extent["west"] < extent["east"] and extent["south"] < extent["north"]):
        f.fail("extent must have west < east and south < north")
        extent = {}
    elif len(extent) < 4:
        extent = {}
    seen: dict[str, int | None] = {}  # areas and places share one id space

    areas = []
    for raw in f.records("areas"):
        a = FieldReader(raw, path, problems, item=str(raw.get("id")) if isinstance(raw, dict) else None)
        label_at = _lon_lat(a, "label_at")
        _inside(a, "label_at", label_at, extent)
        areas.append(Area(read_id(a, seen, line_of(raw)), _shapes(a), a.text("name"), a.choice("role", AREA_ROLES),
                          label_at, a.text("note", required=False), a.text("cite", required=False), line_of(raw)))
    places = []
    for raw in f.records("places"):
        p = FieldReader(raw, path, problems, item=str(raw.get("id")) if isinstance(raw, dict) else None)
        at = _lon_lat(p, "at")
        _inside(p, "at", at, extent)
        link = p.mapping("link", required=False)
        chapter = link.get("chapter") if link else None
        if link and (isinstance(chapter, bool) or not isinstance(chapter, int)):
            p.fail("link.chapter must be a chapter number")
            chapter = None
        anchor = link.get("anchor") if link else None
        places.append(Place(read_id(p, seen, line_of(raw)), p.text("name"), p.choice("kind", PLACE_KINDS), at,
                            p.choice("side", LABEL_SIDES), p.text("note"), p.text("cite", required=False),
                            chapter, str(anchor) if anchor else None, line_of(raw)))
    raise_if_any(problems)
    return LocatorMap(path, f.text("title"), f.text("description"), extent, tuple(areas), tuple(places))
