import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '@/db/client';
import { EXTENSION, type ImageMime, sniffImage } from '../lib/uploads/sniff';
import { PHOTO_WIDTHS, type PhotoWidth, readSize, sizedName, storeSizes } from './photo-sizes';

function uploadsDir(compoundId: number) {
  return path.join(resolveDataDir(), 'uploads', String(compoundId));
}

export interface StoredPhoto {
  file: string;
  mime: ImageMime;
  bytes: number;
}

/**
 * Writes checked photos under the data directory with random names (fsynced, so a photo the
 * database mentions is on disk), each with its phone sizes (server/photo-sizes.ts). The caller
 * removes them again if its transaction fails.
 */
export async function storePhotos(compoundId: number, photos: readonly Uint8Array[]): Promise<StoredPhoto[]> {
  const dir = uploadsDir(compoundId);
  await fs.mkdir(dir, { recursive: true });
  const stored: StoredPhoto[] = [];
  for (const bytes of photos) {
    const mime = sniffImage(bytes);
    if (!mime) throw new Error('storePhotos called with an unchecked file');
    const file = `${randomUUID()}.${EXTENSION[mime]}`;
    const handle = await fs.open(path.join(dir, file), 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await storeSizes(dir, file, bytes);
    stored.push({ file, mime, bytes: bytes.length });
  }
  return stored;
}

export async function removePhotos(compoundId: number, files: readonly string[]) {
  const dir = uploadsDir(compoundId);
  const names = files.flatMap((f) => [path.basename(f), ...PHOTO_WIDTHS.map((w) => sizedName(f, w))]);
  await Promise.all(names.map((name) => fs.rm(path.join(dir, name), { force: true })));
}

/** A photo at a phone size (WebP), made now for a photo uploaded before sizes existed; null if it cannot be. */
export async function readPhotoSize(compoundId: number, file: string, width: PhotoWidth): Promise<Buffer | null> {
  return readSize(uploadsDir(compoundId), path.basename(file), width, () => readPhoto(compoundId, file));
}

export async function readPhoto(compoundId: number, file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(path.join(uploadsDir(compoundId), path.basename(file)));
  } catch {
    return null;
  }
}

/** Reads the uploaded files of a form field, at most `max` + 1 (so "too many" can be told apart). */
export async function readUploads(form: unknown, field: string, max: number) {
  const all = form instanceof FormData ? form.getAll(field) : [];
  const files = all.filter((f): f is File => f instanceof File && f.size > 0);
  return Promise.all(
    files
      .slice(0, max + 1)
      .map(async (f) => ({ name: f.name.slice(0, 100), bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}
