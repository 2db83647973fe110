// A small locator map, drawn offline: the land around a place, as an SVG path in an
// equirectangular view (x = longitude, y = -latitude), with the place at its centre.

/** Land outlines: rings of [longitude, latitude] pairs, flattened (Natural Earth 1:110m). */
export type LandRings = number[][];

export interface LocatorMap {
  viewBox: string;
  /** SVG path data of the land in view. */
  land: string;
  spot: [number, number];
}

const HALF_WIDTH_DEG = 30;
const HALF_HEIGHT_DEG = 18;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function locatorMap(rings: LandRings, [lat, lon]: [number, number]): LocatorMap {
  const top = Math.min(90, lat + HALF_HEIGHT_DEG);
  const left = lon - HALF_WIDTH_DEG;
  const right = lon + HALF_WIDTH_DEG;
  const bottom = top - 2 * HALF_HEIGHT_DEG;
  const parts: string[] = [];
  for (const ring of rings) {
    let inView = false;
    for (let i = 0; i < ring.length && !inView; i += 2) {
      const x = ring[i] ?? 0;
      const y = ring[i + 1] ?? 0;
      inView = x >= left - 10 && x <= right + 10 && y >= bottom - 10 && y <= top + 10;
    }
    if (!inView) continue;
    const points: string[] = [];
    for (let i = 0; i < ring.length; i += 2) points.push(`${round(ring[i] ?? 0)} ${round(-(ring[i + 1] ?? 0))}`);
    parts.push(`M${points.join('L')}Z`);
  }
  return {
    viewBox: `${round(left)} ${round(-top)} ${2 * HALF_WIDTH_DEG} ${2 * HALF_HEIGHT_DEG}`,
    land: parts.join(''),
    spot: [round(lon), round(-lat)],
  };
}
