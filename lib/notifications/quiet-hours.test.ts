import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUIET_HOURS,
  formatClockTime,
  isQuiet,
  nextSendTime,
  parseClockTime,
  shanghaiMinuteOfDay,
} from './quiet-hours';

/** A moment given in Shanghai time (UTC+8). */
const at = (iso: string) => Date.parse(`${iso}+08:00`);

describe('quiet hours', () => {
  it('are 22:00–07:00 by default, spanning midnight', () => {
    expect(isQuiet(at('2026-12-01T21:59'), DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isQuiet(at('2026-12-01T22:00'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(at('2026-12-02T03:30'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(at('2026-12-02T06:59'), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(at('2026-12-02T07:00'), DEFAULT_QUIET_HOURS)).toBe(false);
  });

  it('hold a push until 07:00 the next morning when it falls due late at night', () => {
    expect(nextSendTime(at('2026-12-01T23:15'), DEFAULT_QUIET_HOURS)).toBe(at('2026-12-02T07:00'));
  });

  it('hold a push until 07:00 the same morning when it falls due after midnight', () => {
    expect(nextSendTime(at('2026-12-02T00:05'), DEFAULT_QUIET_HOURS)).toBe(at('2026-12-02T07:00'));
  });

  it('let a push go at once outside them, or when switched off', () => {
    const noon = at('2026-12-01T12:00');
    expect(nextSendTime(noon, DEFAULT_QUIET_HOURS)).toBe(noon);
    const late = at('2026-12-01T23:00');
    expect(nextSendTime(late, { ...DEFAULT_QUIET_HOURS, enabled: false })).toBe(late);
  });

  it('work within one day too (13:00–14:00, a nap)', () => {
    const nap = { enabled: true, from: 13 * 60, to: 14 * 60 };
    expect(isQuiet(at('2026-12-01T12:59'), nap)).toBe(false);
    expect(nextSendTime(at('2026-12-01T13:20'), nap)).toBe(at('2026-12-01T14:00'));
    expect(isQuiet(at('2026-12-01T14:00'), nap)).toBe(false);
  });

  it('are empty when they start and end at the same time', () => {
    expect(isQuiet(at('2026-12-01T22:00'), { enabled: true, from: 1320, to: 1320 })).toBe(false);
  });

  it('never send earlier than asked, never during the quiet, and never wait a day or more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (now, from, to) => {
          const q = { enabled: true, from, to };
          const next = nextSendTime(now, q);
          expect(next).toBeGreaterThanOrEqual(now);
          expect(next - now).toBeLessThan(86_400_000);
          expect(isQuiet(next, q)).toBe(false);
        },
      ),
    );
  });
});

describe('clock times', () => {
  it('read and write HH:MM', () => {
    expect(parseClockTime('22:00')).toBe(1320);
    expect(parseClockTime('07:05')).toBe(425);
    expect(formatClockTime(425)).toBe('07:05');
    for (const bad of ['24:00', '7:00', '07:60', '', '22:00:00', ' 22:00']) expect(parseClockTime(bad)).toBeNull();
  });

  it('give the minute of the day in Shanghai', () => {
    expect(shanghaiMinuteOfDay(at('2026-12-01T00:00'))).toBe(0);
    expect(shanghaiMinuteOfDay(Date.parse('2026-12-01T00:00Z'))).toBe(8 * 60);
  });
});
