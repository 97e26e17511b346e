import { describe, expect, it } from 'vitest';
import { ART278_ITEMS, type Art278Item, isArt278Item, matterOf } from './matters';

/**
 * Civil Code Art. 278 para. 1 (docs/domain/voting-rules.md): items 6 (raise the maintenance fund), 7 (rebuild or
 * reconstruct) and 8 (change the use of common parts) need 3/4; every other item more than half.
 * A Record so that an item added to ART278_ITEMS without a row here fails to compile.
 */
const MATTER: Record<Art278Item, 'ordinary' | 'special'> = {
  1: 'ordinary', // assembly rules of procedure
  2: 'ordinary', // management covenant
  3: 'ordinary', // elect or replace the owners' committee
  4: 'ordinary', // hire or dismiss the property company
  5: 'ordinary', // USE the maintenance fund
  6: 'special', // RAISE the maintenance fund
  7: 'special', // rebuild or reconstruct
  8: 'special', // change the use of common parts, or use them for business
  9: 'ordinary', // other major matters
};

const ROWS = (Object.entries(MATTER) as [string, 'ordinary' | 'special'][]).map(([item, matter]) => ({
  item: Number(item),
  matter,
}));

describe('ART278_ITEMS', () => {
  it('lists items 1 to 9 in order', () => {
    expect(ART278_ITEMS).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ROWS.map((r) => r.item)).toEqual([...ART278_ITEMS]);
  });
});

describe('matterOf', () => {
  it.each(ROWS)('item $item is $matter', ({ item, matter }) => {
    expect(matterOf(item)).toBe(matter);
  });

  it('has exactly three special items: 6, 7 and 8', () => {
    expect(ART278_ITEMS.filter((i) => matterOf(i) === 'special')).toEqual([6, 7, 8]);
  });

  it('tells using the fund (5, ordinary) from raising it (6, special)', () => {
    expect(matterOf(5)).toBe('ordinary');
    expect(matterOf(6)).toBe('special');
  });
});

describe('isArt278Item', () => {
  it.each([...ART278_ITEMS])('accepts %d', (item) => {
    expect(isArt278Item(item)).toBe(true);
  });

  it.each([0, 10, -1, -6, 1.5, 6.5, 99, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d', (value) => {
    expect(isArt278Item(value)).toBe(false);
  });
});
