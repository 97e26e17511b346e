import 'server-only';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { getDb, writeTransaction } from '../client';
import { auditLog, buildings, compoundServices, compounds, people, propertyCompanies } from '../schema';
import { appendAudit } from '../audit/append';

export interface CompoundSettings {
  name: string;
  address: string;
  noticeDays: number;
  ratingDays: number;
  escalateAfterDays: number;
  nonVotersFollowMajority: boolean;
  hotline?: string;
}

export type WriteResult<T = null> = { ok: true; value: T } | { ok: false; error: string };

export function compoundNameTaken(communityId: number, name: string, exceptId?: number) {
  const row = getDb()
    .select({ id: compounds.id })
    .from(compounds)
    .where(
      and(
        eq(compounds.communityId, communityId),
        eq(compounds.name, name),
        exceptId ? ne(compounds.id, exceptId) : undefined,
      ),
    )
    .get();
  return row !== undefined;
}

export function createCompound(actorId: number, communityId: number, settings: CompoundSettings, now: number) {
  return writeTransaction((tx) => {
    const created = tx
      .insert(compounds)
      .values({ communityId, ...settings, createdAt: now })
      .returning({ id: compounds.id })
      .get();
    appendAudit(tx, {
      compoundId: created.id,
      actorId,
      at: now,
      entity: 'compound',
      entityId: created.id,
      action: 'create',
      data: settings,
    });
    return created.id;
  });
}

export function getCompoundSettings(compoundId: number) {
  return getDb()
    .select({
      name: compounds.name,
      address: compounds.address,
      noticeDays: compounds.noticeDays,
      ratingDays: compounds.ratingDays,
      escalateAfterDays: compounds.escalateAfterDays,
      nonVotersFollowMajority: compounds.nonVotersFollowMajority,
      hotline: compounds.hotline,
    })
    .from(compounds)
    .where(eq(compounds.id, compoundId))
    .get();
}

export function updateCompound(actorId: number, compoundId: number, settings: CompoundSettings, now: number) {
  writeTransaction((tx) => {
    const before = tx.select().from(compounds).where(eq(compounds.id, compoundId)).get();
    tx.update(compounds).set(settings).where(eq(compounds.id, compoundId)).run();
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'compound',
      entityId: compoundId,
      action: 'update',
      data: { before, after: settings },
    });
  });
}

export function buildingNameTaken(compoundId: number, name: string, exceptId?: number) {
  return (
    getDb()
      .select({ id: buildings.id })
      .from(buildings)
      .where(
        and(
          eq(buildings.compoundId, compoundId),
          eq(buildings.name, name),
          exceptId ? ne(buildings.id, exceptId) : undefined,
        ),
      )
      .get() !== undefined
  );
}

export function addBuilding(actorId: number, compoundId: number, b: { name: string; floors: number }, now: number) {
  writeTransaction((tx) => {
    const created = tx
      .insert(buildings)
      .values({ compoundId, ...b, createdAt: now })
      .returning({ id: buildings.id })
      .get();
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'building',
      entityId: created.id,
      action: 'create',
      data: b,
    });
  });
}

/** Updates a building of this compound; false when the id is not one of its buildings. */
export function updateBuilding(
  actorId: number,
  compoundId: number,
  buildingId: number,
  b: { name: string; floors: number },
  now: number,
): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .update(buildings)
      .set(b)
      .where(and(eq(buildings.id, buildingId), eq(buildings.compoundId, compoundId)))
      .run();
    if (res.changes === 0) return false;
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'building',
      entityId: buildingId,
      action: 'update',
      data: b,
    });
    return true;
  });
}

export function listCompanies() {
  return getDb()
    .select({ id: propertyCompanies.id, name: propertyCompanies.name })
    .from(propertyCompanies)
    .orderBy(asc(propertyCompanies.name))
    .all();
}

/** Replaces the companies serving a compound (optionally creating a new one), with an audit entry. */
export function setCompoundServices(
  actorId: number,
  compoundId: number,
  companyIds: number[],
  newCompany: string,
  now: number,
): WriteResult {
  return writeTransaction((tx): WriteResult => {
    const ids = new Set(companyIds);
    if (ids.size) {
      const known = tx
        .select({ id: propertyCompanies.id })
        .from(propertyCompanies)
        .where(inArray(propertyCompanies.id, [...ids]))
        .all();
      if (known.length !== ids.size) return { ok: false, error: 'notFound' };
    }
    if (newCompany) {
      const existing = tx
        .select({ id: propertyCompanies.id })
        .from(propertyCompanies)
        .where(eq(propertyCompanies.name, newCompany))
        .get();
      ids.add(
        existing?.id ?? tx.insert(propertyCompanies).values({ name: newCompany, createdAt: now }).returning().get().id,
      );
    }
    const before = tx
      .select({ id: compoundServices.companyId })
      .from(compoundServices)
      .where(eq(compoundServices.compoundId, compoundId))
      .all()
      .map((r) => r.id);
    tx.delete(compoundServices).where(eq(compoundServices.compoundId, compoundId)).run();
    for (const companyId of ids) tx.insert(compoundServices).values({ compoundId, companyId, createdAt: now }).run();
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'compound',
      entityId: compoundId,
      action: 'set_property_companies',
      data: { before, after: [...ids] },
    });
    return { ok: true, value: null };
  });
}

/** The latest administrative entries of a compound's trail, with who made them. */
export function listRecentAudit(compoundId: number | null, limit = 20) {
  return getDb()
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      data: auditLog.data,
      actorName: people.name,
    })
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(compoundId === null ? isNull(auditLog.compoundId) : eq(auditLog.compoundId, compoundId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}
