import { describe, expect, it } from 'vitest';
import {
  byCategory,
  DAY_MS,
  daysLeft,
  DEFAULT_PERIOD_DAYS,
  durationParts,
  EMPTY_TOTALS,
  FUNNEL,
  formatTenths,
  meanTenths,
  medianOfHistogram,
  type Place,
  parsePeriod,
  percent,
  rankChildren,
  series,
  stageFigures,
  type TopicAggRow,
  totalsByCompound,
  turnoutSummary,
  type VoteTurnoutRow,
} from './figures';
import { TOPIC_STATUSES } from '../topics/lifecycle';

const NOW = Date.parse('2026-11-27T10:00:00+08:00');

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

describe('the funnel', () => {
  it('is a chain: every status that reached a stage reached the one before', () => {
    const accepted = new Set<string>(FUNNEL.accepted);
    const decided = new Set<string>(FUNNEL.decided);
    const carried = new Set<string>(FUNNEL.carried);
    for (const s of FUNNEL.decided) expect(accepted.has(s)).toBe(true);
    for (const s of FUNNEL.carried) expect(decided.has(s)).toBe(true);
    for (const s of FUNNEL.closed) expect(carried.has(s)).toBe(true);
  });

  it('names only real statuses, and leaves out the topics turned away', () => {
    for (const list of [FUNNEL.accepted, FUNNEL.decided, FUNNEL.carried, FUNNEL.closed]) {
      for (const s of list) expect(TOPIC_STATUSES).toContain(s);
    }
    for (const s of ['raised', 'rejected', 'merged']) expect(FUNNEL.accepted).not.toContain(s);
    // Every status but those three counts as accepted.
    expect(FUNNEL.accepted.length).toBe(TOPIC_STATUSES.length - 3);
  });
});

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

describe('arithmetic', () => {
  it('percent rounds halves up and has no answer for nothing', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(1, 8)).toBe(13); // 12.5
    expect(percent(1, 200)).toBe(1); // 0.5
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });

  it('mean in tenths rounds halves up', () => {
    expect(meanTenths(9, 2)).toBe(45);
    expect(meanTenths(13, 3)).toBe(43); // 4.333
    expect(meanTenths(29, 6)).toBe(48); // 4.8333
    expect(meanTenths(1, 20)).toBe(1); // 0.05
    expect(meanTenths(0, 0)).toBeNull();
    expect(formatTenths(43)).toBe('4.3');
    expect(formatTenths(50)).toBe('5.0');
    expect(formatTenths(7)).toBe('0.7');
  });
});

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

describe('turnout', () => {
  const vote = (v: Partial<VoteTurnoutRow>): VoteTurnoutRow => ({
    id: 1,
    compoundId: 1,
    topicId: 1,
    question: '',
    kind: 'consultation',
    status: 'closed',
    closedAt: NOW,
    endsAt: NOW,
    electorate: 0,
    voted: 0,
    totalAreaCenti: null,
    votedAreaCenti: null,
    passed: null,
    ...v,
  });

  it('each vote weighs the same; area only for owners decisions', () => {
    const t = turnoutSummary([
      vote({ electorate: 10, voted: 5 }), // 50 %
      vote({ electorate: 3, voted: 3 }), // 100 %
      vote({ kind: 'owners', electorate: 4, voted: 1, totalAreaCenti: 40000, votedAreaCenti: 30000 }), // 25 %, 75 %
    ]);
    expect(t).toEqual({ votes: 3, headPercent: 58, ownersDecisions: 1, areaPercent: 75 });
  });

  it('no votes, no turnout', () => {
    expect(turnoutSummary([])).toEqual({ votes: 0, headPercent: null, ownersDecisions: 0, areaPercent: null });
    expect(turnoutSummary([vote({ electorate: 0 })]).headPercent).toBeNull();
  });
});

describe('ranking', () => {
  const places: Place[] = [
    {
      compoundId: 1,
      compoundName: '合和大院',
      communityId: 10,
      communityName: '中兴社区',
      streetId: 100,
      streetName: '老虎滩街道',
    },
    {
      compoundId: 2,
      compoundName: '双全楼院',
      communityId: 10,
      communityName: '中兴社区',
      streetId: 100,
      streetName: '老虎滩街道',
    },
    {
      compoundId: 3,
      compoundName: '亿泰庄园',
      communityId: 11,
      communityName: '林海社区',
      streetId: 100,
      streetName: '老虎滩街道',
    },
    {
      compoundId: 4,
      compoundName: '清华园',
      communityId: 12,
      communityName: '桃源社区',
      streetId: 101,
      streetName: '桃源街道',
    },
  ];
  const { byCompound } = totalsByCompound(
    [
      row(1, 'repairs', { raised: 3, done: 4, onTime: 3, overdue: 2 }),
      row(2, 'repairs', { raised: 1, done: 1, onTime: 0, overdue: 1 }),
      row(3, 'repairs', { raised: 2, done: 2, onTime: 2 }),
    ],
    [{ compoundId: 3, ratings: 2, stars: 6, rated: 1 }],
    [
      { compoundId: 2, escalated: 2 },
      { compoundId: 1, escalated: 1 },
    ],
  );

  it('lists every compound, even one where nothing happened, best on-time rate first and no rate last', () => {
    const rows = rankChildren(places, byCompound, 'compound', 'onTime');
    expect(rows.map((r) => [r.name, r.totals.onTimePercent])).toEqual([
      ['亿泰庄园', 100],
      ['合和大院', 75],
      ['双全楼院', 0],
      ['清华园', null],
    ]);
  });

  it('sums compounds into their community and street', () => {
    const communities = rankChildren(places, byCompound, 'community', 'overdue');
    expect(communities.map((r) => [r.name, r.compounds, r.totals.overdue, r.totals.onTimePercent])).toEqual([
      ['中兴社区', 2, 3, 60],
      ['林海社区', 1, 0, 100],
      ['桃源社区', 1, 0, null],
    ]);
    const streets = rankChildren(places, byCompound, 'street', 'escalated');
    expect(streets.map((r) => [r.name, r.compounds, r.totals.escalated, r.totals.raised])).toEqual([
      ['老虎滩街道', 3, 3, 6],
      ['桃源街道', 1, 0, 0],
    ]);
  });

  it('satisfaction best first; ties by name', () => {
    const rows = rankChildren(places, byCompound, 'compound', 'rating');
    expect(rows[0]?.name).toBe('亿泰庄园');
    expect(rows.slice(1).every((r) => r.totals.ratingTenths === null)).toBe(true);
    const names = rows.slice(1).map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
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
