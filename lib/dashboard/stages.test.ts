import { describe, expect, it } from 'vitest';
import { durationParts, medianOfHistogram, stageFigures } from './stages';

describe('stage durations', () => {
  it('median of an odd and an even histogram', () => {
    expect(
      medianOfHistogram([
        { hours: 5, n: 1 },
        { hours: 1, n: 1 },
        { hours: 3, n: 1 },
      ]),
    ).toBe(3);
    // 1, 3, 3, 10 → (3 + 3) / 2
    expect(
      medianOfHistogram([
        { hours: 10, n: 1 },
        { hours: 1, n: 1 },
        { hours: 3, n: 2 },
      ]),
    ).toBe(3);
    // 2, 5 → 3.5
    expect(
      medianOfHistogram([
        { hours: 2, n: 1 },
        { hours: 5, n: 1 },
      ]),
    ).toBe(3.5);
    expect(medianOfHistogram([{ hours: 7, n: 1 }])).toBe(7);
    expect(medianOfHistogram([])).toBeNull();
    expect(medianOfHistogram([{ hours: 7, n: 0 }])).toBeNull();
  });

  it('a heavy bucket holds the median', () => {
    // 1×1h, 98×24h, 1×500h → 24
    expect(
      medianOfHistogram([
        { hours: 1, n: 1 },
        { hours: 24, n: 98 },
        { hours: 500, n: 1 },
      ]),
    ).toBe(24);
  });

  it('gives every stage, with none for stages nothing finished', () => {
    const figs = stageFigures(
      [
        { stage: 'review', hours: 2, n: 3 },
        { stage: 'review', hours: 30, n: 1 },
        { stage: 'carry', hours: 100, n: 1 },
      ],
      new Map([
        ['review', 41],
        ['carry', 42],
      ]),
    );
    expect(figs.map((f) => f.stage)).toEqual(['review', 'decide', 'carry', 'rate', 'whole']);
    expect(figs[0]).toEqual({ stage: 'review', count: 4, medianHours: 2, slowestHours: 30, slowestTopicId: 41 });
    expect(figs[1]).toEqual({ stage: 'decide', count: 0, medianHours: null, slowestHours: null, slowestTopicId: null });
    expect(figs[2]).toMatchObject({ count: 1, medianHours: 100, slowestHours: 100, slowestTopicId: 42 });
  });

  it('says hours under two days and days with a decimal beyond', () => {
    expect(durationParts(0)).toEqual({ unit: 'underHour', value: '1' });
    expect(durationParts(1)).toEqual({ unit: 'hours', value: '1' });
    expect(durationParts(5.5)).toEqual({ unit: 'hours', value: '6' });
    expect(durationParts(47)).toEqual({ unit: 'hours', value: '47' });
    expect(durationParts(48)).toEqual({ unit: 'days', value: '2' });
    expect(durationParts(60)).toEqual({ unit: 'days', value: '2.5' });
    expect(durationParts(24 * 30 + 5)).toEqual({ unit: 'days', value: '30.2' });
  });
});
