/**
 * What an uploaded image really is, from its first bytes, never from its name or the browser's
 * claim: JPEG, PNG or WebP, or null for anything else.
 */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 6;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

export function sniffImage(bytes: Uint8Array): ImageMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

export const EXTENSION: Record<ImageMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

export type PhotoProblem = 'tooMany' | 'tooLarge' | 'notImage';

/** Checks a set of uploads; returns the first problem with the file's name, or null. */
export function checkPhotos(
  files: readonly { name: string; bytes: Uint8Array }[],
): { problem: PhotoProblem; name: string } | null {
  if (files.length > MAX_PHOTOS) return { problem: 'tooMany', name: '' };
  for (const f of files) {
    if (f.bytes.length > MAX_PHOTO_BYTES) return { problem: 'tooLarge', name: f.name };
    if (!sniffImage(f.bytes)) return { problem: 'notImage', name: f.name };
  }
  return null;
}
