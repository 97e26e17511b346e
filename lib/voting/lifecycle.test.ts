import { describe, expect, it } from 'vitest';
import { checkVoteMove, isVoteStatus, VOTE_MOVES, VOTE_STATUSES, voteMove, voteMoveFrom } from './lifecycle';

describe("a vote's lifecycle", () => {
  it('has three statuses, and two moves: announced → open → closed', () => {
    expect(VOTE_STATUSES).toEqual(['announced', 'open', 'closed']);
    expect(VOTE_MOVES.map((m) => `${m.action}: ${m.from} → ${m.to}`)).toEqual([
      'open_vote: announced → open',
      'close_vote: open → closed',
    ]);
  });

  it('is opened by the clock alone, at its start time', () => {
    expect(voteMove('open_vote')).toMatchObject({ by: ['clock'], atStart: true, afterEnd: false });
  });

  it('is closed by its organiser after the end time (or early when everyone voted), or by the clock', () => {
    expect(voteMove('close_vote')).toMatchObject({
      by: ['organiser', 'clock'],
      afterEnd: true,
      earlyWhenAllVoted: true,
    });
  });

  it('a closed vote (or a status it does not know) makes no move', () => {
    expect(voteMoveFrom('close_vote', 'open')?.to).toBe('closed');
    expect(voteMoveFrom('open_vote', 'announced')?.to).toBe('open');
    expect(voteMoveFrom('close_vote', 'closed')).toBeUndefined();
    expect(voteMoveFrom('close_vote', 'announced')).toBeUndefined();
    expect(voteMoveFrom('open_vote', 'open')).toBeUndefined();
    expect(voteMoveFrom('close_vote', 'pending')).toBeUndefined();
  });

  it('knows its statuses', () => {
    expect(isVoteStatus('announced')).toBe(true);
    expect(isVoteStatus('open')).toBe(true);
    expect(isVoteStatus('closed')).toBe(true);
    expect(isVoteStatus('voting')).toBe(false);
  });
});

describe('checkVoteMove', () => {
  const vote = { startsAt: 1_000, endsAt: 2_000 };
  const open = voteMove('open_vote');
  const close = voteMove('close_vote');

  it('opens exactly at the start, not a millisecond before, and only by the clock', () => {
    expect(checkVoteMove(open, 'clock', vote, 999, false)).toBe('voteNotStarted');
    expect(checkVoteMove(open, 'clock', vote, 1_000, false)).toBeNull();
    expect(checkVoteMove(open, 'organiser', vote, 1_500, false)).toBe('forbidden');
  });

  it('closes at the end, or before it only when every eligible voter has voted', () => {
    expect(checkVoteMove(close, 'organiser', vote, 1_999, false)).toBe('voteNotEnded');
    expect(checkVoteMove(close, 'organiser', vote, 1_999, true)).toBeNull();
    expect(checkVoteMove(close, 'organiser', vote, 2_000, false)).toBeNull();
    expect(checkVoteMove(close, 'clock', vote, 2_000, false)).toBeNull();
  });
});
