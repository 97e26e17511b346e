import { describe, expect, it } from 'vitest';
import { checkDecisionBasis, checkNotPassed, type ClosedVote, decisionChoices, verdictToCopy } from './decision-basis';

const passed: ClosedVote = { id: 1, kind: 'owners', outcome: 'passed' };
const failed: ClosedVote = { id: 2, kind: 'owners', outcome: 'failed' };
const consultation: ClosedVote = { id: 3, kind: 'consultation', outcome: null };

describe('a decision and the vote it rests on', () => {
  it('rests on a passed owners decision and copies its verdict', () => {
    expect(checkDecisionBasis([passed, failed], 1)).toBeNull();
    expect(verdictToCopy([passed, failed], 1)).toBe('passed');
  });

  it('never on an owners decision that did not pass (the bug of issue 16: "经业主共同决定…" on a failed vote)', () => {
    expect(checkDecisionBasis([failed], 2)).toBe('voteNotPassed');
    expect(checkDecisionBasis([passed, failed], 2)).toBe('voteNotPassed');
  });

  it('once a topic went to an owners decision, not on nothing, nor on a consultation beside it', () => {
    expect(checkDecisionBasis([failed], null)).toBe('mustRestOnOwnersVote');
    expect(checkDecisionBasis([failed, consultation], 3)).toBe('mustRestOnOwnersVote');
  });

  it('without owners decisions, on a consultation or on the deliberation alone, as before', () => {
    expect(checkDecisionBasis([consultation], 3)).toBeNull();
    expect(checkDecisionBasis([consultation], null)).toBeNull();
    expect(checkDecisionBasis([], null)).toBeNull();
    expect(verdictToCopy([consultation], 3)).toBeNull();
    expect(checkDecisionBasis([consultation], 9)).toBe('notFound');
  });

  it('records "not passed" only for an owners decision that failed', () => {
    expect(checkNotPassed([failed], 2)).toBeNull();
    expect(checkNotPassed([passed], 1)).toBe('votePassed');
    expect(checkNotPassed([consultation], 3)).toBe('notFound');
  });

  it('offers the form what it may show', () => {
    expect(decisionChoices([failed])).toEqual({ basis: [], allowNone: false, canDecide: false, notPassed: [failed] });
    expect(decisionChoices([passed, failed, consultation])).toEqual({
      basis: [passed],
      allowNone: false,
      canDecide: true,
      notPassed: [failed],
    });
    expect(decisionChoices([consultation])).toEqual({
      basis: [consultation],
      allowNone: true,
      canDecide: true,
      notPassed: [],
    });
  });
});
