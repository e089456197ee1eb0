// Draws the extension's marketplace icon (images/icon.png, 128x128) without any image library:
// a screenplay page with a flag badge, rendered with 4x4 supersampling and written as a PNG.
// Run `node scripts/make-icon.mjs` after changing the drawing; the PNG is committed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const size = 128;
const samples = 4;

const background = [38, 48, 86];
const page = [250, 250, 246];
const fold = [206, 208, 214];
const ink = [96, 102, 122];
const badge = [242, 166, 35];
const badgeMark = [38, 48, 86];

const inRoundedRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

// Painter's order: the last shape that contains the point gives its colour.
function colourAt(x, y) {
  let colour = null;
  if (inRoundedRect(x, y, 4, 4, 124, 124, 22)) colour = background;
  // The page, with its top-right corner folded.
  const pageLeft = 28, pageTop = 18, pageRight = 88, pageBottom = 110, foldSize = 16;
  if (x >= pageLeft && x <= pageRight && y >= pageTop && y <= pageBottom) {
    const inFoldCorner = x > pageRight - foldSize && y < pageTop + foldSize;
    if (!inFoldCorner) colour = page;
    else if (x - (pageRight - foldSize) <= y - pageTop) colour = fold;
  }
  // Script lines: a scene heading, action, an indented dialogue block.
  const lines = [
    [36, 34, 72], [36, 44, 80], [36, 52, 76], [50, 62, 66], [44, 70, 78], [44, 78, 74], [36, 88, 64],
  ];
  for (const [x0, ly, x1] of lines) {
    if (inRoundedRect(x, y, x0, ly, x1, ly + 3.5, 1.75)) colour = ink;
  }
  // The badge: an amber disc with an exclamation mark, for "needs approval".
  if (inCircle(x, y, 90, 90, 27)) colour = background;
  if (inCircle(x, y, 90, 90, 23)) colour = badge;
  if (inRoundedRect(x, y, 86.5, 74, 93.5, 96, 3.5)) colour = badgeMark;
  if (inCircle(x, y, 90, 104, 4)) colour = badgeMark;
  return colour;
}

const rgba = Buffer.alloc(size * size * 4);
for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const c = colourAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
    }
    const o = (py * size + px) * 4;
    if (a > 0) {
      rgba[o] = Math.round(r / a);
      rgba[o + 1] = Math.round(g / a);
      rgba[o + 2] = Math.round(b / a);
    }
    rgba[o + 3] = Math.round((255 * a) / (samples * samples));
  }
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const rows = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  rows[y * (size * 4 + 1)] = 0; // filter: none
  rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.resolve(import.meta.dirname, '../images/icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(process.cwd(), out)} (${png.length} bytes)`);
