import 'server-only';
import { sql } from 'drizzle-orm';
import type { Period } from '@/lib/dashboard/period';
import type { VoteTurnoutRow } from '@/lib/dashboard/turnout';
import { getDb } from '../client';
import { compoundsOf, type Scope } from './scope';
import { voteStatusIs } from '../voting/status';

/** Votes' turnout for the dashboards and the notice board: closed votes as counted, open ones live. */

const turnoutColumns = sql`
  v.id, v.compound_id as compoundId, v.topic_id as topicId, v.question, v.kind, v.status,
  v.closed_at as closedAt, v.ends_at as endsAt`;

/** A closed vote's turnout from its stored result (areas there are "123.45" strings: centi-m² here). */
const storedTurnout = sql`
  json_extract(v.result, '$.electorate') as electorate, json_extract(v.result, '$.voted') as voted,
  cast(replace(coalesce(json_extract(v.result, '$.owners.total.area'), json_extract(v.result, '$.election.total.area'),
    json_extract(v.result, '$.choice.total.area')), '.', '') as integer) as totalAreaCenti,
  cast(replace(coalesce(json_extract(v.result, '$.owners.participating.area'),
    json_extract(v.result, '$.election.participating.area'), json_extract(v.result, '$.choice.participating.area')),
    '.', '') as integer) as votedAreaCenti,
  coalesce(json_extract(v.result, '$.owners.passed'),
    case when json_type(v.result, '$.choice') is not null then json_type(v.result, '$.choice.chosen') <> 'null'
         when json_type(v.result, '$.election') is not null then json_array_length(v.result, '$.election.elected') > 0
    end) as passed`;

/** Votes closed in the period, newest first, with their turnout as counted: one statement. */
export function closedVoteTurnouts(s: Scope, p: Pick<Period, 'from' | 'to'>, limit: number | null): VoteTurnoutRow[] {
  return getDb()
    .all<VoteTurnoutRow & { passed: number | null }>(sql`
      select ${turnoutColumns}, ${storedTurnout}
        from votes v
       where v.compound_id in ${compoundsOf(s)} and ${voteStatusIs(sql`v.status`, 'closed')}
         and v.closed_at >= ${p.from} and v.closed_at < ${p.to}
       order by v.closed_at desc, v.id desc ${limit === null ? sql`` : sql`limit ${limit}`}`)
    .map((r) => ({ ...r, passed: r.passed === null ? null : Boolean(r.passed) }));
}

/** A compound's open votes with live turnout (counted ballots only): one statement. */
export function openVoteTurnouts(compoundId: number): VoteTurnoutRow[] {
  return getDb().all<VoteTurnoutRow>(sql`
    select ${turnoutColumns},
           (select count(*) from vote_voters w where w.vote_id = v.id) as electorate,
           (select count(*) from ballots b where b.vote_id = v.id
               and (b.channel = 'online' or b.confirmed_by is not null)) as voted,
           case when v.kind = 'owners' then (select sum(area_centi) from vote_voters w where w.vote_id = v.id) end
             as totalAreaCenti,
           case when v.kind = 'owners' then (select sum(w.area_centi) from ballots b
               join vote_voters w on w.vote_id = b.vote_id and w.voter_key = b.voter_key
              where b.vote_id = v.id and (b.channel = 'online' or b.confirmed_by is not null)) end as votedAreaCenti,
           null as passed
      from votes v where v.compound_id = ${compoundId} and ${voteStatusIs(sql`v.status`, 'open')}
     order by v.ends_at, v.id`);
}
