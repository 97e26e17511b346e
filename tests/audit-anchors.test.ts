/**
 * The audit trail cannot be rewritten without detection: the database refuses an entry over an
 * existing one, and each chain's head is published outside the database (table, anchor file) at
 * every vote close, every decision published and daily, so that a chain rewritten and re-hashed with
 * its triggers dropped no longer matches what was published (docs/decisions/0013-audit-anchors.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendPendingAnchors, anchorFileOfDb } from '../db/audit/anchor-file';
import { verifyAuditTrail, verifyTypedHash } from '../db/audit/verify';
import { backupDatabase, restoreDatabase } from '../db/backup';
import { type Db, getDb, openDatabase, writeTransaction } from '../db/client';
import { allAnchors, anchorChain, latestAnchor } from '../db/audit/anchors';
import { appendAudit } from '../db/audit/append';
import { closeVote } from '../db/voting/close';
import { anchorLabel } from '../lib/audit/anchor-report';
import { type Anchor, anchorLine, hashGroups, readAnchorText } from '../lib/audit/anchors';
import { GENESIS_HASH, hashAuditEntry } from '../lib/audit/hash';
import { tick } from '../server/clock';
import { one, rolledBack, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const { build } = await import('./action-fixtures');

const DAY = 86_400_000;
/** The clock's days, in the future so that every entry the fixture made is before them. */
const D1 = Date.UTC(2030, 0, 7, 2, 0); // 10:00 in Shanghai
let compoundId = 0;
let fx: Awaited<ReturnType<typeof build>>;
let anchorFile = '';

const fileText = () => fs.readFileSync(anchorFile, 'utf8');
const fileAnchors = () => readAnchorText(fileText()).lines.map((l) => l.anchor);
const entry = (id: number) =>
  one<{ action: string; entity: string; entityId: number; hash: string; compoundId: number }>(
    sql`select action, entity, entity_id as entityId, hash, compound_id as compoundId from audit_log where id = ${id}`,
  );
const headOf = (c: number | null) =>
  one<{ id: number }>(sql`select max(id) as id from audit_log where compound_id is ${c}`).id;

/** One more entry in the compound's chain, as any action would write it. */
function appendOne(now: number, reason = '补充说明') {
  writeTransaction((tx) =>
    appendAudit(tx, {
      compoundId,
      actorId: null,
      at: now,
      entity: 'compound',
      entityId: compoundId,
      action: 'update',
      reason,
    }),
  );
}

beforeAll(async () => {
  setupDatabase();
  fx = await build('合和大院', { secretary: '13800000001' });
  compoundId = fx.compoundId;
  anchorFile = anchorFileOfDb() ?? '';
}, 120_000);
afterAll(() => teardownDatabase());

describe('the database refuses to rewrite the trail', () => {
  const columns = 'compound_id, at, entity, action, prev_hash, hash';
  const values = (hash: string) => `${compoundId}, 0, 'topic', 'raise', '${GENESIS_HASH}', '${hash}'`;

  it('refuses INSERT OR REPLACE, REPLACE and a plain INSERT over an existing entry, and an id behind the newest', () => {
    const newest = headOf(compoundId);
    const before = entry(newest);
    const raw = getDb().$client;
    for (const verb of ['insert or replace into', 'replace into', 'insert into', 'insert or ignore into']) {
      expect(() =>
        raw.prepare(`${verb} audit_log (id, ${columns}) values (${newest}, ${values('f'.repeat(64))})`).run(),
      ).toThrow(/append-only/);
    }
    // An upsert is an update, refused by the update trigger of 0001.
    expect(() =>
      raw
        .prepare(`insert into audit_log (id, ${columns}) values (${newest}, ${values('e'.repeat(64))})
                  on conflict (id) do update set hash = excluded.hash`)
        .run(),
    ).toThrow(/append-only/);
    for (const id of [1, -1, 0, -7]) {
      expect(() =>
        raw.prepare(`insert into audit_log (id, ${columns}) values (${id}, ${values('d'.repeat(64))})`).run(),
      ).toThrow(/append-only/);
    }
    expect(entry(newest)).toEqual(before);
  });

  it('still appends as before, the chain intact', () => {
    const newest = headOf(null);
    writeTransaction((tx) =>
      appendAudit(tx, { compoundId: null, actorId: null, at: Date.now(), entity: 'district', action: 'update' }),
    );
    expect(headOf(null)).toBeGreaterThan(newest);
    expect(verifyAuditTrail().ok).toBe(true);
  });

  it('keeps the published anchors as append-only as the trail', () => {
    const a = allAnchors()[0] as Anchor;
    const raw = getDb().$client;
    expect(() => raw.prepare('update audit_anchors set hash = ? where id = ?').run('0'.repeat(64), a.id)).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare('delete from audit_anchors where id = ?').run(a.id)).toThrow(/append-only/);
    expect(() =>
      raw
        .prepare(
          'insert or replace into audit_anchors (id, compound_id, entry_id, hash, at, reason) values (?, ?, ?, ?, ?, ?)',
        )
        .run(a.id, a.compoundId, a.entryId, '0'.repeat(64), a.at, a.reason),
    ).toThrow(/append-only/);
    expect(allAnchors()[0]).toEqual(a);
  });
});

describe('chain heads are published', () => {
  it("at a vote's close, with the close in it, in the close's own transaction; the file gets the line", () => {
    const closed = allAnchors().filter((a) => a.compoundId === compoundId && a.reason === 'vote_closed');
    expect(closed.length).toBeGreaterThanOrEqual(1);
    const anchored = entry((closed[0] as Anchor).entryId);
    expect(anchored.action).toBe('close_vote');
    expect(anchored.hash).toBe((closed[0] as Anchor).hash);
    expect(fileAnchors()).toEqual(allAnchors());
  });

  it('at the publication of a decision, with the publication in it', () => {
    const published = allAnchors()
      .filter((a) => a.reason === 'decision_published')
      .map((a) => entry(a.entryId));
    expect(published).toContainEqual(
      expect.objectContaining({ action: 'publish_decision', entity: 'topic', entityId: fx.publicised, compoundId }),
    );
  });

  it('not when the transaction rolls back: no anchor, no line', async () => {
    const anchors = allAnchors();
    const text = fileText();
    await rolledBack(async () => {
      expect(closeVote(compoundId, fx.ended, null, Date.now())).not.toBeNull();
      expect(allAnchors().length).toBe(anchors.length + 1);
    });
    expect(allAnchors()).toEqual(anchors);
    expect(fileText()).toBe(text);
  });

  it('daily by the clock, for the chains whose head moved, once a day', () => {
    const first = tick(D1, { votes: false });
    expect(first.anchored).toBeGreaterThanOrEqual(1);
    // Every chain's head is now anchored.
    for (const c of [compoundId, null]) expect(latestAnchorOf(c)?.entryId).toBe(headOf(c));
    appendOne(D1 + 3_600_000);
    expect(tick(D1 + 3_600_000, { votes: false }).anchored).toBe(0);
    const next = tick(D1 + DAY, { votes: false });
    expect(next.anchored).toBe(1); // only this compound's chain moved
    const daily = latestAnchor(compoundId);
    expect(daily).toMatchObject({ entryId: headOf(compoundId), reason: 'daily', at: D1 + DAY });
    expect(fileAnchors().at(-1)).toEqual(daily);
    expect(tick(D1 + 2 * DAY, { votes: false }).anchored).toBe(0);
  });

  it('and a hash kept from the board answers that the chain still has it', () => {
    const a = latestAnchor(compoundId) as Anchor;
    const printed = hashGroups(a.hash).join(' ').replaceAll(' ', '');
    expect(verifyTypedHash(compoundId, a.entryId, printed)).toMatchObject({ ok: true });
    expect(verifyTypedHash(compoundId, a.entryId, 'ab'.repeat(32)).ok).toBe(false);
    expect(verifyAuditTrail().ok).toBe(true);
  });
});

function latestAnchorOf(c: number | null): Anchor | undefined {
  return allAnchors()
    .filter((a) => a.compoundId === c)
    .at(-1);
}

/**
 * Runs `tamper` on a copy of the installation (database and anchor file, through backup and
 * restore) as the process's connection, and returns what npm run audit:verify says of it.
 */
async function onACopy(tamper: (db: Db) => void) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-tamper-'));
  const live = getDb();
  const backup = await backupDatabase(live.$client.name, path.join(dir, 'backups'));
  restoreDatabase(backup, path.join(dir, 'yishi.db'));
  const copy = openDatabase(path.join(dir, 'yishi.db'));
  const global = globalThis as unknown as { yishiDb?: Db };
  global.yishiDb = copy;
  try {
    tamper(copy);
    return verifyAuditTrail();
  } finally {
    global.yishiDb = live;
    copy.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Rewrites entries of the compound's chain with the triggers dropped, re-hashing from `from` on. */
function rewriteChain(db: Db, from: number, reason: string) {
  db.$client.exec('drop trigger audit_log_no_update');
  const rows = db.all<{
    id: number;
    compoundId: number | null;
    actorId: number | null;
    at: number;
    entity: string;
    entityId: number | null;
    action: string;
    fromState: string | null;
    toState: string | null;
    reason: string | null;
    data: string | null;
  }>(sql`select id, compound_id as compoundId, actor_id as actorId, at, entity, entity_id as entityId, action,
           from_state as fromState, to_state as toState, reason, data from audit_log
          where compound_id = ${compoundId} order by id`);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const fields = r.id === from ? { ...r, reason } : r;
    const hash = hashAuditEntry(prev, fields);
    if (r.id >= from)
      db.run(
        sql`update audit_log set reason = ${fields.reason}, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`,
      );
    prev = hash;
  }
}

describe('npm run audit:verify on a tampered copy', () => {
  it('reports the newest entry rewritten and re-hashed against the anchor that published it', async () => {
    const newest = latestAnchor(compoundId) as Anchor;
    expect(newest.entryId).toBe(headOf(compoundId));
    const r = await onACopy((db) => rewriteChain(db, newest.entryId, '什么也没发生'));
    expect(r.ok).toBe(false);
    // The chain's links were re-hashed and still hold; the anchor is what catches it.
    expect(r.lines).toContain(`chain 合和大院 (#${compoundId}): links ok (${countOf(compoundId)} entries)`);
    expect(r.lines.join('\n')).toContain(
      `chain 合和大院 (#${compoundId}): entry ${newest.entryId} changed after ${anchorLabel(newest)}`,
    );
  });

  it('catches the anchors table rewritten too, by the file', async () => {
    const newest = latestAnchor(compoundId) as Anchor;
    const r = await onACopy((db) => {
      rewriteChain(db, newest.entryId, '什么也没发生');
      db.$client.exec('drop trigger audit_anchors_no_update');
      db.run(sql`update audit_anchors set hash = (select hash from audit_log where id = ${newest.entryId})
                  where id = ${newest.id}`);
    });
    expect(r.ok).toBe(false);
    const text = r.lines.join('\n');
    expect(text).toContain(`anchor ${newest.id} differs from the database's`);
    expect(text).toContain(`entry ${newest.entryId} changed after ${anchorLabel(newest)}`);
  });

  it('reports a whole chain re-hashed after its triggers were dropped', async () => {
    const first = one<{ id: number }>(sql`select min(id) as id from audit_log where compound_id = ${compoundId}`).id;
    const earliest = allAnchors().find((a) => a.compoundId === compoundId) as Anchor;
    const r = await onACopy((db) => rewriteChain(db, first, '从头改写'));
    expect(r.ok).toBe(false);
    const text = r.lines.join('\n');
    expect(text).toContain(`changed after ${anchorLabel(earliest)}`);
    expect(text).toContain('no earlier anchor of this chain matches');
    expect(text).toMatch(/\d+ later anchor\(s\) of this chain no longer match either/);
  });

  it('does not count a line lost between the commit and the file (a crash) as tampering, and appends it later', async () => {
    const r = await onACopy(() => {
      // What a crash right after the commit leaves: the anchor committed, its line never written.
      writeTransaction((tx) => {
        appendOne(D1 + 3 * DAY);
        anchorChain(tx, compoundId, 'vote_closed', D1 + 3 * DAY);
      });
      const copyFile = anchorFileOfDb() ?? '';
      expect(verifyAuditTrail()).toMatchObject({ ok: true });
      expect(verifyAuditTrail().lines.join('\n')).toContain('1 newest anchor(s) not yet in the file');
      // And a line cut short as the crash struck.
      fs.appendFileSync(copyFile, anchorLine(latestAnchor(compoundId) as Anchor).slice(0, 50));
      expect(verifyAuditTrail().ok).toBe(true);
      // The next start (the clock's first tick) appends it whole.
      expect(appendPendingAnchors()).toBe(1);
      expect(readAnchorText(fs.readFileSync(copyFile, 'utf8')).lines.at(-1)?.anchor).toEqual(latestAnchor(compoundId));
    });
    expect(r.ok).toBe(true);
    expect(r.lines.join('\n')).not.toMatch(/not yet in the file|incomplete/);
  });

  it('leaves a file whose last line was edited as it is, for verify to report, instead of writing after it', async () => {
    const r = await onACopy(() => {
      const file = anchorFileOfDb() ?? '';
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      fs.writeFileSync(file, [...lines.slice(0, -2), 'nothing happened here', ''].join('\n'));
      const edited = fs.readFileSync(file, 'utf8');
      writeTransaction((tx) => {
        appendOne(D1 + 4 * DAY);
        anchorChain(tx, compoundId, 'decision_published', D1 + 4 * DAY);
      });
      vi.spyOn(console, 'error').mockImplementationOnce(() => {});
      expect(appendPendingAnchors()).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).toBe(edited);
    });
    expect(r.ok).toBe(false);
    expect(r.lines.join('\n')).toContain('not an anchor line (the file was edited)');
  });

  it('but a line removed from the file is', async () => {
    const r = await onACopy(() => {
      const file = anchorFileOfDb() ?? '';
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      fs.writeFileSync(file, [...lines.slice(0, 1), ...lines.slice(2)].join('\n'));
    });
    expect(r.ok).toBe(false);
    expect(r.lines.join('\n')).toContain('is in the database but was removed from the file');
  });
});

function countOf(c: number) {
  return one<{ n: number }>(sql`select count(*) as n from audit_log where compound_id = ${c}`).n;
}
