import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, checkBackup, restoreDatabase } from '../db/backup';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-backup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function rows(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('select id, name from districts order by id').all() as { id: number; name: string }[];
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('takes a consistent online backup while writes go on, and restores it exactly', async () => {
    const live = path.join(dir, 'live.db');
    const db = openDatabase(live);
    migrateDatabase(db);
    const insert = db.$client.prepare('insert into districts (name) values (?)');
    for (let i = 0; i < 2000; i++) insert.run(`区${i}`);

    // Keep writing while the backup copies pages.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        insert.run(`写入${written++}`);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const file = await backupDatabase(live, path.join(dir, 'backups'));
    writing = false;
    await writer;

    expect(() => checkBackup(file)).not.toThrow();
    const backedUp = rows(file);
    expect(backedUp.length).toBeGreaterThanOrEqual(2000);
    // A snapshot: a prefix of the live table, without gaps.
    const now = rows(live);
    expect(now.slice(0, backedUp.length)).toEqual(backedUp);

    db.$client.close();
    const kept = restoreDatabase(file, live);
    expect(kept).not.toBeNull();
    // The old WAL is gone (it must not be replayed onto the restored file).
    expect(fs.existsSync(`${live}-wal`)).toBe(false);
    expect(rows(live)).toEqual(backedUp);
  });

  it('refuses a file that is not a Yishi database', () => {
    const other = path.join(dir, 'other.db');
    new Database(other).exec('create table x (a)');
    expect(() => restoreDatabase(other, path.join(dir, 'target.db'))).toThrow(/not a Yishi database/);
    expect(fs.existsSync(path.join(dir, 'target.db'))).toBe(false);
  });
});
