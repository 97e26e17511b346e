import { describe, expect, it } from 'vitest';
import { checkDocuments, MAX_DOCUMENT_BYTES, sniffDocument } from './documents';

const ascii = (s: string) => new TextEncoder().encode(s);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

describe('documents of an assembly', () => {
  it('are PDFs or images, read from their bytes', () => {
    expect(sniffDocument(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocument(PNG)).toBe('image/png');
    expect(sniffDocument(ascii('<html>'))).toBeNull();
    expect(sniffDocument(ascii('%PDF'))).toBeNull();
  });

  it('are refused when too many, too large, or not a document, naming the file', () => {
    expect(checkDocuments([{ name: 'a.pdf', bytes: ascii('%PDF-1.4') }], 1)).toBeNull();
    expect(
      checkDocuments(
        [
          { name: 'a', bytes: PNG },
          { name: 'b', bytes: PNG },
        ],
        1,
      ),
    ).toEqual({ problem: 'tooMany', name: '' });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(ascii('%PDF-'));
    expect(checkDocuments([{ name: '预算.pdf', bytes: big }], 8)).toEqual({ problem: 'tooLarge', name: '预算.pdf' });
    expect(checkDocuments([{ name: 'x.docx', bytes: ascii('PK\u0003\u0004') }], 8)).toEqual({
      problem: 'notDocument',
      name: 'x.docx',
    });
  });
});
