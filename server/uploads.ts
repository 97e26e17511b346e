import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '@/db/client';
import { EXTENSION, type ImageMime, sniffImage } from '../lib/uploads/sniff';

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
 * database mentions is on disk). The caller removes them again if its transaction fails.
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
    stored.push({ file, mime, bytes: bytes.length });
  }
  return stored;
}

export async function removePhotos(compoundId: number, files: readonly string[]) {
  await Promise.all(files.map((f) => fs.rm(path.join(uploadsDir(compoundId), path.basename(f)), { force: true })));
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
