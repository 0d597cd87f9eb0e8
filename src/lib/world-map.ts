import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land from 'world-atlas/land-110m.json' with { type: 'json' };

/** The map's drawing size in SVG units. */
export const mapSize = { width: 960, height: 470 } as const;

const projection = geoEqualEarth().fitExtent(
  [
    [8, 8],
    [mapSize.width - 8, mapSize.height - 8],
  ],
  { type: 'Sphere' },
);

let landPath: string | undefined;

/** The world's land as one SVG path, computed once per build (Natural Earth 1:110m, public domain). */
export function worldLandPath(): string {
  if (landPath === undefined) {
    const topology = land as unknown as Topology<{ land: GeometryCollection }>;
    landPath = geoPath(projection).digits(1)(feature(topology, topology.objects.land)) ?? '';
  }
  return landPath;
}

/** The outline of the globe in the same projection. */
export function spherePath(): string {
  return geoPath(projection).digits(1)({ type: 'Sphere' }) ?? '';
}

/** Where a place lands on the map. */
export function project(lon: number, lat: number): [number, number] {
  const [x, y] = projection([lon, lat]) ?? [0, 0];
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}
