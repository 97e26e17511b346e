import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside a transaction (writeTransaction's callback). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function resolveDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || './data');
}

export function resolveDatabasePath(): string {
  return process.env.DATABASE_PATH
    ? path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_PATH)
    : path.join(resolveDataDir(), 'yishi.db');
}

/**
 * The anchor file of a database (docs/decisions/0013-audit-anchors.md): AUDIT_ANCHORS_PATH, or
 * audit-anchors.log beside the database file — so a database opened from elsewhere (a test's, a
 * benchmark's) never writes into another installation's anchors.
 */
export function anchorsPathFor(databaseFile: string): string {
  return process.env.AUDIT_ANCHORS_PATH
    ? path.resolve(/*turbopackIgnore: true*/ process.env.AUDIT_ANCHORS_PATH)
    : path.join(path.dirname(path.resolve(/*turbopackIgnore: true*/ databaseFile)), 'audit-anchors.log');
}

/**
 * Opens a connection with the settings every part of Yishi relies on. synchronous=FULL: a commit
 * is on disk before it is acknowledged, even across power loss (see docs/decisions/0002-sqlite.md).
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // 16 MB of pages per connection (one per worker); the operating system caches the rest of the file
  // outside the process (docs/decisions/0019-performance.md: 64 MB a worker kept the server over 500 MB).
  sqlite.pragma('cache_size = -16000');
  refreshPlannerStatistics(sqlite);
  if (process.env.YISHI_COUNT_SQL === '1') countStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Keeps the query planner's statistics (sqlite_stat1) current, as SQLite advises for long-lived
 * connections: tables never analysed, or whose size changed many times over, are analysed on a
 * sample (analysis_limit), in milliseconds even at district scale. Without statistics the planner
 * thinks `compound_id = ?` matches ten rows, takes any index on compound_id and sorts a whole
 * compound's topics for a page of 20; with them it reads the index that is already in the list's
 * order (docs/decisions/0019-performance.md). Best effort: a busy or read-only database keeps the
 * statistics it has.
 */
export function refreshPlannerStatistics(sqlite: Database.Database): void {
  try {
    sqlite.pragma('analysis_limit = 400');
    sqlite.pragma('optimize = 0x10002');
  } catch {
    // The plans stay as they were; nothing else depends on the statistics.
  }
}

const globalForDb = globalThis as unknown as { yishiDb?: Db };

/**
 * A statement prepared once per connection and reused: for the queries every request runs
 * (session, compound, audit), where preparing again each time costs more than running.
 */
export function prepared<T>(build: (db: Db) => T): () => T {
  const cache = new WeakMap<Db, T>();
  return () => {
    const db = getDb();
    let statement = cache.get(db);
    if (statement === undefined) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

/**
 * Runs `fn` as one IMMEDIATE transaction: the write lock is taken at BEGIN, so a transaction that
 * reads and then writes waits its turn (busy_timeout) instead of failing with SQLITE_BUSY when
 * another connection (another worker, a script) wrote in between. Every write in Yishi goes here.
 */
export function writeTransaction<T>(fn: (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => T): T {
  const db = getDb();
  const raw = db.$client;
  if (raw.inTransaction) return db.transaction(fn, { behavior: 'immediate' });
  // Waiting for another process's write lock: SQLite's own busy handler sleeps 1, 2, 5, 10 ms… between
  // tries, long next to a ballot's ~1 ms commit, so two workers writing at once lost most of their time
  // asleep. Here the lock is asked for every quarter millisecond instead, for the same 5 s at most;
  // only BEGIN can be busy (a write transaction holds the lock until it ends), so retrying is safe.
  raw.pragma('busy_timeout = 0');
  try {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (;;) {
      try {
        const result = db.transaction(fn, { behavior: 'immediate' });
        writesHere.yishiWrites = (writesHere.yishiWrites ?? 0) + 1;
        return result;
      } catch (error) {
        const busy = (error as { code?: string }).code === 'SQLITE_BUSY' && !raw.inTransaction;
        if (!busy || Date.now() > deadline) throw error;
        Atomics.wait(pause, 0, 0, 0.25);
      }
    }
  } finally {
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * Group commit: runs `fn` in a write transaction shared with the other group writes queued in the
 * same turn of the event loop, each in its own savepoint, so one that throws undoes only its own
 * writes. Resolves once the shared COMMIT is done (on disk: synchronous=FULL), so nothing is
 * acknowledged before it is durable. While another process holds the write lock, this one keeps
 * answering requests and asks again (those requests join the batch) instead of blocking; 5 s at
 * most, as for writeTransaction. For writes that arrive many at once, such as ballots
 * (docs/decisions/0010-group-commit.md); `fn` must be synchronous and must not await.
 */
export function groupWrite<T>(fn: (db: Db) => T): Promise<T> {
  // Inside a transaction of its own caller (a test's rolled-back transaction): a savepoint there.
  if (getDb().$client.inTransaction) {
    try {
      return Promise.resolve(writeTransaction(() => fn(getDb())));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return new Promise<T>((resolve, reject) => {
    group.queue.push({ fn, resolve, reject } as GroupEntry);
    if (!group.scheduled) {
      group.scheduled = true;
      group.since = Date.now();
      setImmediate(flushGroup);
    }
  });
}

interface GroupEntry {
  fn: (db: Db) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** A batch is bounded so that its transaction holds the write lock for a few milliseconds at most. */
const GROUP_MAX = 200;
const group = { queue: [] as GroupEntry[], scheduled: false, since: 0 };

/** The transaction-control statements of a connection, prepared once. */
const controlOf = new WeakMap<
  Database.Database,
  Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback', Database.Statement>
>();

function control(raw: Database.Database) {
  let statements = controlOf.get(raw);
  if (!statements) {
    statements = {
      begin: raw.prepare('BEGIN IMMEDIATE'),
      savepoint: raw.prepare('SAVEPOINT group_write'),
      release: raw.prepare('RELEASE group_write'),
      rollbackTo: raw.prepare('ROLLBACK TO group_write'),
      commit: raw.prepare('COMMIT'),
      rollback: raw.prepare('ROLLBACK'),
    };
    controlOf.set(raw, statements);
  }
  return statements;
}

function flushGroup() {
  const db = getDb();
  const raw = db.$client;
  const sql = control(raw);
  const ownTransaction = !raw.inTransaction;
  if (ownTransaction) {
    raw.pragma('busy_timeout = 0');
    try {
      sql.begin.run();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY' && Date.now() - group.since < BUSY_TIMEOUT_MS) {
        // Another process is committing (about a millisecond): let this one's event loop turn, then ask again.
        Atomics.wait(pause, 0, 0, 0.1);
        setImmediate(flushGroup);
        return;
      }
      settleGroup(group.queue.splice(0), error);
      return;
    } finally {
      raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }
  const batch = group.queue.splice(0, GROUP_MAX);
  const outcomes: { ok: boolean; value: unknown }[] = [];
  let failed: unknown = null;
  try {
    for (const entry of batch) {
      if (failed !== null) break;
      sql.savepoint.run();
      try {
        outcomes.push({ ok: true, value: entry.fn(db) });
        sql.release.run();
      } catch (error) {
        outcomes.push({ ok: false, value: error });
        // An error SQLite answers by ending the whole transaction leaves nothing to roll back to.
        if (raw.inTransaction) sql.rollbackTo.run();
        if (raw.inTransaction) sql.release.run();
        else failed = error;
      }
    }
    if (ownTransaction && failed === null) {
      sql.commit.run();
      writesHere.yishiWrites = (writesHere.yishiWrites ?? 0) + 1;
    }
  } catch (error) {
    // The transaction's own statements failed (disk full, I/O error): nothing of the batch is kept.
    failed = error;
  }
  if (failed !== null && ownTransaction && raw.inTransaction) {
    try {
      sql.rollback.run();
    } catch {
      // Already rolled back by SQLite.
    }
  }
  batch.forEach((entry, i) => {
    const outcome = outcomes[i];
    if (failed !== null) entry.reject(failed);
    else if (outcome?.ok) entry.resolve(outcome.value);
    else entry.reject(outcome?.value);
  });
  if (group.queue.length > 0) {
    group.since = Date.now();
    setImmediate(flushGroup);
  } else {
    group.scheduled = false;
  }
}

function settleGroup(entries: GroupEntry[], error: unknown) {
  for (const entry of entries) entry.reject(error);
  group.scheduled = false;
}

const BUSY_TIMEOUT_MS = 5000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Commits made by this process (one counter, however many times the module is loaded). */
const writesHere = globalThis as unknown as { yishiWrites?: number };

/**
 * Changes whenever the database may have changed: SQLite's data_version moves when another
 * connection (another worker, a script) commits, and our own commits are counted here. What is
 * computed from the database at one version is still exact while the version stays the same.
 */
export function dataVersion(): string {
  return `${getDb().$client.pragma('data_version', { simple: true })}.${writesHere.yishiWrites ?? 0}`;
}

/** The process-wide connection (one writer; better-sqlite3 is synchronous). */
export function getDb(): Db {
  if (!globalForDb.yishiDb) globalForDb.yishiDb = openDatabase(resolveDatabasePath());
  return globalForDb.yishiDb;
}

const counter = globalThis as unknown as { yishiSqlCount?: number };

/** Statements executed since start, when YISHI_COUNT_SQL=1 (development and benchmarks only). */
export function sqlStatementCount(): number | null {
  return counter.yishiSqlCount ?? null;
}

/** Counts every executed statement by wrapping better-sqlite3's Statement methods once. */
function countStatements(sqlite: Database.Database) {
  counter.yishiSqlCount ??= 0;
  const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<string, unknown>;
  if (proto.yishiCounted) return;
  proto.yishiCounted = true;
  for (const method of ['run', 'get', 'all', 'iterate'] as const) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: unknown, ...args: unknown[]) {
      counter.yishiSqlCount = (counter.yishiSqlCount ?? 0) + 1;
      return original.apply(this, args);
    };
  }
}
