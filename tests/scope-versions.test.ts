/**
 * The versions dashboards are cached by (compound_versions, kept by the triggers of migration 0011):
 * every write a dashboard shows moves the version of every scope above the compound, whoever
 * writes it — here a second connection, as another worker or a script would; writes no dashboard
 * shows move nothing; and a dashboard read after a write shows the write.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase, resolveDatabasePath } from '../db/client';
import { loadDashboard } from '../db/dashboard/load';
import { findScope, type Scope } from '../db/dashboard/scope';
import { scopeVersion } from '../db/dashboard/versions';
import { parsePeriod } from '../lib/dashboard/period';
import { setupDatabase, teardownDatabase } from './harness';

let db: Db;
/** Another connection to the same file: another worker, the clock's process, `npm run clock`. */
let other: Db;
let place: { compound: number; community: number; street: number; district: number };
let elsewhere: number;
let author: number;

beforeAll(() => {
  db = setupDatabase();
  other = openDatabase(path.resolve(resolveDatabasePath()));
  const row = (name: string) =>
    db.$client
      .prepare(`select c.id as compound, c.community_id as community, m.street_id as street, s.district_id as district
                  from compounds c join communities m on m.id = c.community_id join streets s on s.id = m.street_id
                 where c.name = ?`)
      .get(name) as typeof place;
  place = row('合和大院');
  elsewhere = row('亿泰庄园').compound;
  author = (db.$client.prepare('select id from people order by id limit 1').get() as { id: number }).id;
});

afterAll(() => {
  other.$client.close();
  teardownDatabase();
});

const levels = () =>
  [
    { level: 'compound', id: place.compound },
    { level: 'community', id: place.community },
    { level: 'street', id: place.street },
    { level: 'district', id: place.district },
  ] as const satisfies readonly Scope[];

const versions = () => levels().map((s) => scopeVersion(s));

/** Runs `write` on the other connection and says which of the compound's scopes saw a new version. */
function moved(write: (raw: Db['$client']) => void): boolean[] {
  const before = versions();
  write(other.$client);
  const after = versions();
  return after.map((v, i) => v !== before[i]);
}

const ALL = [true, true, true, true];
const NONE = [false, false, false, false];

let voteId = 0;

describe('writes a dashboard shows move every scope above the compound', () => {
  let topicId = 0;
  it('a topic raised', () => {
    expect(
      moved((raw) => {
        topicId = Number(
          raw
            .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                      values (?, ?, '新议题', '', 'repairs', 'raised', ?, ?)`)
            .run(place.compound, author, Date.now(), Date.now()).lastInsertRowid,
        );
      }),
    ).toEqual(ALL);
  });
  it('its status and its review', () => {
    expect(
      moved((raw) =>
        raw.prepare(`update topics set status = 'deliberating', reviewed_at = ? where id = ?`).run(Date.now(), topicId),
      ),
    ).toEqual(ALL);
  });
  it('a task, its deadline passing and its close', () => {
    expect(
      moved((raw) =>
        raw
          .prepare(
            `insert into tasks (compound_id, topic_id, party, deadline_at, created_at) values (?, ?, 'property', ?, ?)`,
          )
          .run(place.compound, topicId, Date.now() + 86_400_000, Date.now()),
      ),
    ).toEqual(ALL);
    expect(
      moved((raw) => raw.prepare('update tasks set overdue_at = ? where topic_id = ?').run(Date.now(), topicId)),
    ).toEqual(ALL);
  });
  it('a rating and an escalation', () => {
    expect(
      moved((raw) =>
        raw
          .prepare(
            `insert into ratings (topic_id, round, person_id, compound_id, stars, created_at) values (?, 1, ?, ?, 4, ?)`,
          )
          .run(topicId, author, place.compound, Date.now()),
      ),
    ).toEqual(ALL);
    expect(
      moved((raw) =>
        raw
          .prepare(`insert into escalations (compound_id, topic_id, level, community_id, street_id, reason, auto, raised_at, state)
                    values (?, ?, 'community', ?, ?, '久拖未决', 1, ?, 'open')`)
          .run(place.compound, topicId, place.community, place.street, Date.now()),
      ),
    ).toEqual(ALL);
  });
  it('a decision recorded', () => {
    expect(
      moved((raw) =>
        raw
          .prepare(`insert into decisions (compound_id, topic_id, body, party, deadline_at, recorded_by, recorded_at)
                    values (?, ?, '修', 'property', ?, ?, ?)`)
          .run(place.compound, topicId, Date.now() + 86_400_000, author, Date.now()),
      ),
    ).toEqual(ALL);
  });
  it('a vote opened and closed', () => {
    expect(
      moved((raw) => {
        voteId = Number(
          raw
            .prepare(`insert into votes (compound_id, topic_id, kind, question, choice_mode, starts_at, ends_at, opened_by)
                      values (?, ?, 'consultation', '是否同意？', 'single', ?, ?, ?)`)
            .run(place.compound, topicId, Date.now(), Date.now() + 86_400_000, author).lastInsertRowid,
        );
        raw
          .prepare(
            `insert into vote_voters (vote_id, voter_key, person_id, name, place) values (?, 'p:1', ?, '甲', '1号楼')`,
          )
          .run(voteId, author);
      }),
    ).toEqual(ALL);
  });
  it('a compound renamed moves its scopes and the places; a community renamed moves its compounds', () => {
    expect(
      moved((raw) => raw.prepare(`update compounds set name = name || '·' where id = ?`).run(place.compound)),
    ).toEqual(ALL);
    expect(
      moved((raw) => raw.prepare(`update communities set name = name || '·' where id = ?`).run(place.community)),
    ).toEqual(ALL);
  });
});

describe('ballots move only the compound’s own dashboard (its live turnout)', () => {
  it('a ballot', () => {
    expect(
      moved((raw) =>
        raw
          .prepare(`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
                    values (?, 'p:1', '["agree"]', 'online', ?, 'TESTRCPT', ?, ?)`)
          .run(voteId, author, Date.now(), Date.now()),
      ),
    ).toEqual([true, false, false, false]);
  });
  it('the vote closed (its turnout as counted) moves them all', () => {
    expect(
      moved((raw) =>
        raw.prepare(`update votes set status = 'closed', closed_at = ? where id = ?`).run(Date.now(), voteId),
      ),
    ).toEqual(ALL);
  });
});

describe('writes no dashboard shows move nothing', () => {
  it('a comment, a co-sign count, a session seen, a notification', () => {
    const topic = db.$client.prepare('select id from topics where compound_id = ? limit 1').get(place.compound) as {
      id: number;
    };
    expect(
      moved((raw) => {
        raw
          .prepare(`insert into comments (topic_id, author_id, body, created_at) values (?, ?, '同意', ?)`)
          .run(topic.id, author, Date.now());
        raw
          .prepare(
            'update topics set comment_count = comment_count + 1, cosign_count = cosign_count + 1, activity_at = ? where id = ?',
          )
          .run(Date.now(), topic.id);
        raw.prepare('update sessions set last_seen_at = ?').run(Date.now());
        raw
          .prepare(
            `insert into notifications (person_id, compound_id, kind, created_at) values (?, ?, 'login_failures', ?)`,
          )
          .run(author, place.compound, Date.now());
      }),
    ).toEqual(NONE);
  });
  it('a write in another compound leaves this compound and its community alone', () => {
    const before = versions();
    other.$client.prepare(`update tasks set overdue_at = ? where compound_id = ?`).run(Date.now(), elsewhere);
    const after = versions();
    expect(after[0]).toBe(before[0]);
  });
});

describe('a scope that loses a compound never returns to a version it had', () => {
  it('moving a compound to another community', () => {
    const target = db.$client
      .prepare('select id from communities where id <> ? order by id limit 1')
      .get(place.community) as { id: number };
    const community = { level: 'community', id: place.community } as const;
    const seen = new Set([scopeVersion(community)]);
    other.$client.prepare('update compounds set community_id = ? where id = ?').run(target.id, place.compound);
    expect(seen.has(scopeVersion(community))).toBe(false);
    seen.add(scopeVersion(community));
    other.$client.prepare('update compounds set community_id = ? where id = ?').run(place.community, place.compound);
    expect(seen.has(scopeVersion(community))).toBe(false);
  });
});

describe('the dashboard read after a write shows it', () => {
  it('the district dashboard counts a topic another process raised, on the very next read', () => {
    const node = findScope('district', place.district);
    expect(node).toBeDefined();
    if (!node) return;
    const period = parsePeriod({}, Date.now());
    const before = loadDashboard(node, 'full', period, 'onTime').totals.raised;
    // Read again at the same version: the memo answers, and the figure is unchanged.
    expect(loadDashboard(node, 'full', period, 'onTime').totals.raised).toBe(before);
    other.$client
      .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                values (?, ?, '又一个议题', '', 'repairs', 'raised', ?, ?)`)
      .run(elsewhere, author, Date.now(), Date.now());
    expect(loadDashboard(node, 'full', period, 'onTime').totals.raised).toBe(before + 1);
  });
});
