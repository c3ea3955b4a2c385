// Geometry on the sphere shared by the proximity index and the live map's checks: unit vectors, chords,
// and great-circle distances.

/** Mean Earth radius (IUGG), in metres; the sphere all distances here are measured on. */
export const EARTH_RADIUS_M = 6_371_008.8;
/** Radians per degree. */
export const DEG = Math.PI / 180;

/** Great-circle distance in metres on the mean-radius sphere, exact up to rounding (≤ 1 µm below 100 km; see the tests); the index uses the same chord. */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  writeUnitVector(lat1, normalizedLon(lon1), pair, 0);
  writeUnitVector(lat2, normalizedLon(lon2), pair, 3);
  const dx = (pair[0] ?? 0) - (pair[3] ?? 0), dy = (pair[1] ?? 0) - (pair[4] ?? 0), dz = (pair[2] ?? 0) - (pair[5] ?? 0);
  pair.fill(0);
  return chord2ToMetres(dx * dx + dy * dy + dz * dz);
}
const pair = new Float64Array(6);

/** A lower bound of chord2OfAngle(angle) for angle in [0, π]: chord = 2 sin(a/2) ≥ a - a³/24. */
export function chord2AtLeast(angle: number): number {
  const chord = angle - (angle * angle * angle) / 24;
  return chord > 0 ? chord * chord : 0;
}

/** The squared chord between two unit vectors an angle apart. */
export function chord2OfAngle(angle: number): number {
  const chord = 2 * Math.sin(angle / 2);
  return chord * chord;
}

/** Great-circle metres of a squared chord. */
export function chord2ToMetres(chord2: number): number {
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/** Longitude in [-180, 180). */
export function normalizedLon(lon: number): number {
  return lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;
}

// Unit vector of (lat, lon in [-180, 180)) into out[at..at+2]. One sine or cosine per angle, the other from
// sqrt(1 - s²) on the side where that is well conditioned (≥ 0.7): half the trigonometry of the obvious way,
// on the path of every move, with the same precision.
export function writeUnitVector(lat: number, lon: number, out: Float64Array, at: number): void {
  const phi = lat * DEG, lambda = lon * DEG;
  let sinPhi: number, cosPhi: number, sinLambda: number, cosLambda: number;
  if (phi > -Math.PI / 4 && phi < Math.PI / 4) {
    sinPhi = Math.sin(phi);
    cosPhi = Math.sqrt(1 - sinPhi * sinPhi);
  } else {
    cosPhi = Math.cos(phi);
    sinPhi = Math.sign(phi) * Math.sqrt(1 - cosPhi * cosPhi);
  }
  const east = Math.abs(lambda);
  if (east < Math.PI / 4 || east > (3 * Math.PI) / 4) {
    sinLambda = Math.sin(lambda);
    cosLambda = (east < Math.PI / 2 ? 1 : -1) * Math.sqrt(1 - sinLambda * sinLambda);
  } else {
    cosLambda = Math.cos(lambda);
    sinLambda = Math.sign(lambda) * Math.sqrt(1 - cosLambda * cosLambda);
  }
  out[at] = cosPhi * cosLambda;
  out[at + 1] = cosPhi * sinLambda;
  out[at + 2] = sinPhi;
}
