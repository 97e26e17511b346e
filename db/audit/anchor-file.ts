import fs from 'node:fs';
import path from 'node:path';
import { anchorLine, parseAnchorLine } from '../../lib/audit/anchors';
import { anchorsPathFor, getDb, writeTransaction } from '../client';
import { anchorsAfter, newestAnchorId } from './anchors';

/**
 * The anchor file: every anchor of the audit_anchors table as one JSON line, in order, appended after
 * the database has committed it and fsynced — outside the database, so that rewriting the database
 * (even with its triggers dropped) cannot rewrite what was published (docs/decisions/0013-audit-anchors.md).
 */

/** The process connection's anchor file; null for a database that is not a file. */
export function anchorFileOfDb(): string | null {
  const name = getDb().$client.name;
  return name && name !== ':memory:' ? anchorsPathFor(name) : null;
}

/**
 * Per file, the newest anchor this process wrote or read there and the file's size then: while both
 * still hold, there is nothing to append and no need to read the file (one stat per call).
 */
const known = new Map<string, { id: number; size: number }>();

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : -1);

const TAIL = 64 * 1024;

/**
 * The newest anchor in the file (0 when there is none yet). A last line without its newline is a write
 * cut short by a crash: it is cut off here, and written again whole from the database.
 */
function newestInFile(file: string): number {
  if (!fs.existsSync(file)) return 0;
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const start = Math.max(0, size - TAIL);
    const tail = Buffer.alloc(size - start);
    fs.readSync(fd, tail, 0, tail.length, start);
    let text = tail.toString('utf8');
    if (size > 0 && !text.endsWith('\n')) {
      const cut = tail.lastIndexOf(0x0a);
      if (cut < 0 && start > 0) throw new Error(`${file}: no line ends in its last ${TAIL} bytes`);
      fs.ftruncateSync(fd, start + cut + 1);
      fs.fsyncSync(fd);
      text = tail.subarray(0, cut + 1).toString('utf8');
    }
    const last = text.split('\n').at(-2);
    if (last === undefined) return 0;
    const anchor = parseAnchorLine(last);
    // An edited file is evidence: leave it as it is for npm run audit:verify to report.
    if (!anchor) throw new Error(`${file}: its last line is not an anchor line; run npm run audit:verify`);
    return anchor.id;
  } finally {
    fs.closeSync(fd);
  }
}

function append(file: string, text: string) {
  const created = !fs.existsSync(file);
  if (created) fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o644);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (created) {
    // The new file's name must survive a power loss too.
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  }
}

/**
 * Appends to the anchor file the anchors the database has committed and the file lacks. Called after
 * each commit that anchored (vote close, decision publication) and on every clock tick, which also
 * catches up after a crash between a commit and its line. Inside a caller's open transaction it does
 * nothing: that transaction may still roll back. Never throws: the commit stands, the next tick retries.
 */
export function appendPendingAnchors(): number {
  const db = getDb();
  if (db.$client.inTransaction) return 0;
  const file = anchorFileOfDb();
  if (!file) return 0;
  try {
    const seen = known.get(file);
    if (seen && newestAnchorId() <= seen.id && sizeOf(file) === seen.size) return 0;
    // The write lock makes this the only writer of the file across processes while it reads the
    // file's newest line and appends what follows it.
    return writeTransaction(() => {
      const newest = newestInFile(file);
      const missing = anchorsAfter(newest);
      if (missing.length > 0) append(file, missing.map(anchorLine).join(''));
      known.set(file, { id: missing.at(-1)?.id ?? newest, size: sizeOf(file) });
      return missing.length;
    });
  } catch (error) {
    console.error('[yishi] could not append to the audit anchor file', error);
    return 0;
  }
}
