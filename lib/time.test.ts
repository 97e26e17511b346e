import { describe, expect, it } from 'vitest';
import { isJustNow, shanghaiDay, shanghaiMinute } from './time';

describe('Shanghai local times', () => {
  it('writes UTC 16:30 as the next day 00:30 in Shanghai', () => {
    const ms = Date.UTC(2026, 10, 27, 16, 30, 45);
    expect(shanghaiMinute(ms)).toBe('2026-11-28T00:30');
    expect(shanghaiDay(ms)).toBe('2026-11-28');
  });
  it('keeps the same day before 16:00 UTC, and has no daylight saving in July', () => {
    const ms = Date.UTC(2026, 6, 1, 15, 59);
    expect(shanghaiMinute(ms)).toBe('2026-07-01T23:59');
    expect(shanghaiDay(ms)).toBe('2026-07-01');
  });
  it('reads back through Date.parse with the +08:00 offset', () => {
    const ms = Date.UTC(2026, 1, 28, 4, 5);
    expect(Date.parse(`${shanghaiMinute(ms)}:00+08:00`)).toBe(ms);
  });
});

describe('isJustNow', () => {
  it('is true under a minute either way, false from a minute on', () => {
    const now = Date.parse('2026-12-01T08:00:00Z');
    expect(isJustNow(now - 14_000, now)).toBe(true);
    expect(isJustNow(now + 3_000, now)).toBe(true);
    expect(isJustNow(now - 60_000, now)).toBe(false);
    expect(isJustNow(now - 3_600_000, now)).toBe(false);
  });
});
