import { EXTENSION as IMAGE_EXTENSION, type ImageMime, sniffImage } from './sniff';

/**
 * Documents an assembly carries: its materials (quotes, budgets, drafts, photos) and signed proxy
 * authorisations (a photo or a scan). What a file is comes from its first bytes: a JPEG, PNG or WebP
 * image (sniff.ts) or a PDF; anything else is refused, whatever it is called.
 */
export type DocumentMime = ImageMime | 'application/pdf';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_MATERIALS = 8;

/** "%PDF-" */
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

export function sniffDocument(bytes: Uint8Array): DocumentMime | null {
  if (bytes.length >= PDF.length && PDF.every((v, i) => bytes[i] === v)) return 'application/pdf';
  return sniffImage(bytes);
}

export const DOCUMENT_EXTENSION: Record<DocumentMime, string> = { ...IMAGE_EXTENSION, 'application/pdf': 'pdf' };

export type DocumentProblem = 'tooMany' | 'tooLarge' | 'notDocument';

/** Checks a set of uploads against `max` files of MAX_DOCUMENT_BYTES; the first problem with the file's name, or null. */
export function checkDocuments(
  files: readonly { name: string; bytes: Uint8Array }[],
  max: number,
): { problem: DocumentProblem; name: string } | null {
  if (files.length > max) return { problem: 'tooMany', name: '' };
  for (const f of files) {
    if (f.bytes.length > MAX_DOCUMENT_BYTES) return { problem: 'tooLarge', name: f.name };
    if (!sniffDocument(f.bytes)) return { problem: 'notDocument', name: f.name };
  }
  return null;
}
