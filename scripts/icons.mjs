// Draws the app's icons (static/icons/icon-192.png and icon-512.png, named in
// static/manifest.webmanifest): a page of text lines on a dark tile, some words marked in the
// four labels' colours. Run by hand after changing the drawing; the PNGs are committed.
// Plain Node (zlib), so drawing them needs no image library.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZES = [192, 512];
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'static', 'icons');

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
// Rounded rectangles in units of the icon's side: [left, top, right, bottom, radius, colour].
const SHAPES = [
  [0, 0, 1, 1, 0.2, '#1b1b1f'],
  [0.17, 0.14, 0.83, 0.86, 0.05, '#ffffff'],
  // Lines of text, grey, with the marked words over them.
  [0.25, 0.25, 0.75, 0.31, 0.02, '#c9ccd3'],
  [0.25, 0.25, 0.47, 0.31, 0.02, '#1f77b4'],
  [0.25, 0.39, 0.75, 0.45, 0.02, '#c9ccd3'],
  [0.53, 0.39, 0.75, 0.45, 0.02, '#2ca02c'],
  [0.25, 0.53, 0.75, 0.59, 0.02, '#eb6e00'],
  [0.25, 0.67, 0.75, 0.73, 0.02, '#c9ccd3'],
  [0.25, 0.67, 0.41, 0.73, 0.02, '#e067bb'],
].map(([l, t, r, b, radius, colour]) => ({ l, t, r, b, radius, colour: rgb(colour) }));

const inside = ({ l, t, r, b, radius }, x, y) => {
  if (x < l || x > r || y < t || y > b) return false;
  const dx = Math.max(l + radius - x, 0, x - (r - radius));
  const dy = Math.max(t + radius - y, 0, y - (b - radius));
  return dx * dx + dy * dy <= radius * radius;
};

/** RGBA pixels of the icon at `size`×`size`, each pixel averaged over 4×4 samples. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          const top = SHAPES.findLast((shape) => inside(shape, x, y));
          if (!top) continue;
          for (let c = 0; c < 3; c++) sum[c] += top.colour[c];
          sum[3] += 1;
        }
      }
      const at = (py * size + px) * 4;
      // Colour averaged over the covered samples; coverage is the alpha.
      for (let c = 0; c < 3; c++) pixels[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[at + 3] = Math.round((255 * sum[3]) / (n * n));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A PNG file (8-bit RGBA) of `size`×`size` `pixels`. */
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  // Each row starts with its filter byte, 0 (none).
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) writeFileSync(join(OUT, `icon-${size}.png`), png(size, draw(size)));
  console.log(`Icons written to ${OUT}`);
}
