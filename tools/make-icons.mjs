// Draws TermLens's toolbar icon (a magnifying lens over a dotted underline on a teal tile) into public/icon/*.png.
// Pure Node: an RGBA raster with 4x4 supersampling, encoded as PNG with zlib. Run: node tools/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 96, 128];
const TEAL = [15, 118, 110];
const WHITE = [255, 255, 255];
const AMBER = [251, 191, 36];

/** Shape tests in a unit square (0..1); later shapes paint over earlier ones. */
function colourAt(x, y) {
  const r = 0.2,
    inTile = (() => {
      const dx = Math.max(r - x, 0, x - (1 - r)),
        dy = Math.max(r - y, 0, y - (1 - r));
      return dx * dx + dy * dy <= r * r;
    })();
  if (!inTile) return null;
  let c = TEAL;
  const cx = 0.43,
    cy = 0.42,
    d = Math.hypot(x - cx, y - cy);
  if (d >= 0.19 && d <= 0.27) c = WHITE; // lens ring
  const t = (x - 0.6 + (y - 0.6)) / 2; // handle along the diagonal
  const off = Math.abs(x - 0.6 - (y - 0.6)) / Math.SQRT2;
  if (t >= 0 && t <= 0.2 && off <= 0.06) c = WHITE;
  if (y >= 0.8 && y <= 0.86 && x >= 0.18 && x <= 0.7 && Math.floor((x - 0.18) / 0.08) % 2 === 0) c = AMBER; // dotted underline
  return c;
}

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size) {
  const S = 4,
    raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = colourAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? r / a : 0;
      raw[o + 1] = a ? g / a : 0;
      raw[o + 2] = a ? b / a : 0;
      raw[o + 3] = (a * 255) / (S * S);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const s of SIZES) writeFileSync(new URL(`../public/icon/${s}.png`, import.meta.url), png(s));
console.log(`wrote public/icon/{${SIZES.join(',')}}.png`);
