/**
 * The clock makes every due move even when one of them fails: an owners' decision that cannot be
 * counted (its frozen electorate is empty) is reported and left open, while the other vote due at
 * the same time closes. Before, the first failure stopped the tick, and with it every vote, notice
 * period and overdue mark after it, every 30 seconds.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import { one, personId, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));

const { tick } = await import('../server/clock');

beforeAll(() => setupDatabase());
afterAll(() => teardownDatabase());

it('a vote that cannot be counted does not keep the others open', () => {
  const db = getDb();
  const compound = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
  const opener = personId('13800000002');
  const now = Date.now();
  const openVote = (kind: 'owners' | 'consultation') => {
    const topic = one<{
      id: number;
    }>(sql`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
      values (${compound}, ${opener}, ${`时钟测试 ${kind}`}, '测试', 'other', 'voting', ${now - 10_000}, ${now - 10_000}) returning id`).id;
    return one<{
      id: number;
    }>(sql`insert into votes (compound_id, topic_id, kind, question, matter_item, choice_mode, starts_at, ends_at, opened_by, created_at)
      values (${compound}, ${topic}, ${kind}, '测试', ${kind === 'owners' ? 5 : null}, 'single', ${now - 10_000}, ${now - 1}, ${opener}, ${now - 10_000})
      returning id`).id;
  };
  // Listed first (lower id): an owners' decision with no frozen electorate, which the count refuses.
  const broken = openVote('owners');
  const good = openVote('consultation');
  db.run(sql`insert into vote_options (vote_id, key, label, position) values (${good}, 'agree', '同意', 0)`);
  const report = tick(now, { votes: true, onlyTopic: -1 });
  expect(report.failed).toEqual([`vote ${broken}`]);
  expect(report.closedVotes).toBe(1);
  const status = (id: number) => one<{ status: string }>(sql`select status from votes where id = ${id}`).status;
  expect(status(broken)).toBe('open');
  expect(status(good)).toBe('closed');
});

it('a day before a vote closes, those who may vote and have not are told, once', () => {
  const db = getDb();
  const compound = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
  const opener = personId('13800000001');
  const [voted, waiting] = [personId('13800000004'), personId('13800000014')];
  const now = Date.now();
  const topic = one<{
    id: number;
  }>(sql`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
      values (${compound}, ${opener}, '截止提醒测试', '测试', 'other', 'voting', ${now}, ${now}) returning id`).id;
  const vote = (endsIn: number) =>
    one<{
      id: number;
    }>(sql`insert into votes (compound_id, topic_id, kind, question, choice_mode, starts_at, ends_at, opened_by, created_at)
      values (${compound}, ${topic}, 'consultation', ${`截止提醒测试 ${endsIn}`}, 'single', ${now - 1000}, ${now + endsIn}, ${opener}, ${now})
      returning id`).id;
  const soon = vote(3 * 3_600_000);
  const later = vote(3 * 86_400_000);
  for (const v of [soon, later]) {
    for (const p of [voted, waiting]) {
      db.run(
        sql`insert into vote_voters (vote_id, voter_key, person_id, name, place) values (${v}, ${`p:${p}`}, ${p}, 'x', 'y')`,
      );
    }
  }
  db.run(sql`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
      values (${soon}, ${`p:${voted}`}, '["agree"]', 'online', ${voted}, 'TEST-0001', ${now}, ${now})`);
  const told = (p: number) =>
    one<{ n: number }>(sql`select count(*) as n from notifications where kind = 'vote_closing' and person_id = ${p}`).n;

  expect(tick(now, { votes: true, onlyTopic: -1 }).closingNotices).toBe(1);
  expect(told(waiting)).toBe(1);
  expect(told(voted)).toBe(0);
  // Not twice, and not for the vote that closes in three days.
  expect(tick(now + 60_000, { votes: true, onlyTopic: -1 }).closingNotices).toBe(0);
  expect(told(waiting)).toBe(1);
  db.run(sql`update votes set status = 'closed' where topic_id = ${topic}`);
});
