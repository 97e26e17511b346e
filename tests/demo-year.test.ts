/**
 * The demo's year of life (db/demo/year.ts): the compounds other than 合和大院 get topics in every stage, follow-through,
 * and votes, closed ones with a stored result that recounts the same; the audit trail stays one unbroken chain per
 * compound; 合和大院's walk-through data is untouched; and it is quick enough for the demo's start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed';
import { countInputOf, hashResult } from '../db/voting/close';
import { appendPendingAnchors } from '../db/audit/anchor-file';
import { verifyAuditTrail } from '../db/audit/verify';
import { votes } from '../db/schema';
import { countVote } from '../lib/voting/count';

let db: Db;
let dir = '';
let seconds = 0;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-year-'));
  process.env.DATA_DIR = dir;
  db = openDatabase(path.join(dir, 'yishi.db'));
  (globalThis as unknown as { yishiDb?: Db }).yishiDb = db;
  migrateDatabase(db);
  const t0 = performance.now();
  seedDemo(db, { year: true });
  seconds = (performance.now() - t0) / 1000;
});

afterAll(() => {
  db.$client.close();
  (globalThis as unknown as { yishiDb?: Db }).yishiDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo district’s year', () => {
  it('gives every demo compound but 合和大院 a year of topics in every stage', () => {
    const rows = db.all<{ name: string; n: number; stages: number; oldest: number }>(sql`
      select c.name, count(t.id) as n, count(distinct t.status) as stages, min(t.created_at) as oldest
        from compounds c left join topics t on t.compound_id = c.id group by c.id order by c.id`);
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(by.合和大院?.n).toBe(0);
    for (const name of ['亿泰庄园', '清华园']) {
      expect(by[name]?.n).toBeGreaterThanOrEqual(40);
      expect(by[name]?.stages).toBeGreaterThanOrEqual(8);
      expect(Date.now() - (by[name]?.oldest ?? Date.now())).toBeGreaterThan(300 * 86_400_000);
    }
    const late = db.get<{ n: number }>(sql`select count(*) as n from tasks where overdue_at is not null`)?.n ?? 0;
    const rated = db.get<{ n: number }>(sql`select count(*) as n from ratings`)?.n ?? 0;
    const escalated = db.get<{ n: number }>(sql`select count(*) as n from escalations`)?.n ?? 0;
    expect(late).toBeGreaterThan(0);
    expect(rated).toBeGreaterThan(0);
    expect(escalated).toBeGreaterThan(0);
  });

  it('has closed votes with turnout that recount to their stored results, and open ones', () => {
    const all = db.select().from(votes).all();
    const closed = all.filter((v) => v.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(3);
    expect(all.some((v) => v.status !== 'closed')).toBe(true);
    for (const v of closed) {
      const recounted = countVote(countInputOf(db, v));
      expect(JSON.stringify(recounted)).toBe(v.result);
      expect(hashResult(recounted)).toBe(v.resultHash);
      expect(recounted.voted).toBeGreaterThan(0);
    }
  });

  it('keeps every audit chain whole', () => {
    // The server appends the anchors the votes' closes made to the anchor file at start; here, by hand.
    appendPendingAnchors();
    const report = verifyAuditTrail();
    expect(report.lines.filter((l) => /changed|broken|mismatch|missing/i.test(l))).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('takes well under a second of the demo’s start', () => {
    expect(seconds).toBeLessThan(5);
  });
});
