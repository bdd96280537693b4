import { writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

/**
 * Draws the add-in's icon (a dark-blue rounded tile with a green, a yellow and a red light, the
 * traffic light of the follow-up) at the sizes the manifest needs, as PNG, with no image library.
 * Run: npx tsx scripts/makeIcons.ts
 */
const SIZES = [16, 32, 64, 80, 128];
type Rgba = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage of a point by a shape, anti-aliased over one pixel. */
const cover = (distance: number) => Math.max(0, Math.min(1, 0.5 - distance));

function icon(size: number) {
  const s = size;
  const radius = s * 0.18;
  const tile = (x: number, y: number) => {
    const dx = Math.max(radius - x, 0, x - (s - radius));
    const dy = Math.max(radius - y, 0, y - (s - radius));
    return cover(Math.hypot(dx, dy) - radius);
  };
  const lights: [number, Rgba][] = [
    [0.27, [0x10, 0x7c, 0x41, 255]],
    [0.5, [0xf2, 0xc8, 0x11, 255]],
    [0.73, [0xd1, 0x34, 0x38, 255]],
  ];
  const r = s * 0.1;
  return png(s, (x, y) => {
    const base = tile(x, y);
    let colour: Rgba = [0x1f, 0x3a, 0x5f, 255];
    for (const [cy, c] of lights) {
      const a = cover(Math.hypot(x - s * 0.5, y - s * cy) - r);
      if (a > 0)
        colour = [0, 1, 2].map((i) => Math.round(colour[i]! * (1 - a) + c[i]! * a)).concat(255) as Rgba;
    }
    return [colour[0], colour[1], colour[2], Math.round(255 * base)];
  });
}

for (const size of SIZES) writeFileSync(join(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
