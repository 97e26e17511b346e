/**
 * Calls server actions and route handlers in Vitest as a chosen person, on a seeded database of
 * its own. The test file mocks Next's request-bound modules (session, cookies, cache, translations)
 * with `mockNext()`'s answers; everything else — the actions, the permissions module, the queries,
 * SQLite — is the real code.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, openDatabase } from '../db/client';
import { createSession, loadSessionActor } from '../db/auth/sessions';
import { migrateDatabase } from '../db/migrate';
import { seedDemo } from '../db/seed';

export const who: { sid: string | null } = { sid: null };

let db: Db | null = null;
let dir = '';

export function setupDatabase(): Db {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-harness-'));
  process.env.DATA_DIR = dir;
  db = openDatabase(path.join(dir, 'yishi.db'));
  (globalThis as unknown as { yishiDb?: Db }).yishiDb = db;
  migrateDatabase(db);
  seedDemo(db);
  return db;
}

export function teardownDatabase() {
  db?.$client.close();
  (globalThis as unknown as { yishiDb?: Db }).yishiDb = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

function theDb(): Db {
  if (!db) throw new Error('setupDatabase() first');
  return db;
}

const sessions = new Map<number, string>();

/** Acts as this person from now on (null: nobody is signed in). */
export function actAs(personId: number | null) {
  if (personId === null) {
    who.sid = null;
    return;
  }
  let sid = sessions.get(personId);
  if (!sid) {
    sid = randomUUID();
    createSession(sid, personId, Date.now());
    sessions.set(personId, sid);
  }
  who.sid = sid;
}

export function currentActor() {
  return who.sid ? (loadSessionActor(who.sid)?.actor ?? null) : null;
}

export function personId(mobile: string): number {
  const row = theDb().get<{ id: number }>(sql`select id from people where mobile = ${mobile}`);
  if (!row) throw new Error(`no person ${mobile}`);
  return row.id;
}

export function one<T>(query: ReturnType<typeof sql>): T {
  const row = theDb().get<T>(query);
  if (row === undefined) throw new Error('expected a row');
  return row;
}

/** Rows changed on this connection so far: the same before and after means nothing was written. */
export function totalChanges(): number {
  return theDb().get<{ n: number }>(sql`select total_changes() as n`)?.n ?? 0;
}

/** Runs `fn` and then undoes every write it made (actions' own transactions become savepoints). */
export async function rolledBack<T>(fn: () => Promise<T>): Promise<T> {
  const client = theDb().$client;
  client.exec('BEGIN');
  try {
    return await fn();
  } finally {
    client.exec('ROLLBACK');
  }
}

export function form(fields: Record<string, string | number | readonly (string | number)[] | Blob>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (v instanceof Blob) f.append(k, v);
    else if (Array.isArray(v)) for (const x of v) f.append(k, String(x));
    else f.append(k, String(v));
  }
  return f;
}

export type Outcome = 'ok' | 'refused' | 'notFound' | 'signedOut';

/**
 * What an action or handler answered, in the matrix's terms. A redirect counts as success;
 * Next's notFound() as not found; any other exception is a bug and is rethrown.
 */
export async function outcomeOf(run: () => Promise<unknown>): Promise<{ outcome: Outcome; detail: string }> {
  try {
    const r = await run();
    if (r instanceof Response) {
      const s = r.status;
      const outcome: Outcome = s < 300 ? 'ok' : s === 401 ? 'signedOut' : s === 404 ? 'notFound' : 'refused';
      return { outcome, detail: String(s) };
    }
    if (r === undefined) return { outcome: 'ok', detail: 'void' };
    const res = r as { ok: boolean; code?: string };
    if (res.ok) return { outcome: 'ok', detail: 'ok' };
    const code = res.code ?? '';
    return {
      outcome: code === 'notFound' ? 'notFound' : code === 'signedOut' ? 'signedOut' : 'refused',
      detail: code,
    };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (digest.startsWith('NEXT_REDIRECT')) return { outcome: 'ok', detail: 'redirect' };
    if (digest.includes('404')) return { outcome: 'notFound', detail: digest };
    throw error;
  }
}

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
