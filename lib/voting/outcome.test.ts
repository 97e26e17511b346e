import { describe, expect, it } from 'vitest';
import type { VoteResult } from './count';
import { outcomeOf, parseResult } from './outcome';

const base: VoteResult = { kind: 'owners', electorate: 3, voted: 3, tally: [] };
const figures = { area: '1.00', owners: 1 };

describe('outcomeOf', () => {
  it('reads a decision, a choice and an election from their stored results', () => {
    const owners = {
      total: figures,
      participating: figures,
      agree: figures,
      quorumMet: true,
      agreementMet: true,
      matter: 'ordinary' as const,
      matterItem: 5,
    };
    expect(outcomeOf({ ...base, owners: { ...owners, passed: true } })).toBe('passed');
    expect(outcomeOf({ ...base, owners: { ...owners, passed: false } })).toBe('failed');
    const choice = {
      total: figures,
      participating: figures,
      quorumMet: true,
      options: [],
      matter: 'ordinary' as const,
      matterItem: 4,
    };
    expect(outcomeOf({ ...base, choice: { ...choice, chosen: 'o1' } })).toBe('passed');
    expect(outcomeOf({ ...base, choice: { ...choice, chosen: null } })).toBe('failed');
    const election = { total: figures, participating: figures, quorumMet: true, candidates: [], tie: [], seats: 5 };
    expect(outcomeOf({ ...base, election: { ...election, elected: ['c1'] } })).toBe('passed');
    expect(outcomeOf({ ...base, election: { ...election, elected: [] } })).toBe('failed');
  });

  it('says nothing of votes that decide nothing by law, or of none', () => {
    expect(outcomeOf({ ...base, kind: 'consultation' })).toBeNull();
    expect(outcomeOf(null)).toBeNull();
    expect(parseResult(null)).toBeNull();
    expect(parseResult('{"kind":"council","electorate":1,"voted":0,"tally":[]}')?.kind).toBe('council');
  });
});
