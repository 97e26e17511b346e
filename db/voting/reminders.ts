import 'server-only';
import { sql } from 'drizzle-orm';
import type { NonVoterRow } from '@/lib/voting/reminders';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';

/**
 * Who has not voted yet, for the grid worker to remind: name, home, building, the mobile of the
 * person who votes for the household, and whether (and by whom) they were reminded. Never a choice.
 */
export function listNonVotersToRemind(compoundId: number, voteId: number): NonVoterRow[] {
  return getDb().all<NonVoterRow>(sql`
    select w.voter_key as voterKey, w.name, w.place, p.mobile,
           coalesce(
             (select b.name from units u join buildings b on b.id = u.building_id
               where u.holder_id = w.holder_id and u.compound_id = ${compoundId} order by b.name limit 1),
             (select b.name from holder_members hm join units u on u.holder_id = hm.holder_id
                join buildings b on b.id = u.building_id
               where hm.person_id = w.person_id and u.compound_id = ${compoundId} order by b.name limit 1),
             (select b.name from memberships m join units u on u.id = m.unit_id join buildings b on b.id = u.building_id
               where m.person_id = w.person_id and m.role = 'tenant' and m.scope_type = 'compound'
                 and m.scope_id = ${compoundId} limit 1)) as building,
           r.reminded_at as remindedAt, (select name from people where id = r.reminded_by) as remindedBy
      from vote_voters w join votes v on v.id = w.vote_id and v.compound_id = ${compoundId}
      left join people p on p.id = w.person_id
      left join vote_reminders r on r.vote_id = w.vote_id and r.voter_key = w.voter_key
     where w.vote_id = ${voteId}
       and not exists (select 1 from ballots b where b.vote_id = w.vote_id and b.voter_key = w.voter_key)`);
}

/**
 * Notes these households as reminded (those who are voters of the vote, have not voted and were not
 * noted before), with an audit entry. The number noted.
 */
export function markReminded(
  input: { compoundId: number; voteId: number; voterKeys: readonly string[]; personId: number },
  now: number,
): number {
  return writeTransaction((tx) => {
    const keys = sql.join(
      input.voterKeys.map((k) => sql`${k}`),
      sql`, `,
    );
    const res = tx.run(sql`insert or ignore into vote_reminders (vote_id, voter_key, reminded_by, reminded_at)
      select w.vote_id, w.voter_key, ${input.personId}, ${now} from vote_voters w
       where w.vote_id = ${input.voteId} and w.voter_key in (${keys})
         and not exists (select 1 from ballots b where b.vote_id = w.vote_id and b.voter_key = w.voter_key)`);
    if (res.changes === 0) return 0;
    appendAudit(tx, {
      compoundId: input.compoundId,
      actorId: input.personId,
      at: now,
      entity: 'vote',
      entityId: input.voteId,
      action: 'vote_reminded',
      data: { households: res.changes },
    });
    return res.changes;
  });
}
