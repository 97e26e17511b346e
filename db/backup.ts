import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Online backup of a live database with SQLite's backup API: consistent even while the server
 * writes, without stopping it. Returns the file written.
 */
export async function backupDatabase(source: string, targetDir: string, now = new Date()): Promise<string> {
  fs.mkdirSync(targetDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(targetDir, `yishi-${stamp}.db`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step, inside one read transaction: a consistent snapshot that writers (WAL)
    // cannot force to restart, however busy the server is.
    await db.backup(target, { progress: ({ totalPages }) => Math.max(totalPages, 1) * 2 });
  } finally {
    db.close();
  }
  return target;
}

/** Checks a backup file: SQLite integrity and Yishi's tables. Throws with a clear message. */
export function checkBackup(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${file} fails SQLite's integrity check: ${String(ok)}`);
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name in ('compounds', 'audit_log')")
      .all();
    if (tables.length !== 2) throw new Error(`${file} is not a Yishi database`);
  } finally {
    db.close();
  }
}

/**
 * Restores a backup into a stopped installation: checks it, keeps the current database beside it
 * as <name>.before-restore-<time>, and removes stale WAL files so SQLite cannot replay them.
 */
export function restoreDatabase(backup: string, target: string, now = new Date()): string | null {
  checkBackup(backup);
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    kept = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, kept);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(backup, target);
  return kept;
}
