/**
 * node scripts/make-icons.mjs — draws the app's icons (the red seal with 议) into public/icons/ and
 * app/ (favicon.ico, apple-icon.png). Run once when the mark changes; the results are committed.
 * Needs sharp (Next's dependency) and a CJK font (fonts-wqy-microhei or Noto Sans CJK).
 */
import fs from 'node:fs';
import sharp from 'sharp';

const RED = '#9b1c1c';

/** The mark on a square; `safe` shrinks it into the maskable icon's safe zone (80 %). */
function svg(size, { safe = false, round = true } = {}) {
  const pad = safe ? size * 0.1 : 0;
  const inner = size - 2 * pad;
  const r = round ? inner * 0.18 : 0;
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
  <rect width="${size}" height="${size}" fill="${safe ? RED : 'none'}"/>
  <rect x="${pad}" y="${pad}" width="${inner}" height="${inner}" rx="${r}" fill="${RED}"/>
  <text x="50%" y="50%" dy="0.35em" text-anchor="middle" font-family="WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"
        font-weight="bold" font-size="${inner * 0.62}" fill="#fff">议</text>
</svg>`);
}

const png = (size, opts) => sharp(svg(size, opts)).png({ compressionLevel: 9 }).toBuffer();

/** An .ico holding PNG images (Windows Vista and later, every browser). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

fs.writeFileSync('public/icons/icon-192.png', await png(192));
fs.writeFileSync('public/icons/icon-512.png', await png(512));
fs.writeFileSync('public/icons/icon-maskable-512.png', await png(512, { safe: true }));
fs.writeFileSync('public/icons/badge-96.png', await png(96));
fs.writeFileSync('app/apple-icon.png', await png(180, { round: false }));
const small = await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(size) })));
fs.writeFileSync('app/favicon.ico', ico(small));
console.log('icons written');
