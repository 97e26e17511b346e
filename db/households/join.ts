import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { AssignableRole } from '@/lib/auth/roles';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { joinRequests, memberships, people } from '../schema';

/**
 * Tenants and family members asking to join a unit (lib/households/rules.ts says who answers). Nobody joins an
 * owners' decision this way: the role is tenant or family member, never a holder.
 */

/** A unit of the compound by building and number, with who answers for it (the holder's voter). */
export function findUnitByNumber(compoundId: number, buildingId: number, number: string) {
  return getDb().get<{ unitId: number; label: string; voterId: number | null }>(sql`
    select u.id as unitId, b.name || u.number as label, h.voter_person_id as voterId
      from units u join buildings b on b.id = u.building_id left join holders h on h.id = u.holder_id
     where u.compound_id = ${compoundId} and u.building_id = ${buildingId} and u.number = ${number}`);
}

/** Whether a mobile is already known (an account, or an owner in the register waiting for their letter). */
export function mobileKnown(mobile: string): boolean {
  return getDb().select({ id: people.id }).from(people).where(eq(people.mobile, mobile)).get() !== undefined;
}

export interface NewJoinRequest {
  compoundId: number;
  unitId: number;
  unitLabel: string;
  voterId: number | null;
  personId: number | null;
  name: string;
  mobile: string;
  passwordHash: string | null;
  relation: 'tenant' | 'family_member';
  moveOutAt: number | null;
}

/** Files the request and tells whoever may answer it; null when the same person already waits for this unit. */
export function fileJoinRequest(r: NewJoinRequest, now: number): number | null {
  return writeTransaction((tx) => {
    const waiting = tx
      .select({ id: joinRequests.id })
      .from(joinRequests)
      .where(
        and(eq(joinRequests.unitId, r.unitId), eq(joinRequests.mobile, r.mobile), eq(joinRequests.status, 'pending')),
      )
      .get();
    if (waiting) return null;
    const { unitLabel, voterId, ...row } = r;
    const id = tx
      .insert(joinRequests)
      .values({ ...row, createdAt: now })
      .returning({ id: joinRequests.id })
      .get().id;
    appendAudit(tx, {
      compoundId: r.compoundId,
      actorId: r.personId,
      at: now,
      entity: 'unit',
      entityId: r.unitId,
      action: 'join_request',
      data: { requestId: id, relation: r.relation, name: r.name, moveOutAt: r.moveOutAt },
    });
    const answerers = tx.all<{ id: number }>(sql`
      select person_id as id from memberships where scope_type = 'compound' and scope_id = ${r.compoundId}
         and role in ('grid_worker', 'branch_secretary')`);
    const detail = `${r.relation}|${unitLabel}|${r.name}`;
    const staff = answerers.map((a) => a.id).filter((id) => id !== voterId);
    if (voterId) {
      notify(
        tx,
        [voterId],
        { compoundId: r.compoundId, kind: 'join_request', actorId: r.personId, detail: `${detail}|voter` },
        now,
      );
    }
    notify(tx, staff, { compoundId: r.compoundId, kind: 'join_request', actorId: r.personId, detail }, now);
    return id;
  });
}

const requestColumns = sql`jr.id, jr.compound_id as compoundId, jr.unit_id as unitId, jr.name, jr.mobile,
  jr.relation, jr.move_out_at as moveOutAt, jr.created_at as createdAt, jr.person_id as personId,
  b.name || u.number as unitLabel, h.voter_person_id as voterId`;

export interface JoinRequestRow {
  id: number;
  compoundId: number;
  unitId: number;
  name: string;
  mobile: string;
  relation: 'tenant' | 'family_member';
  moveOutAt: number | null;
  createdAt: number;
  personId: number | null;
  unitLabel: string;
  voterId: number | null;
}

/** Pending requests of a compound: for its grid worker and branch secretary. */
export function pendingJoinRequests(compoundId: number): JoinRequestRow[] {
  return getDb().all<JoinRequestRow>(sql`select ${requestColumns}
    from join_requests jr join units u on u.id = jr.unit_id join buildings b on b.id = u.building_id
    left join holders h on h.id = u.holder_id
   where jr.compound_id = ${compoundId} and jr.status = 'pending' order by jr.id`);
}

/** Pending requests for units whose household this person votes for: they answer them from "My home". */
export function joinRequestsForVoter(personId: number): (JoinRequestRow & { compoundName: string })[] {
  return getDb().all<JoinRequestRow & { compoundName: string }>(sql`select ${requestColumns}, c.name as compoundName
    from join_requests jr join units u on u.id = jr.unit_id join buildings b on b.id = u.building_id
    join holders h on h.id = u.holder_id join compounds c on c.id = jr.compound_id
   where h.voter_person_id = ${personId} and jr.status = 'pending' order by jr.id`);
}

/** One pending request, with who may answer it. */
export function pendingJoinRequest(requestId: number): JoinRequestRow | undefined {
  return getDb().get<JoinRequestRow>(sql`select ${requestColumns}
    from join_requests jr join units u on u.id = jr.unit_id join buildings b on b.id = u.building_id
    left join holders h on h.id = u.holder_id
   where jr.id = ${requestId} and jr.status = 'pending'`);
}

/** Requests a person made: shown on their "My home". */
export function myJoinRequests(personId: number) {
  return getDb().all<{
    id: number;
    unitLabel: string;
    compoundName: string;
    relation: string;
    status: string;
    createdAt: number;
  }>(sql`
    select jr.id, b.name || u.number as unitLabel, c.name as compoundName, jr.relation, jr.status, jr.created_at as createdAt
      from join_requests jr join units u on u.id = jr.unit_id join buildings b on b.id = u.building_id
      join compounds c on c.id = jr.compound_id
     where jr.person_id = ${personId} order by jr.id desc limit 20`);
}

export type JoinAnswer = 'ok' | 'gone' | 'mobile-taken' | 'exists';

/**
 * Approves or declines a pending request in one transaction. Approving opens the requester's account when they had
 * none (with the password they chose, so nobody else ever knew it) and gives the tenant or family member role for
 * the unit, ending at the move-out date.
 */
export function answerJoinRequest(
  requestId: number,
  answer: 'approve' | 'decline',
  reason: string,
  actorId: number,
  now: number,
): JoinAnswer {
  return writeTransaction((tx): JoinAnswer => {
    const r = tx.select().from(joinRequests).where(eq(joinRequests.id, requestId)).get();
    if (r?.status !== 'pending') return 'gone';
    let personId = r.personId;
    if (answer === 'approve') {
      if (personId === null) {
        const taken = tx.select({ id: people.id }).from(people).where(eq(people.mobile, r.mobile)).get();
        if (taken) return 'mobile-taken';
        personId = tx
          .insert(people)
          .values({
            name: r.name,
            mobile: r.mobile,
            passwordHash: r.passwordHash,
            privacyAcceptedAt: r.createdAt,
            privacyVersion: 1,
            createdAt: now,
          })
          .returning({ id: people.id })
          .get().id;
      }
      const role: AssignableRole = r.relation;
      const existing = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.personId, personId),
            eq(memberships.role, role),
            eq(memberships.scopeType, 'compound'),
            eq(memberships.scopeId, r.compoundId),
          ),
        )
        .get();
      if (existing) return 'exists';
      tx.insert(memberships)
        .values({
          personId,
          role,
          scopeType: 'compound',
          scopeId: r.compoundId,
          unitId: r.unitId,
          endsAt: r.moveOutAt,
          createdBy: actorId,
          createdAt: now,
        })
        .run();
    }
    tx.update(joinRequests)
      .set({
        status: answer === 'approve' ? 'approved' : 'declined',
        personId,
        passwordHash: null,
        decidedBy: actorId,
        decidedAt: now,
        reason: reason || null,
      })
      .where(eq(joinRequests.id, requestId))
      .run();
    appendAudit(tx, {
      compoundId: r.compoundId,
      actorId,
      at: now,
      entity: 'unit',
      entityId: r.unitId,
      action: answer === 'approve' ? 'join_approved' : 'join_declined',
      reason: reason || null,
      data: { requestId, personId, relation: r.relation, accountOpened: r.personId === null && answer === 'approve' },
    });
    if (personId !== null) {
      const label = tx.get<{ l: string }>(
        sql`select b.name || u.number as l from units u join buildings b on b.id = u.building_id where u.id = ${r.unitId}`,
      );
      notify(
        tx,
        [personId],
        { compoundId: r.compoundId, kind: 'join_answered', actorId, detail: `${answer}|${label?.l ?? ''}` },
        now,
      );
    }
    return 'ok';
  });
}

/** Every compound with its buildings, for the join form's two choices (addresses are not secrets). */
export function compoundsWithBuildings() {
  const rows = getDb().all<{
    compoundId: number;
    compound: string;
    community: string;
    buildingId: number;
    building: string;
  }>(sql`
    select c.id as compoundId, c.name as compound, cm.name as community, b.id as buildingId, b.name as building
      from compounds c join communities cm on cm.id = c.community_id join buildings b on b.compound_id = c.id
     order by cm.name, c.name, b.id`);
  const out: { id: number; name: string; community: string; buildings: { id: number; name: string }[] }[] = [];
  for (const r of rows) {
    let c = out.at(-1);
    if (c?.id !== r.compoundId) {
      c = { id: r.compoundId, name: r.compound, community: r.community, buildings: [] };
      out.push(c);
    }
    c.buildings.push({ id: r.buildingId, name: r.building });
  }
  return out;
}
