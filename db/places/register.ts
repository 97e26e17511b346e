import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { StaffReach } from '@/lib/auth/permissions';
import type { ImportRow } from '@/lib/import/units-csv';
import { lookalikeOfficial, type Official } from '@/lib/people/lookalike';
import { getDb, writeTransaction } from '../client';
import { buildings, holderMembers, holders, people, units } from '../schema';
import { appendAudit } from '../audit/append';
import { placeWithinPasswordSetter } from '../people/accounts';
import { officialsOf } from '../people/find';
import { reachSql } from '../people/reach';

export const REGISTER_PAGE_SIZE = 50;

/** One page of a compound's register: units with their holder and the holder's voter. */
export function listRegister(compoundId: number, buildingId: number | null, page: number) {
  const where = and(eq(units.compoundId, compoundId), buildingId ? eq(units.buildingId, buildingId) : undefined);
  const db = getDb();
  const rows = db
    .select({
      id: units.id,
      building: buildings.name,
      number: units.number,
      floor: units.floor,
      areaCenti: units.areaCenti,
      areaSource: units.areaSource,
      holderKind: holders.kind,
      holderName: holders.name,
      voterName: people.name,
    })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .leftJoin(holders, eq(holders.id, units.holderId))
    .leftJoin(people, eq(people.id, holders.voterPersonId))
    .where(where)
    .orderBy(asc(buildings.id), asc(units.number))
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(units).where(where).get()?.n ?? 0;
  return { rows, total };
}

export function buildingNames(compoundId: number) {
  return getDb()
    .select({ id: buildings.id, name: buildings.name })
    .from(buildings)
    .where(eq(buildings.compoundId, compoundId))
    .all();
}

/**
 * Why a row naming someone already known cannot be imported: the mobile is registered under another
 * name (shown only for someone the importer can see); the person lies partly or wholly outside the
 * importer's reach (a unit would hand them over: nothing of them is shown); or staff elsewhere set
 * their password (placeWithinPasswordSetter).
 */
export type ImportConflict =
  | { line: number; mobile: string; kind: 'registeredName'; registeredName: string }
  | { line: number; mobile: string; kind: 'outOfReach' | 'passwordElsewhere' }
  | { line: number; mobile: string; kind: 'lookalike'; official: Official };

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  holdersCreated: number;
  peopleCreated: number;
}

/**
 * Writes a validated import in one transaction: all of it or none. A row that names someone
 * already known is a conflict, and stops the whole import, when the name differs or when it would
 * attach a unit to someone the importer does not wholly reach. Importing the same file again finds
 * everything unchanged and writes nothing, not even an audit entry.
 */
export function applyUnitImport(
  actorId: number,
  compoundId: number,
  rows: readonly ImportRow[],
  reach: StaffReach,
  lookalikesConfirmed: boolean,
  now: number,
): { ok: true; summary: ImportSummary } | { ok: false; conflicts: ImportConflict[] } {
  return writeTransaction((tx) => {
    const nameByMobile = new Map(rows.flatMap((r) => r.owners.map((o) => [o.mobile, o.name] as const)));
    const mobiles = [...nameByMobile.keys()];
    const r = reachSql(reach);
    const known = new Map<string, { id: number; name: string; whole: number; some: number }>();
    for (let i = 0; i < mobiles.length; i += 500) {
      const chunk = mobiles.slice(i, i + 500);
      for (const p of tx
        .select({ id: people.id, name: people.name, mobile: people.mobile, whole: r.whole, some: r.some })
        .from(people)
        .where(inArray(people.mobile, chunk))
        .all())
        known.set(p.mobile, p);
    }
    const holderIds = new Map(
      tx
        .select({ id: holders.id, key: holders.key, name: holders.name, voter: holders.voterPersonId })
        .from(holders)
        .where(eq(holders.compoundId, compoundId))
        .all()
        .map((h) => [h.key, h]),
    );
    const conflicts: ImportConflict[] = [];
    const officials = lookalikesConfirmed ? [] : officialsOf({ compoundId });
    for (const row of rows) {
      const holder = holderIds.get(row.holderKey);
      for (const o of row.owners) {
        const p = known.get(o.mobile);
        if (!p) {
          // A new person named like one of the compound's officials, unless staff have confirmed it.
          const official = lookalikeOfficial(o.name, o.mobile, officials);
          if (official) conflicts.push({ line: row.line, mobile: o.mobile, kind: 'lookalike', official });
          continue;
        }
        // A new holder attaches all its owners; an existing one only a voter it did not have.
        const attaches = !holder || (o.mobile === row.voterMobile && holder.voter !== p.id);
        if (p.name !== o.name && (p.whole || p.some)) {
          conflicts.push({ line: row.line, mobile: o.mobile, kind: 'registeredName', registeredName: p.name });
        } else if (p.name !== o.name || (attaches && !p.whole)) {
          conflicts.push({ line: row.line, mobile: o.mobile, kind: 'outOfReach' });
        } else if (attaches && !placeWithinPasswordSetter(p.id, 'compound', compoundId)) {
          conflicts.push({ line: row.line, mobile: o.mobile, kind: 'passwordElsewhere' });
        }
      }
    }
    if (conflicts.length) return { ok: false as const, conflicts };

    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, holdersCreated: 0, peopleCreated: 0 };
    for (const [m, name] of nameByMobile) {
      if (known.has(m)) continue;
      const p = tx.insert(people).values({ name, mobile: m, createdAt: now }).returning().get();
      known.set(m, { id: p.id, name: p.name, whole: 1, some: 0 });
      summary.peopleCreated++;
    }

    const buildingIds = new Map(
      tx
        .select({ id: buildings.id, name: buildings.name })
        .from(buildings)
        .where(eq(buildings.compoundId, compoundId))
        .all()
        .map((b) => [b.name, b.id]),
    );
    const existing = new Map(
      tx
        .select({
          id: units.id,
          buildingId: units.buildingId,
          number: units.number,
          floor: units.floor,
          areaCenti: units.areaCenti,
          areaSource: units.areaSource,
          holderId: units.holderId,
        })
        .from(units)
        .where(eq(units.compoundId, compoundId))
        .all()
        .map((u) => [`${u.buildingId}/${u.number}`, u]),
    );

    for (const r of rows) {
      const voterId = r.voterMobile ? (known.get(r.voterMobile)?.id ?? null) : null;
      let holder = holderIds.get(r.holderKey);
      if (!holder) {
        const h = tx
          .insert(holders)
          .values({ compoundId, kind: r.holderKind, key: r.holderKey, name: r.holderName, voterPersonId: voterId })
          .returning()
          .get();
        holder = { id: h.id, key: h.key, name: h.name, voter: h.voterPersonId };
        holderIds.set(r.holderKey, holder);
        for (const o of r.owners) {
          const personId = known.get(o.mobile)?.id;
          if (personId) tx.insert(holderMembers).values({ holderId: h.id, personId }).onConflictDoNothing().run();
        }
        summary.holdersCreated++;
      } else if (holder.name !== r.holderName || holder.voter !== voterId) {
        tx.update(holders).set({ name: r.holderName, voterPersonId: voterId }).where(eq(holders.id, holder.id)).run();
        holder.name = r.holderName;
        holder.voter = voterId;
      }
      const buildingId = buildingIds.get(r.building);
      if (buildingId === undefined) throw new Error(`building ${r.building} vanished during import`);
      const before = existing.get(`${buildingId}/${r.unit}`);
      const values = { floor: r.floor, areaCenti: r.areaCenti, areaSource: r.areaSource, holderId: holder.id };
      if (!before) {
        tx.insert(units)
          .values({ buildingId, compoundId, number: r.unit, ...values, createdAt: now, updatedAt: now })
          .run();
        summary.created++;
      } else if (
        before.floor !== values.floor ||
        before.areaCenti !== values.areaCenti ||
        before.areaSource !== values.areaSource ||
        before.holderId !== values.holderId
      ) {
        tx.update(units)
          .set({ ...values, updatedAt: now })
          .where(eq(units.id, before.id))
          .run();
        summary.updated++;
      } else {
        summary.unchanged++;
      }
    }
    if (summary.created || summary.updated || summary.holdersCreated || summary.peopleCreated) {
      appendAudit(tx, {
        compoundId,
        actorId,
        at: now,
        entity: 'register',
        entityId: compoundId,
        action: 'import_units',
        data: summary,
      });
    }
    return { ok: true as const, summary };
  });
}
