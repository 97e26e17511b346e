import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvDetailed, toCsv } from './csv';

describe('parseCsv', () => {
  it('splits simple records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('gives the same result with and without a leading BOM', () => {
    expect(parseCsv('\uFEFF楼栋,户号\r\n1号楼,101\r\n')).toEqual([
      ['楼栋', '户号'],
      ['1号楼', '101'],
    ]);
    expect(parseCsv('楼栋,户号\r\n1号楼,101\r\n')).toEqual(parseCsv('\uFEFF楼栋,户号\r\n1号楼,101\r\n'));
  });

  it('strips only one BOM, and only at the very start', () => {
    expect(parseCsv('\uFEFF\uFEFFa')).toEqual([['\uFEFFa']]);
    expect(parseCsv('a,\uFEFFb')).toEqual([['a', '\uFEFFb']]);
  });

  it('accepts CRLF, LF, CR and a mix of them', () => {
    const expected = [['a', 'b'], ['c', 'd'], ['e']];
    expect(parseCsv('a,b\r\nc,d\r\ne')).toEqual(expected);
    expect(parseCsv('a,b\nc,d\ne\n')).toEqual(expected);
    expect(parseCsv('a,b\rc,d\re\r')).toEqual(expected);
    expect(parseCsv('a,b\r\nc,d\ne\r')).toEqual(expected);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, untrimmed', () => {
    const text = '"某某地产, 有限公司","他说""好""","第一行\r\n第二行"," x "\n';
    expect(parseCsv(text)).toEqual([['某某地产, 有限公司', '他说"好"', '第一行\r\n第二行', ' x ']]);
  });

  it('keeps white space around unquoted values (trimming is the caller’s choice)', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n,,')).toEqual([
      ['a', '', 'c', ''],
      ['', '', ''],
    ]);
  });

  it('drops trailing empty lines but keeps empty lines in the middle', () => {
    expect(parseCsv('a\n\nb\n\n\r\n\r')).toEqual([['a'], [''], ['b']]);
  });

  it('keeps a trailing line that holds only separators or a quoted empty field', () => {
    expect(parseCsv('a\n,\n')).toEqual([['a'], ['', '']]);
    expect(parseCsv('a\n""\n')).toEqual([['a'], ['']]);
  });

  it('returns no records for empty input', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('\r\n\n')).toEqual([]);
  });

  it('treats a quote inside an unquoted field, or after a closing quote, as text', () => {
    expect(parseCsv('ab"c,d')).toEqual([['ab"c', 'd']]);
    expect(parseCsv('"ab"c,d')).toEqual([['abc', 'd']]);
  });

  it('reports an unclosed quote and where it started', () => {
    expect(parseCsvDetailed('a\nb\n"c,d\ne\n')).toEqual({
      rows: [['a'], ['b'], ['c,d\ne\n']],
      unterminatedQuoteRow: 3,
    });
    expect(parseCsvDetailed('a\n"b"\n').unterminatedQuoteRow).toBeNull();
  });
});

describe('toCsv', () => {
  it('quotes only fields that need it and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'x\ny', ' sp ']])).toBe('a,"b,c","say ""hi""","x\ny", sp \r\n');
  });

  it('writes a lone empty field as "" so it is not read back as a blank line', () => {
    expect(toCsv([['a'], [''], ['', '']])).toBe('a\r\n""\r\n,\r\n');
  });

  it('quotes a field that starts with a BOM, which parseCsv would strip', () => {
    expect(toCsv([['\uFEFFa']])).toBe('"\uFEFFa"\r\n');
  });

  it('can prefix a BOM for Excel', () => {
    expect(toCsv([['楼栋']], { bom: true })).toBe('\uFEFF楼栋\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('round trip', () => {
  // Characters that exercise every quoting rule, mixed with arbitrary UTF-16 (lone surrogates included).
  const tricky = fc.string({ unit: fc.constantFrom(',', '"', '\r', '\n', '\uFEFF', ' ', 'a', '号') });
  const cell = fc.oneof(tricky, fc.string({ unit: 'binary' }));
  // Each record needs at least one field: a record with no fields has no CSV form (it would be an empty line,
  // which reads back as [''] in the middle of a file or disappears at the end). Single-empty-field records and
  // trailing empty records need no constraint, because toCsv writes them as "" rather than as empty lines.
  const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

  it('parseCsv(toCsv(rows)) gives back rows', () => {
    fc.assert(
      fc.property(grid, fc.boolean(), (rows, bom) => {
        const text = toCsv(rows, { bom });
        expect(parseCsvDetailed(text)).toEqual({ rows, unterminatedQuoteRow: null });
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), tricky), (text) => {
        const rows = parseCsv(text);
        expect(Array.isArray(rows)).toBe(true);
        expect(rows.every((r) => r.length >= 1)).toBe(true);
      }),
    );
  });
});
