// Draws the app icons (PNG) with no image library: a white check mark on the app's blue, antialiased.
// Run once after changing the design: `node scripts/make-icons.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x4f, 0x91];
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** `scale`: size of the mark relative to the icon (maskable icons keep it inside the 80 % safe zone). */
function icon(size, scale, rounded) {
  const rows = [];
  const s = size * scale;
  const o = (size - s) / 2;
  const a = [o + 0.18 * s, o + 0.52 * s], b = [o + 0.42 * s, o + 0.76 * s], c = [o + 0.84 * s, o + 0.28 * s];
  const width = 0.11 * s;
  const radius = rounded ? size * 0.18 : 0;
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const px = x + 0.5, py = y + 0.5;
      const d = Math.min(distToSegment(px, py, ...a, ...b), distToSegment(px, py, ...b, ...c));
      const mark = Math.max(0, Math.min(1, width / 2 - d + 0.5));
      // Rounded corners for the plain icon: alpha from the distance to the corner circle.
      const cx = Math.min(Math.max(px, radius), size - radius), cy = Math.min(Math.max(py, radius), size - radius);
      const alpha = radius ? Math.max(0, Math.min(1, radius - Math.hypot(px - cx, py - cy) + 0.5)) : 1;
      row.push(...BLUE.map((v) => Math.round(v + (255 - v) * mark)), Math.round(alpha * 255));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, 0.8, true));
writeFileSync(new URL('icon-512.png', out), icon(512, 0.8, true));
writeFileSync(new URL('maskable-512.png', out), icon(512, 0.6, false));
writeFileSync(new URL('apple-touch-icon-180.png', out), icon(180, 0.7, false));
writeFileSync(new URL('favicon-32.png', out), icon(32, 0.9, true));
