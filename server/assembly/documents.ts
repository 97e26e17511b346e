import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveDataDir } from '@/db/client';
import { DOCUMENT_EXTENSION, sniffDocument } from '@/lib/uploads/documents';

function uploadsDir(compoundId: number) {
  return path.join(resolveDataDir(), 'uploads', String(compoundId));
}

export interface StoredDocument {
  file: string;
  mime: string;
  bytes: number;
  name: string;
}

/**
 * Writes checked documents (lib/uploads/documents.ts) under the data directory with random names,
 * fsynced so a file the database names is on disk; the caller removes them if its transaction fails.
 */
export async function storeDocuments(
  compoundId: number,
  docs: readonly { name: string; bytes: Uint8Array }[],
): Promise<StoredDocument[]> {
  const dir = uploadsDir(compoundId);
  await fs.mkdir(dir, { recursive: true });
  const stored: StoredDocument[] = [];
  for (const d of docs) {
    const mime = sniffDocument(d.bytes);
    if (!mime) throw new Error('storeDocuments called with an unchecked file');
    const file = `${randomUUID()}.${DOCUMENT_EXTENSION[mime]}`;
    const handle = await fs.open(path.join(dir, file), 'wx', 0o600);
    try {
      await handle.writeFile(d.bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    stored.push({ file, mime, bytes: d.bytes.length, name: d.name.slice(0, 100) || file });
  }
  return stored;
}

export async function removeDocuments(compoundId: number, files: readonly string[]) {
  await Promise.all(files.map((f) => fs.rm(path.join(uploadsDir(compoundId), path.basename(f)), { force: true })));
}

export async function readDocument(compoundId: number, file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(path.join(uploadsDir(compoundId), path.basename(file)));
  } catch {
    return null;
  }
}
