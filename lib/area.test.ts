import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AreaParseError, formatArea, MAX_UNIT_AREA_CENTI, parseArea } from './area';

describe('parseArea', () => {
  describe('reads square metres into hundredths', () => {
    it.each<[string, number]>([
      ['87.35', 8735],
      ['87.3', 8730],
      ['87', 8700],
      [' 87.35 ', 8735],
      ['\t87.35\n', 8735],
      ['0.01', 1],
      ['0.1', 10],
      ['1', 100],
      ['087.35', 8735],
      ['0000001', 100],
      ['120.05', 12005],
    ])('%j → %i', (text, centi) => {
      expect(parseArea(text)).toEqual({ ok: true, centi });
    });
  });

  describe('takes up to seven integer digits', () => {
    it.each<[string, number]>([
      ['999999', 99_999_900],
      ['1000000', 100_000_000],
      ['9999999', 999_999_900],
      ['9999999.99', 999_999_999],
    ])('%j → %i', (text, centi) => {
      expect(parseArea(text)).toEqual({ ok: true, centi });
    });

    it('reaches MAX_UNIT_AREA_CENTI exactly at its largest', () => {
      expect(parseArea('9999999.99')).toEqual({ ok: true, centi: MAX_UNIT_AREA_CENTI });
    });

    it.each(['10000000', '99999999.99', '00000001'])('refuses eight digits: %j', (text) => {
      expect(parseArea(text)).toEqual({ ok: false, error: 'format' });
    });
  });

  describe('refuses', () => {
    it.each<[string, AreaParseError]>([
      ['', 'empty'],
      ['   ', 'empty'],
      ['0', 'not_positive'],
      ['0.00', 'not_positive'],
      ['0.0', 'not_positive'],
      ['000', 'not_positive'],
      ['-1', 'not_positive'],
      ['-87.35', 'not_positive'],
      ['87.355', 'decimals'],
      ['0.001', 'decimals'],
      ['87.3500', 'decimals'],
      ['1e3', 'format'],
      ['87,35', 'format'],
      ['abc', 'format'],
      ['+5', 'format'],
      ['87.', 'format'],
      ['.5', 'format'],
      ['87.3.5', 'format'],
      ['87 .35', 'format'],
      ['8 7', 'format'],
      ['87m²', 'format'],
      ['８７', 'format'],
      ['0x10', 'format'],
      ['Infinity', 'format'],
      ['NaN', 'format'],
    ])('%j → %s', (text, error) => {
      expect(parseArea(text)).toEqual({ ok: false, error });
    });
  });
});

describe('formatArea', () => {
  it.each<[number, string]>([
    [8735, '87.35'],
    [8730, '87.30'],
    [8700, '87.00'],
    [5, '0.05'],
    [50, '0.50'],
    [0, '0.00'],
    [MAX_UNIT_AREA_CENTI, '9999999.99'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i → %s', (centi, text) => {
    expect(formatArea(centi)).toBe(text);
  });

  it('formats bigint sums beyond Number.MAX_SAFE_INTEGER exactly', () => {
    expect(formatArea(9_007_199_254_740_993n)).toBe('90071992547409.93');
    expect(formatArea(10n ** 20n + 1n)).toBe('1000000000000000000.01');
    // Ten thousand units of the largest area.
    const units = Array.from({ length: 10_000 }, () => BigInt(MAX_UNIT_AREA_CENTI));
    const sum = units.reduce((a, b) => a + b, 0n);
    expect(formatArea(sum)).toBe('99999999900.00');
  });

  it('gives a bigint and the equal number the same text', () => {
    expect(formatArea(8735n)).toBe(formatArea(8735));
    expect(formatArea(0n)).toBe('0.00');
  });

  it.each<[number | bigint, string]>([
    [-8735, '-87.35'],
    [-5, '-0.05'],
    [-50, '-0.50'],
    [-100n, '-1.00'],
    [-9_007_199_254_740_993n, '-90071992547409.93'],
  ])('formats negatives: %s → %s', (centi, text) => {
    expect(formatArea(centi)).toBe(text);
  });

  it('does not write negative zero', () => {
    expect(formatArea(-0)).toBe('0.00');
  });

  it('throws on a number that is not a whole count of hundredths', () => {
    expect(() => formatArea(87.35)).toThrow(RangeError);
    expect(() => formatArea(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips every valid area through parseArea', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_UNIT_AREA_CENTI }), (centi) => {
        expect(parseArea(formatArea(centi))).toEqual({ ok: true, centi });
      }),
    );
  });
});
