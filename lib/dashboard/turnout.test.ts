import { describe, expect, it } from 'vitest';
import { turnoutSummary, type VoteTurnoutRow } from './turnout';

const NOW = Date.parse('2026-11-27T10:00:00+08:00');

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
