import { describe, expect, it } from 'vitest';
import { type Place, rankChildren } from './ranking';
import { type TopicAggRow, totalsByCompound } from './totals';

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
