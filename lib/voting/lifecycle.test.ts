import { describe, expect, it } from 'vitest';
import { isVoteStatus, VOTE_MOVES, VOTE_STATUSES, voteMove, voteMoveFrom } from './lifecycle';

describe("a vote's lifecycle", () => {
  it('has two statuses, and only the close moves between them: open → closed', () => {
    expect(VOTE_STATUSES).toEqual(['open', 'closed']);
    expect(VOTE_MOVES.map((m) => `${m.action}: ${m.from} → ${m.to}`)).toEqual(['close_vote: open → closed']);
  });

  it('is closed by its organiser after the end time, or by the clock', () => {
    expect(voteMove('close_vote')).toMatchObject({ by: ['organiser', 'clock'], afterEnd: true });
  });

  it('a closed vote (or a status it does not know) makes no move', () => {
    expect(voteMoveFrom('close_vote', 'open')?.to).toBe('closed');
    expect(voteMoveFrom('close_vote', 'closed')).toBeUndefined();
    expect(voteMoveFrom('close_vote', 'pending')).toBeUndefined();
  });

  it('knows its statuses', () => {
    expect(isVoteStatus('open')).toBe(true);
    expect(isVoteStatus('closed')).toBe(true);
    expect(isVoteStatus('voting')).toBe(false);
  });
});
