import { describe, expect, it } from 'vitest';
import { DAY_MS, parsePeriod } from './period';
import { series } from './series';

const NOW = Date.parse('2026-11-27T10:00:00+08:00');

describe('series', () => {
  it('fills every week of the period, empty ones with zero', () => {
    const p = parsePeriod({ from: '2026-11-01', to: '2026-11-28' }, NOW);
    const s = series(
      [
        { bucket: 0, raised: 2, closed: 0 },
        { bucket: 3, raised: 1, closed: 1 },
        { bucket: 9, raised: 5, closed: 5 }, // outside: ignored
      ],
      p,
    );
    expect(s.map((x) => [x.raised, x.closed])).toEqual([
      [2, 0],
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    expect(s[1]?.start).toBe(p.from + 7 * DAY_MS);
  });

  it('long periods go by 30 days', () => {
    const p = parsePeriod({ from: '2026-01-01', to: '2026-12-31' }, NOW);
    expect(series([], p)).toHaveLength(13);
  });
});
