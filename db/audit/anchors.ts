import 'server-only';
import { sql } from 'drizzle-orm';
import type { Anchor, AnchorReason } from '@/lib/audit/anchors';
import { type Db, getDb, prepared, writeTransaction } from '../client';

const COLUMNS = 'id, compound_id as compoundId, entry_id as entryId, hash, at, reason';

const statements = prepared((db) => ({
  // `is` matches the district's chain (null) too, and still searches the (compound_id, id) index.
  head: db.$client.prepare<[number | null], { id: number; hash: string }>(
    'select id, hash from audit_log where compound_id is ? order by id desc limit 1',
  ),
  insert: db.$client.prepare<[number | null, number, string, number, AnchorReason], Anchor>(
    `insert into audit_anchors (compound_id, entry_id, hash, at, reason) values (?, ?, ?, ?, ?) returning ${COLUMNS}`,
  ),
  newest: db.$client.prepare<[], { id: number | null }>('select max(id) as id from audit_anchors'),
}));

/**
 * Anchors a chain at its head: one row read (the chain's newest entry) and one written. Call it at the
 * end of the transaction that wrote the entries it is to cover (`tx`), so the anchor stands or falls
 * with them; the anchor file gets its line after the commit (db/audit/anchor-file.ts).
 */
export function anchorChain(
  _tx: Pick<Db, 'run'>,
  compoundId: number | null,
  reason: AnchorReason,
  now: number,
): Anchor | null {
  const s = statements();
  const head = s.head.get(compoundId);
  return head ? (s.insert.get(compoundId, head.id, head.hash, now, reason) ?? null) : null;
}

/**
 * The daily round: anchors every chain (each compound's and the district's) whose head moved since
 * its last anchor. Two index lookups per chain, in one write transaction, so that two processes
 * running it at once cannot anchor the same head twice.
 */
export function anchorChangedChains(now: number): number {
  return writeTransaction((tx) => {
    const moved = tx.all<{ compoundId: number | null }>(sql`
      with chains(compound_id) as (select id from compounds union all select null),
      heads as (
        select ch.compound_id,
               (select a.id from audit_log a where a.compound_id is ch.compound_id order by a.id desc limit 1) as head,
               (select x.entry_id from audit_anchors x where x.compound_id is ch.compound_id
                 order by x.id desc limit 1) as anchored
          from chains ch)
      select compound_id as compoundId from heads where head is not null and head is not anchored`);
    for (const c of moved) anchorChain(tx, c.compoundId, 'daily', now);
    return moved.length;
  });
}

export function newestAnchorId(): number {
  return statements().newest.get()?.id ?? 0;
}

/** Anchors made after `id`, in order: what the anchor file still lacks. */
export function anchorsAfter(id: number): Anchor[] {
  return getDb()
    .$client.prepare<[number], Anchor>(`select ${COLUMNS} from audit_anchors where id > ? order by id`)
    .all(id);
}

/** Every anchor, in order (npm run audit:verify). */
export function allAnchors(): Anchor[] {
  return anchorsAfter(0);
}

/** The compound's newest anchor: what its notice board shows. */
export function latestAnchor(compoundId: number): Anchor | undefined {
  return getDb().get<Anchor>(
    sql`select ${sql.raw(COLUMNS)} from audit_anchors where compound_id = ${compoundId} order by id desc limit 1`,
  );
}

export const ANCHORS_PAGE = 50;

/** A page of the compound's anchors, newest first, and how many there are. */
export function compoundAnchors(compoundId: number, page: number): { anchors: Anchor[]; total: number } {
  const db = getDb();
  const anchors = db.all<Anchor>(sql`select ${sql.raw(COLUMNS)} from audit_anchors where compound_id = ${compoundId}
    order by id desc limit ${ANCHORS_PAGE} offset ${(page - 1) * ANCHORS_PAGE}`);
  const total = db.get<{ n: number }>(sql`select count(*) as n from audit_anchors where compound_id = ${compoundId}`);
  return { anchors, total: total?.n ?? 0 };
}

/** An entry's hash as the compound's chain holds it now (a resident checking a hash kept on paper). */
export function entryHash(compoundId: number, entryId: number): string | null {
  return (
    getDb().get<{ hash: string }>(sql`select hash from audit_log where id = ${entryId} and compound_id = ${compoundId}`)
      ?.hash ?? null
  );
}
