import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_PERIOD_DAYS, daysLeft, parsePeriod } from './period';

const NOW = Date.parse('2026-11-27T10:00:00+08:00');

describe('period', () => {
  it('defaults to the last 90 days up to and including today (Shanghai)', () => {
    const p = parsePeriod({}, NOW);
    expect(p.error).toBe(false);
    expect(p.toDay).toBe('2026-11-27');
    expect(p.to).toBe(Date.parse('2026-11-28T00:00:00+08:00'));
    expect(p.to - p.from).toBe(DEFAULT_PERIOD_DAYS * DAY_MS);
    expect(p.fromDay).toBe('2026-08-30');
  });

  it('takes both days inclusive', () => {
    const p = parsePeriod({ from: '2026-11-01', to: '2026-11-30' }, NOW);
    expect(p).toMatchObject({ fromDay: '2026-11-01', toDay: '2026-11-30', error: false });
    expect(p.from).toBe(Date.parse('2026-11-01T00:00:00+08:00'));
    expect(p.to).toBe(Date.parse('2026-12-01T00:00:00+08:00'));
  });

  it('a single day is a period', () => {
    const p = parsePeriod({ from: '2026-11-27', to: '2026-11-27' }, NOW);
    expect(p.to - p.from).toBe(DAY_MS);
  });

  it('refuses reversed, impossible, malformed and over-long ranges, falling back to the default', () => {
    for (const q of [
      { from: '2026-11-30', to: '2026-11-01' },
      { from: '2026-02-30', to: '2026-03-01' },
      { from: '2026-1-1', to: '2026-03-01' },
      { from: "2026-01-01' or 1=1", to: '2026-03-01' },
      { from: '2020-01-01', to: '2026-03-01' },
      { from: '2026-01-01' },
    ]) {
      const p = parsePeriod(q, NOW);
      expect(p.error, JSON.stringify(q)).toBe(true);
      expect(p.toDay).toBe('2026-11-27');
    }
  });
});

describe('notice board', () => {
  it('days left to object: a part-day is a day, none once ended', () => {
    expect(daysLeft(NOW + 7 * DAY_MS, NOW)).toBe(7);
    expect(daysLeft(NOW + 6 * DAY_MS + 1, NOW)).toBe(7);
    expect(daysLeft(NOW + 1, NOW)).toBe(1);
    expect(daysLeft(NOW, NOW)).toBe(0);
    expect(daysLeft(NOW - DAY_MS, NOW)).toBe(0);
  });
});
