// Writes the land outlines for locator maps (Natural Earth 1:110m via world-atlas, public
// domain) as flattened [lon, lat, lon, lat, ...] rings rounded to 0.1 degree.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

export function worldMapJson() {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/land-110m.json');
  const land = feature(topology, topology.objects.land);
  const rings = [];
  for (const { geometry } of land.features) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) rings.push(ring.flatMap(([lon, lat]) => [Math.round(lon * 10) / 10, Math.round(lat * 10) / 10]));
  }
  return JSON.stringify(rings);
}
