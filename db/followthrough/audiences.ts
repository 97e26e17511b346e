import 'server-only';
import { sql } from 'drizzle-orm';
import { DECIDERS, PARTY_ROLES } from '@/lib/auth/roles';
import type { TaskParty } from '@/lib/followthrough/rules';
import type { Tx } from '../client';
import { roleIn } from '../roles';

// Who is told of a follow-through move besides the topic's followers.

/** The secretary and the committee chair of a compound. */
export function decidersOf(tx: Tx, compoundId: number): number[] {
  return tx
    .all<{ id: number }>(sql`select person_id as id from memberships where scope_type = 'compound'
        and scope_id = ${compoundId} and ${roleIn(sql`role`, DECIDERS)}`)
    .map((r) => r.id);
}

/** The people who act for a task's party: the company's staff, the committee, the branch or the community's workers. */
export function responsibleOf(tx: Tx, compoundId: number, party: TaskParty, companyId: number | null): number[] {
  const roles = roleIn(sql`m.role`, PARTY_ROLES[party]);
  const rows =
    party === 'property'
      ? tx.all<{ id: number }>(sql`select m.person_id as id from memberships m
          where ${roles} and m.scope_type = 'company' and m.scope_id = ${companyId ?? -1}`)
      : party === 'community'
        ? tx.all<{
            id: number;
          }>(sql`select m.person_id as id from memberships m join compounds c on c.id = ${compoundId}
            where ${roles} and m.scope_type = 'community' and m.scope_id = c.community_id`)
        : tx.all<{ id: number }>(sql`select m.person_id as id from memberships m
            where ${roles} and m.scope_type = 'compound' and m.scope_id = ${compoundId}`);
  return rows.map((r) => r.id);
}
