/**
 * Writes the app's PNG icons (a police-blue tile with a white shield and a blue star) into
 * public/icons. Uses only node:zlib so it runs anywhere Node 24 does.
 *
 * Run: node apps/web/scripts/generate-icons.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';

type Point = readonly [number, number];
type Rgba = readonly [number, number, number, number];

const BLUE: Rgba = [11, 61, 145, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
const SAMPLES = 4;

/** Points along a quadratic Bézier from a to b with control c (a excluded). */
function quadratic(a: Point, c: Point, b: Point, steps = 24): Point[] {
  const points: Point[] = [];
  for (let i = 1; i <= steps; i += 1) {
    const t = i / steps;
    const u = 1 - t;
    points.push([u * u * a[0] + 2 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]]);
  }
  return points;
}

/** The shield outline in a 100×100 box; the same path as public/favicon.svg. */
export function shieldOutline(): Point[] {
  return [
    [50, 10],
    ...quadratic([50, 10], [62, 19], [80, 18]),
    [80, 50],
    ...quadratic([80, 50], [80, 78], [50, 90]),
    ...quadratic([50, 90], [20, 78], [20, 50]),
    [20, 18],
    ...quadratic([20, 18], [38, 19], [50, 10]),
  ];
}

/** A five-pointed star in the 100×100 box. */
export function starOutline(cx = 50, cy = 47, outer = 17, inner = 7): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return points;
}

interface Shape {
  points: readonly Point[];
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function shape(points: readonly Point[]): Shape {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { points, minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

function inside(area: Shape, x: number, y: number): boolean {
  if (x < area.minX || x > area.maxX || y < area.minY || y > area.maxY) return false;
  const polygon = area.points;
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [xi, yi] = polygon[i] ?? [0, 0];
    const [xj, yj] = polygon[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const dx = Math.max(radius - x, 0, x - (100 - radius));
  const dy = Math.max(radius - y, 0, y - (100 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

interface IconSpec {
  file: string;
  size: number;
  /** Corner radius of the tile in the 100 box; 0 fills the whole square (maskable). */
  cornerRadius: number;
  /** How much of the tile the shield spans. */
  scale: number;
}

function colourAt(spec: IconSpec, x: number, y: number, shield: Shape, star: Shape): Rgba {
  if (spec.cornerRadius > 0 && !insideRoundedSquare(x, y, spec.cornerRadius)) return CLEAR;
  const sx = 50 + (x - 50) / spec.scale;
  const sy = 50 + (y - 50) / spec.scale;
  if (inside(star, sx, sy)) return BLUE;
  if (inside(shield, sx, sy)) return WHITE;
  return BLUE;
}

function render(spec: IconSpec): Buffer {
  const shield = shape(shieldOutline());
  const star = shape(starOutline());
  const row = spec.size * 4 + 1;
  const raw = Buffer.alloc(row * spec.size);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < spec.size; py += 1) {
    raw[py * row] = 0;
    for (let px = 0; px < spec.size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let s = 0; s < n; s += 1) {
        const x = ((px + ((s % SAMPLES) + 0.5) / SAMPLES) / spec.size) * 100;
        const y = ((py + (Math.floor(s / SAMPLES) + 0.5) / SAMPLES) / spec.size) * 100;
        const c = colourAt(spec, x, y, shield, star);
        // Premultiply so edges against transparency do not darken.
        sum[0] = (sum[0] ?? 0) + c[0] * c[3];
        sum[1] = (sum[1] ?? 0) + c[1] * c[3];
        sum[2] = (sum[2] ?? 0) + c[2] * c[3];
        sum[3] = (sum[3] ?? 0) + c[3];
      }
      const alpha = sum[3] ?? 0;
      const offset = py * row + 1 + px * 4;
      raw[offset] = alpha ? Math.round((sum[0] ?? 0) / alpha) : 0;
      raw[offset + 1] = alpha ? Math.round((sum[1] ?? 0) / alpha) : 0;
      raw[offset + 2] = alpha ? Math.round((sum[2] ?? 0) / alpha) : 0;
      raw[offset + 3] = Math.round(alpha / n);
    }
  }
  return encodePng(spec.size, spec.size, raw);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes filtered RGBA scanlines (filter byte 0 per row) as a PNG file. */
export function encodePng(width: number, height: number, scanlines: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const specs: IconSpec[] = [
  { file: 'icon-192.png', size: 192, cornerRadius: 22, scale: 1 },
  { file: 'icon-512.png', size: 512, cornerRadius: 22, scale: 1 },
  { file: 'icon-maskable-192.png', size: 192, cornerRadius: 0, scale: 0.72 },
  { file: 'icon-maskable-512.png', size: 512, cornerRadius: 0, scale: 0.72 },
  { file: 'apple-touch-icon-180.png', size: 180, cornerRadius: 0, scale: 0.86 },
];

if (import.meta.main) {
  const dir = join(import.meta.dirname, '..', 'public', 'icons');
  mkdirSync(dir, { recursive: true });
  for (const spec of specs) {
    writeFileSync(join(dir, spec.file), render(spec));
    console.log(`wrote ${spec.file}`);
  }
}
