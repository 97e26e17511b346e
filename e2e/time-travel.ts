import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Test support only: the stories cannot wait the 15 days an owners' assembly's notice period lasts, so
 * they move one assembly's dates back, as if it had been announced that much earlier (its votes' windows
 * with it). Nothing else changes: the notice, the frozen electorate, every ballot and the audit trail stay
 * as they were written; the server's clock (or a visit to the page) then opens or closes it.
 */
function database() {
  const dir = process.env.E2E_DATA_DIR ?? path.resolve('.e2e-data');
  const db = new Database(path.join(dir, 'yishi.db'));
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Moves the assembly's dates back so that it ends at `endsAt` (ms), keeping every interval between them. */
export function shiftAssembly(assemblyId: number, target: { endsAt: number } | { startsAt: number }): void {
  const db = database();
  try {
    const a = db
      .prepare<[number], { startsAt: number; endsAt: number }>(
        'select starts_at as startsAt, ends_at as endsAt from assemblies where id = ?',
      )
      .get(assemblyId);
    if (!a) throw new Error(`no assembly ${assemblyId}`);
    const by = 'endsAt' in target ? a.endsAt - target.endsAt : a.startsAt - target.startsAt;
    db.transaction(() => {
      db.prepare(
        `update assemblies set announced_at = announced_at - ?, objections_until = objections_until - ?,
                starts_at = starts_at - ?, ends_at = ends_at - ? where id = ?`,
      ).run(by, by, by, by, assemblyId);
      db.prepare('update votes set starts_at = starts_at - ?, ends_at = ends_at - ? where assembly_id = ?').run(
        by,
        by,
        assemblyId,
      );
    })();
  } finally {
    db.close();
  }
}
