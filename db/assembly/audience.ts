import 'server-only';
import { sql } from 'drizzle-orm';
import { NOTICE_COMMUNITY, NOTICE_OFFICIALS } from '@/lib/assembly/rules';
import { COMMITTEE } from '@/lib/auth/roles';
import type { Tx } from '../client';
import { roleIn } from '../roles';

/**
 * Who an assembly's notice reaches: every owner in its frozen electorate (each member of each holder,
 * co-owners included: the notice goes to every owner, 条例 Art. 14), the compound's branch, committee and
 * grid workers, and the community's workers (for a residential compound the residents' committee is
 * told, 指导规则 Art. 14).
 */
export function audienceOfAssembly(tx: Pick<Tx, 'all'>, compoundId: number, voteId: number) {
  const owners = tx
    .all<{ id: number }>(sql`
      select distinct hm.person_id as id from vote_voters v join holder_members hm on hm.holder_id = v.holder_id
       where v.vote_id = ${voteId}`)
    .map((r) => r.id);
  const officials = tx
    .all<{ id: number }>(sql`
      select distinct person_id as id from memberships
       where scope_type = 'compound' and scope_id = ${compoundId}
         and ${roleIn(sql`role`, NOTICE_OFFICIALS)}`)
    .map((r) => r.id);
  const community = tx
    .all<{ id: number }>(sql`
      select m.person_id as id from memberships m join compounds c on c.community_id = m.scope_id
       where c.id = ${compoundId} and m.scope_type = 'community' and ${roleIn(sql`m.role`, NOTICE_COMMUNITY)}`)
    .map((r) => r.id);
  return { owners, officials, community };
}

/** Everyone who holds a unit in the compound (for the result's notice). */
export function ownersOfCompound(tx: Pick<Tx, 'all'>, compoundId: number): number[] {
  return tx
    .all<{ id: number }>(sql`
      select distinct hm.person_id as id from holder_members hm join holders h on h.id = hm.holder_id
       where h.compound_id = ${compoundId}`)
    .map((r) => r.id);
}

/** The compound's owners' committee. */
export function committeeOf(tx: Pick<Tx, 'all'>, compoundId: number): number[] {
  return tx
    .all<{ id: number }>(sql`
      select distinct person_id as id from memberships
       where scope_type = 'compound' and scope_id = ${compoundId} and ${roleIn(sql`role`, COMMITTEE)}`)
    .map((r) => r.id);
}
