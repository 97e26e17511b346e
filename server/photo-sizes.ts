import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * Photos as a phone should fetch them (docs/decisions/0019-performance.md): beside each upload, a
 * 256 px square thumbnail and a 1024 px view, both WebP (EXIF and GPS dropped), made when the photo
 * is uploaded; photos uploaded before are given theirs on their first request. The original is only
 * sent when someone opens it. Sizes are best effort: a photo they cannot be made from is served as
 * it was uploaded.
 */
export const PHOTO_WIDTHS = [256, 1024] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

export function parseWidth(value: string | null): PhotoWidth | null {
  return PHOTO_WIDTHS.find((w) => String(w) === value) ?? null;
}

/** `3f2….jpg` → `3f2….w256.webp`, in the same folder. */
export function sizedName(file: string, width: PhotoWidth): string {
  const base = path.basename(file);
  const dot = base.lastIndexOf('.');
  return `${dot > 0 ? base.slice(0, dot) : base}.w${width}.webp`;
}

/**
 * Both sizes from an original: the view first, then the thumbnail from the view (a quarter of the
 * work). Neither is larger than the original.
 */
export async function makeSizes(original: Uint8Array): Promise<Record<PhotoWidth, Buffer>> {
  const view = await sharp(original, { failOn: 'error', limitInputPixels: 40e6 })
    .autoOrient()
    .resize(1024, 1024, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  const thumb = await sharp(view)
    .resize(256, 256, { fit: 'cover', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  return { 256: thumb, 1024: view };
}

/** Written under a temporary name and renamed: two requests making the same size never leave half a file. */
async function writeAtomically(file: string, bytes: Buffer) {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await fs.writeFile(temporary, bytes, { mode: 0o600 });
  await fs.rename(temporary, file);
}

/** Makes and keeps the sizes of a stored photo; false when they cannot be made (the original is then served). */
export async function storeSizes(dir: string, file: string, original: Uint8Array): Promise<boolean> {
  try {
    const sizes = await makeSizes(original);
    await Promise.all(PHOTO_WIDTHS.map((w) => writeAtomically(path.join(dir, sizedName(file, w)), sizes[w])));
    return true;
  } catch (error) {
    console.error(`[yishi] photo sizes of ${path.basename(file)}:`, error instanceof Error ? error.message : error);
    return false;
  }
}

/** A size of a stored photo, made now if it was uploaded before sizes existed; null to serve the original. */
export async function readSize(dir: string, file: string, width: PhotoWidth, original: () => Promise<Buffer | null>) {
  const sized = path.join(dir, sizedName(file, width));
  try {
    return await fs.readFile(sized);
  } catch {
    const bytes = await original();
    if (!bytes || !(await storeSizes(dir, file, bytes))) return null;
    return fs.readFile(sized).catch(() => null);
  }
}
