import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { distanceM } from '../domain/sphere.ts';
import { h3Snapper } from './h3-snapper.ts';

const snapper = h3Snapper();

/** A point `metres` out from the middle of edge `edge` of a cell, along the line from its centre (negative: inside). */
function pastEdge(cell: string, edge: number, metres: number): { lat: number; lon: number } {
  const [cLat, cLon] = cellToLatLng(cell);
  const near = (lon: number): number => (lon - cLon > 180 ? lon - 360 : lon - cLon < -180 ? lon + 360 : lon);
  const boundary = cellToBoundary(cell);
  const [aLat = 0, aLon = 0] = boundary[edge] ?? [];
  const [bLat = 0, bLon = 0] = boundary[(edge + 1) % boundary.length] ?? [];
  const middle = { lat: (aLat + bLat) / 2, lon: (near(aLon) + near(bLon)) / 2 };
  const apothem = distanceM(cLat, cLon, middle.lat, middle.lon);
  const scale = (apothem + metres) / apothem;
  const lon = cLon + (middle.lon - cLon) * scale;
  return { lat: cLat + (middle.lat - cLat) * scale, lon: lon >= 180 ? lon - 360 : lon < -180 ? lon + 360 : lon };
}

describe('the H3 snapper', () => {
  const cell = latLngToCell(40.758, -73.9855, 8);

  it('snaps to the resolution-8 cell and its centre', () => {
    const snapped = snapper.snap(40.758, -73.9855);
    assert.equal(snapped.cell, cell);
    assert.deepEqual([snapped.lat, snapped.lon], cellToLatLng(cell));
  });

  it('measures how far past a cell’s edge a point lies, to the metre, and 0 inside', () => {
    const [centreLat, centreLon] = cellToLatLng(cell);
    assert.equal(snapper.metresOutside(cell, centreLat, centreLon), 0);
    for (let edge = 0; edge < 6; edge++) {
      const inside = pastEdge(cell, edge, -5);
      assert.equal(snapper.metresOutside(cell, inside.lat, inside.lon), 0, `5 m inside edge ${edge}`);
      for (const metres of [5, 30, 50, 120]) {
        const point = pastEdge(cell, edge, metres);
        assert.notEqual(latLngToCell(point.lat, point.lon, 8), cell);
        const measured = snapper.metresOutside(cell, point.lat, point.lon);
        assert.ok(Math.abs(measured - metres) < 1, `${metres} m past edge ${edge}: ${measured.toFixed(2)} m`);
      }
    }
  });

  it('measures across the antimeridian', () => {
    const fiji = latLngToCell(-16.5, 179.999, 8);
    const boundary = cellToBoundary(fiji);
    assert.ok(boundary.some(([, lon]) => (lon ?? 0) < 0) && boundary.some(([, lon]) => (lon ?? 0) > 0), 'a cell that straddles it');
    for (let edge = 0; edge < 6; edge++) {
      const point = pastEdge(fiji, edge, 40);
      const measured = snapper.metresOutside(fiji, point.lat, point.lon);
      assert.ok(Math.abs(measured - 40) < 1, `40 m past edge ${edge}: ${measured.toFixed(2)} m`);
    }
  });
});
