import { describe, expect, it } from 'vitest';
import { byCategory, EMPTY_TOTALS, type TopicAggRow, totalsByCompound } from './totals';

function row(compoundId: number, category: string, r: Partial<TopicAggRow>): TopicAggRow {
  return {
    compoundId,
    category,
    raised: 0,
    accepted: 0,
    decided: 0,
    carried: 0,
    closed: 0,
    done: 0,
    onTime: 0,
    overdue: 0,
    ...r,
  };
}

describe('totals', () => {
  it('add up per compound and over the scope, with on-time share and average rating', () => {
    const { byCompound, all } = totalsByCompound(
      [
        row(1, 'repairs', {
          raised: 4,
          accepted: 3,
          decided: 2,
          carried: 1,
          closed: 1,
          done: 2,
          onTime: 1,
          overdue: 1,
        }),
        row(1, 'safety', { raised: 1, accepted: 1 }),
        row(2, 'repairs', { raised: 2, done: 1, onTime: 1 }),
      ],
      [
        { compoundId: 1, ratings: 3, stars: 13, rated: 1 },
        { compoundId: 3, ratings: 2, stars: 4, rated: 2 },
      ],
      [{ compoundId: 2, escalated: 1 }],
    );
    const one = byCompound.get(1);
    expect(one).toMatchObject({ raised: 5, accepted: 4, decided: 2, done: 2, onTime: 1, late: 1, overdue: 1 });
    expect(one?.onTimePercent).toBe(50);
    expect(one?.ratingTenths).toBe(43);
    expect(byCompound.get(2)).toMatchObject({ raised: 2, onTimePercent: 100, ratingTenths: null, escalated: 1 });
    expect(byCompound.get(3)).toMatchObject({ raised: 0, ratings: 2, ratingTenths: 20, onTimePercent: null });
    expect(all).toMatchObject({
      raised: 7,
      accepted: 4,
      done: 3,
      onTime: 2,
      late: 1,
      onTimePercent: 67,
      ratings: 5,
      stars: 17,
      rated: 3,
      ratingTenths: 34,
      escalated: 1,
    });
  });

  it('an empty period is all zeros and no rates', () => {
    const { byCompound, all } = totalsByCompound([], [], []);
    expect(byCompound.size).toBe(0);
    expect(all).toEqual(EMPTY_TOTALS);
    expect(all.onTimePercent).toBeNull();
    expect(all.ratingTenths).toBeNull();
  });

  it('topics still open count as raised and accepted, not as closed', () => {
    const { all } = totalsByCompound([row(1, 'repairs', { raised: 3, accepted: 2 })], [], []);
    expect(all).toMatchObject({ raised: 3, accepted: 2, decided: 0, closed: 0, done: 0, onTimePercent: null });
  });

  it('by category: most raised first, empty categories left out', () => {
    expect(
      byCategory([
        row(1, 'safety', { raised: 1 }),
        row(1, 'repairs', { raised: 2, closed: 1 }),
        row(2, 'repairs', { raised: 1 }),
        row(2, 'greening', { overdue: 1 }),
      ]),
    ).toEqual([
      { category: 'repairs', raised: 3, closed: 1 },
      { category: 'safety', raised: 1, closed: 0 },
    ]);
  });
});
