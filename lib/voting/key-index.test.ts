import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './key-index';

describe('KeyIndex', () => {
  it('answers as a Map would, for any sequence of sets and gets, whatever size was expected', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
      fc.constantFrom('', ' 1', '1', 'h:1', '\u0000', '\ud800', '３号楼'),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(
        fc.nat({ max: 40 }),
        fc.array(fc.tuple(fc.boolean(), key, fc.integer({ min: 0, max: 1000 })), { maxLength: 200 }),
        (expected, ops) => {
          const index = new KeyIndex<string | number>(expected);
          const map = new Map<string | number, number>();
          for (const [isSet, k, v] of ops) {
            if (isSet) {
              index.set(k, v);
              map.set(k, v);
            }
            expect(index.get(k)).toBe(map.get(k));
            expect(index.size).toBe(map.size);
          }
          for (const k of map.keys()) expect(index.get(k)).toBe(map.get(k));
        },
      ),
    );
  });

  it('tells a string id from the number it spells', () => {
    const index = new KeyIndex<string | number>();
    index.set('1', 10);
    expect(index.get(1)).toBeUndefined();
    index.set(1, 11);
    expect([index.get('1'), index.get(1), index.size]).toEqual([10, 11, 2]);
  });

  it('keeps every one of many keys after growing far past what was expected', () => {
    const index = new KeyIndex<string>(4);
    for (let i = 0; i < 50_000; i++) index.set(`u${i}`, i);
    expect(index.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(index.get(`u${i}`)).toBe(i);
    expect(index.get('u50000')).toBeUndefined();
  });
});
