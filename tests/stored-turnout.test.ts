/**
 * A closed vote's page reads its turnout from the stored result (db/voting/read.ts turnoutOf): the
 * very figures the live count of every voter and ballot gives, for an owners' decision (heads and
 * areas, with an unconfirmed paper ballot) and a consultation, and as many receipts as it counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { closeVote } from '../db/voting/close';
import { openVote } from '../db/voting/open';
import { getVote, turnoutOf, voteTurnout } from '../db/voting/read';
import { countReceipts } from '../db/voting/receipts';
import { personId, setupDatabase, teardownDatabase } from './harness';

let db: Db;
let compoundId = 0;

beforeAll(() => {
  db = setupDatabase();
  compoundId = (db.$client.prepare(`select id from compounds where name = '合和大院'`).get() as { id: number }).id;
});
afterAll(() => teardownDatabase());

function closedVote(kind: 'owners' | 'consultation') {
  const now = Date.now();
  const topic = Number(
    db.$client
      .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                values (?, ?, '更换屋面防水', '', 'repairs', 'deliberating', ?, ?)`)
      .run(compoundId, personId('13800000004'), now, now).lastInsertRowid,
  );
  const voteId = openVote(
    {
      compoundId,
      topicId: topic,
      kind,
      question: '是否同意？',
      matterItem: kind === 'owners' ? 5 : null,
      choiceMode: 'single',
      secret: false,
      allowChange: false,
      buildingIds: null,
      nonVotersFollowMajority: false,
      startsAt: now - 1000,
      endsAt: now + 86_400_000,
      options: [
        { key: 'agree', label: '同意' },
        { key: 'disagree', label: '不同意' },
        { key: 'abstain', label: '弃权' },
      ],
      openedBy: personId('13800000002'),
    },
    [],
    now,
  );
  if (voteId === null) throw new Error('not opened');
  const voters = db.$client
    .prepare('select voter_key as k from vote_voters where vote_id = ? order by voter_key')
    .all(voteId) as {
    k: string;
  }[];
  const ballot =
    db.$client.prepare(`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
                                     values (?, ?, ?, ?, ?, ?, ?, ?)`);
  voters.forEach((v, i) => {
    // Most online, one on paper confirmed, one on paper not yet confirmed, the rest not voting.
    if (i % 4 === 3) return;
    const paper = i === 1 || i === 2;
    ballot.run(
      voteId,
      v.k,
      JSON.stringify([i % 3 ? 'agree' : 'disagree']),
      paper ? 'paper' : 'online',
      personId('13800000002'),
      `R${i}`,
      now,
      now,
    );
  });
  db.$client
    .prepare(`update ballots set confirmed_by = ?, confirmed_at = ? where vote_id = ? and voter_key = ?`)
    .run(personId('13800000003'), now, voteId, voters[1]?.k);
  expect(closeVote(compoundId, voteId, null, now)).not.toBeNull();
  const vote = getVote(compoundId, voteId);
  if (!vote) throw new Error('no vote');
  return vote;
}

describe('a closed vote’s turnout from its stored result', () => {
  for (const kind of ['owners', 'consultation'] as const) {
    it(`equals the live count for ${kind === 'owners' ? "an owners' decision" : 'a consultation'}`, () => {
      const vote = closedVote(kind);
      const live = voteTurnout(vote.id);
      expect(live.voted).toBeGreaterThan(0);
      expect(live.pending).toBe(1);
      expect(turnoutOf(vote)).toEqual(live);
      expect(JSON.parse(vote.result ?? '{}').voted).toBe(countReceipts(vote.id));
    });
  }
});
