import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { anchorsPathFor } from './client';

/** The anchor file's copy that goes with a backup: yishi-<time>.db → yishi-<time>.anchors.log. */
export function anchorsCopyOf(backupFile: string): string {
  return `${backupFile.replace(/\.db$/, '')}.anchors.log`;
}

/**
 * Copies the anchor file's complete lines (a line being appended right now is left for the next
 * backup), fsynced. False when there is no anchor file yet.
 */
function copyAnchorLines(source: string, target: string): boolean {
  if (!fs.existsSync(source)) return false;
  const text = fs.readFileSync(source);
  const fd = fs.openSync(target, 'wx', 0o644);
  try {
    fs.writeSync(fd, text.subarray(0, text.lastIndexOf(0x0a) + 1));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Online backup of a live database with SQLite's backup API: consistent even while the server
 * writes, without stopping it. Returns the file written. The anchor file (`anchors`) is copied beside
 * it first: every line in it was committed before, so the snapshot taken after holds every anchor the
 * copy names (the snapshot may hold newer ones, which the server appends to the file after a restore).
 */
export async function backupDatabase(
  source: string,
  targetDir: string,
  now = new Date(),
  anchors: string = anchorsPathFor(source),
): Promise<string> {
  fs.mkdirSync(targetDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = path.join(targetDir, `yishi-${stamp}.db`);
  copyAnchorLines(anchors, anchorsCopyOf(target));
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

export interface Restored {
  /** The database that was in place, kept as <name>.before-restore-<time>. */
  kept: string | null;
  /** The anchor file that was in place, kept the same way. */
  keptAnchors: string | null;
  /** Whether the backup carried an anchor file (older backups do not: the server starts a new one). */
  anchors: boolean;
}

/**
 * Restores a backup into a stopped installation: checks it, keeps the current database beside it
 * as <name>.before-restore-<time>, and removes stale WAL files so SQLite cannot replay them. The
 * anchor file is swapped the same way: the current one names anchors the backup may not have, and
 * the anchors made after the restore would take their numbers.
 */
export function restoreDatabase(
  backup: string,
  target: string,
  now = new Date(),
  anchors: string = anchorsPathFor(target),
): Restored {
  checkBackup(backup);
  const suffix = `.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
  const keep = (file: string) => {
    if (!fs.existsSync(file)) return null;
    fs.renameSync(file, `${file}${suffix}`);
    return `${file}${suffix}`;
  };
  const kept = keep(target);
  const keptAnchors = keep(anchors);
  for (const wal of ['-wal', '-shm']) fs.rmSync(`${target}${wal}`, { force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(backup, target);
  const copy = anchorsCopyOf(backup);
  const carried = fs.existsSync(copy);
  if (carried) {
    fs.mkdirSync(path.dirname(anchors), { recursive: true });
    fs.copyFileSync(copy, anchors);
  }
  return { kept, keptAnchors, anchors: carried };
}
