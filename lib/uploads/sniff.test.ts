import { describe, expect, it } from 'vitest';
import { checkPhotos, EXTENSION, MAX_PHOTO_BYTES, MAX_PHOTOS, sniffImage } from './sniff';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** The start of a real JPEG/JFIF file: SOI, then an APP0 "JFIF" segment. */
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01);
/** An Exif JPEG starts SOI, APP1. */
const JPEG_EXIF = bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00);
/** The PNG signature, then the IHDR chunk's length and type. */
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
/** "RIFF", a little-endian size, "WEBP", then a "VP8 " chunk. */
const WEBP = concat(ascii('RIFF'), bytes(0x24, 0x00, 0x00, 0x00), ascii('WEBPVP8 '), bytes(0x18, 0x00, 0x00, 0x00));

/** A buffer of `size` bytes that starts like a JPEG. */
function jpegOfSize(size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(JPEG.subarray(0, Math.min(size, JPEG.length)));
  return out;
}

describe('sniffImage', () => {
  it.each([
    ['a JFIF JPEG', JPEG, 'image/jpeg'],
    ['an Exif JPEG', JPEG_EXIF, 'image/jpeg'],
    ['a PNG', PNG, 'image/png'],
    ['a PNG signature alone', PNG.subarray(0, 8), 'image/png'],
    ['a WebP', WEBP, 'image/webp'],
    ['a WebP header alone', WEBP.subarray(0, 12), 'image/webp'],
  ] as const)('reads %s', (_, file, mime) => {
    expect(sniffImage(file)).toBe(mime);
  });

  it.each([
    ['an empty buffer', new Uint8Array(0)],
    ['a GIF89a', concat(ascii('GIF89a'), bytes(0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00))],
    ['a GIF87a', ascii('GIF87a')],
    ['a PDF', ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['an HTML page renamed .jpg', ascii('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')],
    ['an SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"></svg>')],
    ['a PNG signature cut to 7 bytes', PNG.subarray(0, 7)],
    ['a PNG signature with one byte wrong', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b, 0x00)],
    ['a JPEG start cut to 2 bytes', JPEG.subarray(0, 2)],
    ['a WAVE file', concat(ascii('RIFF'), bytes(0x24, 0x00, 0x00, 0x00), ascii('WAVEfmt '))],
    ['an AVI file', concat(ascii('RIFF'), bytes(0x24, 0x00, 0x00, 0x00), ascii('AVI LIST'))],
    ['a WebP header cut before "WEBP" ends', WEBP.subarray(0, 11)],
    ['"WEBP" without "RIFF"', concat(ascii('RIFX'), bytes(0, 0, 0, 0), ascii('WEBP'))],
    ['a ZIP', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['plain text', ascii('下水管堵了')],
  ] as const)('refuses %s', (_, file) => {
    expect(sniffImage(file)).toBeNull();
  });

  it('reads the bytes, not a name or a claimed type: a JPEG is a JPEG whatever it is called', () => {
    expect(checkPhotos([{ name: 'drain.png', bytes: JPEG }])).toBeNull();
    expect(sniffImage(JPEG)).toBe('image/jpeg');
  });

  it('maps each type to its extension', () => {
    expect(EXTENSION).toEqual({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' });
  });
});

describe('checkPhotos', () => {
  it('has the documented limits: 6 photos of 5 MiB', () => {
    expect(MAX_PHOTOS).toBe(6);
    expect(MAX_PHOTO_BYTES).toBe(5 * 1024 * 1024);
  });

  it('accepts an empty list', () => {
    expect(checkPhotos([])).toBeNull();
  });

  it('accepts six good photos of the three types', () => {
    const files = [JPEG, PNG, WEBP, JPEG_EXIF, PNG, WEBP].map((b, i) => ({ name: `p${i}`, bytes: b }));
    expect(checkPhotos(files)).toBeNull();
  });

  it('refuses seven photos, even good ones', () => {
    const files = Array.from({ length: 7 }, (_, i) => ({ name: `p${i}.jpg`, bytes: JPEG }));
    expect(checkPhotos(files)).toEqual({ problem: 'tooMany', name: '' });
  });

  it('accepts a photo of exactly 5 MiB', () => {
    expect(checkPhotos([{ name: 'exact.jpg', bytes: jpegOfSize(5 * 1024 * 1024) }])).toBeNull();
  });

  it('refuses a photo of 5 MiB and one byte, naming it', () => {
    const files = [
      { name: 'small.jpg', bytes: JPEG },
      { name: '大图.jpg', bytes: jpegOfSize(5 * 1024 * 1024 + 1) },
    ];
    expect(checkPhotos(files)).toEqual({ problem: 'tooLarge', name: '大图.jpg' });
  });

  it('refuses a text file, naming it', () => {
    const files = [
      { name: 'drain.jpg', bytes: JPEG },
      { name: 'notes.txt', bytes: ascii('the drain in building 3 is blocked again') },
    ];
    expect(checkPhotos(files)).toEqual({ problem: 'notImage', name: 'notes.txt' });
  });

  it('refuses an HTML file renamed .jpg, naming it', () => {
    expect(checkPhotos([{ name: 'photo.jpg', bytes: ascii('<html><body>hi</body></html>') }])).toEqual({
      problem: 'notImage',
      name: 'photo.jpg',
    });
  });

  it('refuses an empty file', () => {
    expect(checkPhotos([{ name: 'empty.jpg', bytes: new Uint8Array(0) }])).toEqual({
      problem: 'notImage',
      name: 'empty.jpg',
    });
  });

  it('reports the first problem in file order', () => {
    const files = [
      { name: 'ok.png', bytes: PNG },
      { name: 'doc.pdf', bytes: ascii('%PDF-1.4') },
      { name: 'huge.jpg', bytes: jpegOfSize(5 * 1024 * 1024 + 1) },
    ];
    expect(checkPhotos(files)).toEqual({ problem: 'notImage', name: 'doc.pdf' });
  });

  it('reports a too-large non-image as too large', () => {
    expect(checkPhotos([{ name: 'big.bin', bytes: new Uint8Array(5 * 1024 * 1024 + 1) }])).toEqual({
      problem: 'tooLarge',
      name: 'big.bin',
    });
  });
});
