// Projects Natural Earth shapes (the world-atlas npm package) to SVG path data for the course's locator map.
// Reads a JSON request on stdin, writes JSON on stdout; coursekit/pages/figures/geo.py runs it at build time.
// The request names the node_modules folder, so the maintained libraries are the project's own pinned copies:
// topojson-client decodes TopoJSON, d3-geo projects and writes SVG paths.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const request = JSON.parse(readFileSync(0, "utf8"));
const require = createRequire(join(request.node_modules, "noop.js"));
const load = async (name) => import(pathToFileURL(require.resolve(name)).href);
const topojson = await load("topojson-client");
const d3 = await load("d3-geo");

const atlas = JSON.parse(readFileSync(join(request.node_modules, "world-atlas", request.atlas), "utf8"));
const countries = topojson.feature(atlas, atlas.objects.countries).features;
const { west, east, south, north } = request.extent;
// The corners as points: a polygon's winding order would decide which side of it is "inside" on the sphere.
const frame = { type: "MultiPoint", coordinates: [[west, south], [east, south], [east, north], [west, north]] };
// Mercator keeps the familiar shapes of a small region; the height follows from the width and the extent.
const projection = d3.geoMercator().fitWidth(request.width, frame);
const height = Math.ceil(d3.geoPath(projection).bounds(frame)[1][1]);
const path = d3.geoPath(projection).digits(1);

// A shape may be cut along a parallel (north_of / south_of, in degrees): Natural Earth draws some territories by
// the line of control, and a request can rebuild a boundary that follows a parallel.
const shapes = {};
for (const piece of request.countries) {
  const feature = countries.find((c) => c.id === piece.atlas_id);
  if (!feature) {
    console.error(`world-atlas ${request.atlas} has no country with id ${piece.atlas_id}`);
    process.exit(3);
  }
  let top = 0;
  let bottom = height;
  if (piece.north_of !== undefined) bottom = projection([west, piece.north_of])[1];
  if (piece.south_of !== undefined) top = projection([west, piece.south_of])[1];
  projection.clipExtent([[0, top], [request.width, bottom]]);
  shapes[piece.key] = { name: feature.properties.name, d: path(feature) || "" };
}
projection.clipExtent([[0, 0], [request.width, height]]);
const points = {};
for (const [id, [lon, lat]] of Object.entries(request.points)) {
  const [x, y] = projection([lon, lat]);
  points[id] = [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}
const graticule = path(d3.geoGraticule().step([5, 5]).extent([[west, south], [east, north]])());
process.stdout.write(JSON.stringify({ width: request.width, height, shapes, points, graticule }));
