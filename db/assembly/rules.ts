import 'server-only';
import { eq } from 'drizzle-orm';
import { type AssemblyRules, effectiveNoticeDays } from '@/lib/assembly/rules';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { communities, compounds, districts, streets } from '../schema';

/** A compound's assembly rules as they apply now: the notice period never below the district's minimum or the law's. */
export function assemblyRulesOf(compoundId: number) {
  const row = getDb()
    .select({
      assemblyNoticeDays: compounds.assemblyNoticeDays,
      votingMinDays: compounds.votingMinDays,
      maxProxies: compounds.maxProxies,
      committeeSeats: compounds.committeeSeats,
      committeeAlternates: compounds.committeeAlternates,
      handoverDays: compounds.handoverDays,
      nonVotersFollowMajority: compounds.nonVotersFollowMajority,
      districtId: districts.id,
      districtMin: districts.minAssemblyNoticeDays,
    })
    .from(compounds)
    .innerJoin(communities, eq(communities.id, compounds.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, streets.districtId))
    .where(eq(compounds.id, compoundId))
    .get();
  if (!row) return undefined;
  const rules: AssemblyRules = {
    noticeDays: effectiveNoticeDays(row.assemblyNoticeDays, row.districtMin),
    votingMinDays: row.votingMinDays,
    maxProxies: row.maxProxies,
    committeeSeats: row.committeeSeats,
    committeeAlternates: row.committeeAlternates,
    handoverDays: row.handoverDays,
  };
  return {
    rules,
    /** As set, before the district's minimum is applied (the admin form shows both). */
    compoundNoticeDays: row.assemblyNoticeDays,
    districtId: row.districtId,
    districtMin: row.districtMin,
    nonVotersFollowMajority: row.nonVotersFollowMajority,
  };
}

export interface AssemblyRulesInput {
  assemblyNoticeDays: number;
  votingMinDays: number;
  maxProxies: number;
  committeeSeats: number;
  committeeAlternates: number;
  handoverDays: number;
}

export function updateAssemblyRules(actorId: number, compoundId: number, values: AssemblyRulesInput, now: number) {
  writeTransaction((tx) => {
    const before = tx
      .select({
        assemblyNoticeDays: compounds.assemblyNoticeDays,
        votingMinDays: compounds.votingMinDays,
        maxProxies: compounds.maxProxies,
        committeeSeats: compounds.committeeSeats,
        committeeAlternates: compounds.committeeAlternates,
        handoverDays: compounds.handoverDays,
      })
      .from(compounds)
      .where(eq(compounds.id, compoundId))
      .get();
    tx.update(compounds).set(values).where(eq(compounds.id, compoundId)).run();
    appendAudit(tx, {
      compoundId,
      actorId,
      at: now,
      entity: 'compound',
      entityId: compoundId,
      action: 'update_assembly_rules',
      data: { before, after: values },
    });
  });
}

export function districtMinimum(districtId: number) {
  return getDb()
    .select({ id: districts.id, name: districts.name, days: districts.minAssemblyNoticeDays })
    .from(districts)
    .where(eq(districts.id, districtId))
    .get();
}

/** The district's minimum notice period, in the district's trail (compound null). */
export function setDistrictMinimum(actorId: number, districtId: number, days: number, now: number) {
  writeTransaction((tx) => {
    const before = tx
      .select({ days: districts.minAssemblyNoticeDays })
      .from(districts)
      .where(eq(districts.id, districtId))
      .get();
    tx.update(districts).set({ minAssemblyNoticeDays: days }).where(eq(districts.id, districtId)).run();
    appendAudit(tx, {
      compoundId: null,
      actorId,
      at: now,
      entity: 'district',
      entityId: districtId,
      action: 'update_assembly_rules',
      data: { before: before?.days ?? null, after: days },
    });
  });
}
