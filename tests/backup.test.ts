import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { anchorsCopyOf, backupDatabase, checkBackup, restoreDatabase } from '../db/backup';
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
    const restored = restoreDatabase(file, live);
    expect(restored.kept).not.toBeNull();
    expect(fs.existsSync(restored.kept ?? '')).toBe(true);
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

  it('carries the audit anchor file: complete lines copied beside the backup, put back by the restore', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'anchored-'));
    const live = path.join(home, 'yishi.db');
    const db = openDatabase(live);
    migrateDatabase(db);
    db.$client.close();
    const anchors = path.join(home, 'audit-anchors.log');
    const line = (n: number) => `{"anchor":${n}}\n`;
    // A line being appended as the backup runs is not copied half.
    fs.writeFileSync(anchors, `${line(1)}${line(2)}{"anch`);
    const file = await backupDatabase(live, path.join(home, 'backups'));
    expect(anchorsCopyOf(file)).toBe(file.replace(/\.db$/, '.anchors.log'));
    expect(fs.readFileSync(anchorsCopyOf(file), 'utf8')).toBe(`${line(1)}${line(2)}`);

    // Later anchors; then the backup is restored: its anchor file comes back, the later one is kept aside.
    fs.writeFileSync(anchors, `${line(1)}${line(2)}${line(3)}`);
    const restored = restoreDatabase(file, live);
    expect(restored.anchors).toBe(true);
    expect(fs.readFileSync(anchors, 'utf8')).toBe(`${line(1)}${line(2)}`);
    expect(fs.readFileSync(restored.keptAnchors ?? '', 'utf8')).toBe(`${line(1)}${line(2)}${line(3)}`);
  });

  it('restores a backup without an anchor file by setting the current one aside for a fresh start', async () => {
    const home = fs.mkdtempSync(path.join(dir, 'older-'));
    const live = path.join(home, 'yishi.db');
    const db = openDatabase(live);
    migrateDatabase(db);
    db.$client.close();
    const file = await backupDatabase(live, path.join(home, 'backups'));
    expect(fs.existsSync(anchorsCopyOf(file))).toBe(false);
    const anchors = path.join(home, 'audit-anchors.log');
    fs.writeFileSync(anchors, '{"anchor":1}\n');
    const restored = restoreDatabase(file, live);
    expect(restored.anchors).toBe(false);
    // Its anchors name entries the restored database may not have; new anchors would take their numbers.
    expect(fs.existsSync(anchors)).toBe(false);
    expect(fs.readFileSync(restored.keptAnchors ?? '', 'utf8')).toBe('{"anchor":1}\n');
  });
});
