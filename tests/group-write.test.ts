/**
 * Group commit (db/client.ts groupWrite): writes queued in one turn of the event loop share one
 * transaction, each in its own savepoint; nothing resolves before the shared COMMIT; while another
 * connection holds the write lock the process keeps running and the writes wait their turn.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, dataVersion, groupWrite, openDatabase } from '../db/client';

let dir = '';
let db: Db;
let file = '';
const holder = globalThis as unknown as { yishiDb?: Db };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-group-'));
  file = path.join(dir, 'g.db');
  db = openDatabase(file);
  holder.yishiDb = db;
  db.$client.exec('create table t (id integer primary key, v text not null unique)');
});

afterAll(() => {
  db.$client.close();
  holder.yishiDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  db.$client.exec('delete from t');
});

const insert = (v: string) => (d: Db) => d.$client.prepare('insert into t (v) values (?)').run(v).lastInsertRowid;
const stored = () => (db.$client.prepare('select v from t order by id').all() as { v: string }[]).map((r) => r.v);
const commits = () => Number(dataVersion().split('.')[1]);

describe('groupWrite', () => {
  it('commits the writes of one turn together, once, and resolves each with its own result', async () => {
    const before = commits();
    const ids = await Promise.all(['a', 'b', 'c'].map((v) => groupWrite(insert(v))));
    expect(commits() - before).toBe(1);
    expect(new Set(ids).size).toBe(3);
    expect(stored()).toEqual(['a', 'b', 'c']);
  });

  it('undoes only the write that failed: the others are stored and resolve', async () => {
    const results = await Promise.allSettled([
      groupWrite(insert('x')),
      groupWrite((d) => {
        insert('y')(d);
        insert('x')(d); // unique: fails, and takes its own 'y' with it
      }),
      groupWrite(insert('z')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(stored()).toEqual(['x', 'z']);
  });

  it('when SQLite ends the whole transaction, rejects every write of the batch and keeps none; later writes go on', async () => {
    const results = await Promise.allSettled([
      groupWrite(insert('first')),
      groupWrite((d) => {
        // What SQLite does on some errors (disk full, I/O): the transaction is gone, not just the statement.
        d.$client.exec('ROLLBACK');
        throw new Error('disk full');
      }),
      groupWrite(insert('third')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(stored()).toEqual([]);
    await groupWrite(insert('after'));
    expect(stored()).toEqual(['after']);
  });

  it('resolves only once the write is committed: another connection already sees it', async () => {
    const other = new Database(file, { readonly: true });
    try {
      const pending = groupWrite(insert('seen'));
      expect(other.prepare('select count(*) as n from t').get()).toEqual({ n: 0 });
      await pending;
      expect(other.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
    } finally {
      other.close();
    }
  });

  it('waits for another process’s write lock without blocking, then writes', async () => {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    let done = false;
    const pending = groupWrite(insert('later')).then((id) => {
      done = true;
      return id;
    });
    await new Promise((r) => setTimeout(r, 100));
    // The event loop kept turning (timers fired) and the write has not gone through.
    expect(ticks).toBeGreaterThan(5);
    expect(done).toBe(false);
    // Writes queued meanwhile join the waiting batch.
    const joined = groupWrite(insert('joined'));
    other.exec('COMMIT');
    other.close();
    await Promise.all([pending, joined]);
    clearInterval(timer);
    expect(stored()).toEqual(['later', 'joined']);
  });

  it('inside a transaction of its caller, writes at once in a savepoint of it', async () => {
    db.$client.exec('BEGIN');
    const pending = groupWrite(insert('inner'));
    expect(stored()).toEqual(['inner']);
    await pending;
    db.$client.exec('ROLLBACK');
    expect(stored()).toEqual([]);
  });

  it('keeps batches to a bounded size and still writes everything', async () => {
    const before = commits();
    const values = Array.from({ length: 450 }, (_, i) => `v${i}`);
    await Promise.all(values.map((v) => groupWrite(insert(v))));
    expect(stored()).toHaveLength(450);
    expect(commits() - before).toBe(3);
  });
});
