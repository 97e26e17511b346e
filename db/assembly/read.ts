import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AssemblyStatus } from '@/lib/assembly/rules';
import { getDb } from '../client';
import { assemblies, assemblyFiles, topics, voteOptions, votes } from '../schema';

/** An assembly of this compound, or undefined (another compound's id is "not found"). */
export function getAssembly(compoundId: number, assemblyId: number) {
  return getDb()
    .select()
    .from(assemblies)
    .where(and(eq(assemblies.id, assemblyId), eq(assemblies.compoundId, compoundId)))
    .get();
}

export type AssemblyRow = NonNullable<ReturnType<typeof getAssembly>>;

/** The compound's assemblies, newest first. */
export function listAssemblies(compoundId: number) {
  return getDb()
    .select({
      id: assemblies.id,
      title: assemblies.title,
      status: assemblies.status,
      announcedAt: assemblies.announcedAt,
      startsAt: assemblies.startsAt,
      endsAt: assemblies.endsAt,
      closedAt: assemblies.closedAt,
    })
    .from(assemblies)
    .where(eq(assemblies.compoundId, compoundId))
    .orderBy(desc(assemblies.id))
    .all();
}

/** The agenda: one vote per matter, in the order announced, with its topic and options. */
export function assemblyMatters(assemblyId: number) {
  const rows = getDb()
    .select({
      id: votes.id,
      topicId: votes.topicId,
      topicTitle: topics.title,
      question: votes.question,
      matterKind: votes.matterKind,
      matterItem: votes.matterItem,
      seats: votes.seats,
      status: votes.status,
      result: votes.result,
      resultHash: votes.resultHash,
      closedAt: votes.closedAt,
    })
    .from(votes)
    .innerJoin(topics, eq(topics.id, votes.topicId))
    .where(eq(votes.assemblyId, assemblyId))
    .orderBy(asc(votes.id))
    .all();
  const options = getDb()
    .select({ voteId: voteOptions.voteId, key: voteOptions.key, label: voteOptions.label })
    .from(voteOptions)
    .innerJoin(votes, eq(votes.id, voteOptions.voteId))
    .where(eq(votes.assemblyId, assemblyId))
    .orderBy(asc(voteOptions.position))
    .all();
  return rows.map((r) => ({
    ...r,
    options: options.filter((o) => o.voteId === r.id).map(({ key, label }) => ({ key, label })),
  }));
}

export type AssemblyMatter = ReturnType<typeof assemblyMatters>[number];

export function assemblyFilesOf(assemblyId: number, kind: 'material' | 'proxy') {
  return getDb()
    .select({ id: assemblyFiles.id, name: assemblyFiles.name, mime: assemblyFiles.mime, bytes: assemblyFiles.bytes })
    .from(assemblyFiles)
    .where(and(eq(assemblyFiles.assemblyId, assemblyId), eq(assemblyFiles.kind, kind)))
    .orderBy(asc(assemblyFiles.id))
    .all();
}

/** A file of an assembly, with the compound it belongs to and who may see a proxy document. */
export function findAssemblyFile(fileId: number) {
  return getDb().get<{
    id: number;
    compoundId: number;
    assemblyId: number;
    kind: 'material' | 'proxy';
    file: string;
    mime: string;
    name: string;
    grantorId: number | null;
    agentId: number | null;
  }>(sql`
    select f.id, f.compound_id as compoundId, f.assembly_id as assemblyId, f.kind, f.file, f.mime, f.name,
           p.grantor_id as grantorId, p.agent_id as agentId
      from assembly_files f left join proxies p on p.file_id = f.id
     where f.id = ${fileId}`);
}

/** The frozen electorate of the assembly (its first matter's: every matter freezes the same register). */
export function electorateOf(assemblyId: number) {
  return (
    getDb().get<{ holders: number; units: number; areaCenti: number | null }>(sql`
      select (select count(*) from vote_voters w where w.vote_id = v.id) as holders,
             (select count(*) from vote_units u where u.vote_id = v.id) as units,
             (select sum(area_centi) from vote_units u where u.vote_id = v.id) as areaCenti
        from votes v where v.assembly_id = ${assemblyId} order by v.id limit 1`) ?? {
      holders: 0,
      units: 0,
      areaCenti: 0,
    }
  );
}

/** Per matter: holders that voted (counted ballots), pending paper, and everyone eligible. */
export function mattersTurnout(assemblyId: number) {
  return getDb().all<{ voteId: number; voters: number; voted: number; pending: number }>(sql`
    select v.id as voteId,
           (select count(*) from vote_voters w where w.vote_id = v.id) as voters,
           (select count(*) from ballots b where b.vote_id = v.id
               and (b.channel = 'online' or b.confirmed_by is not null)) as voted,
           (select count(*) from ballots b where b.vote_id = v.id
               and b.channel = 'paper' and b.confirmed_by is null) as pending
      from votes v where v.assembly_id = ${assemblyId} order by v.id`);
}

/** Whether every eligible voter has a counted ballot on every matter: the only case an assembly may close early. */
export function everyoneVoted(assemblyId: number): boolean {
  const rows = mattersTurnout(assemblyId);
  return rows.length > 0 && rows.every((r) => r.voters > 0 && r.voted === r.voters);
}

export function assemblyStatusOf(compoundId: number, assemblyId: number): AssemblyStatus | undefined {
  return getAssembly(compoundId, assemblyId)?.status;
}

/** The holders this person votes for in the assembly — their own, or as an effective agent — and which matters have their ballot. */
export function myAssemblyBallots(assemblyId: number, personId: number) {
  return getDb().all<{ voterKey: string; name: string; byProxy: number; voteId: number; voted: number }>(sql`
    with mine as (
      select w.voter_key as voterKey, w.name, 0 as byProxy from vote_voters w
       where w.vote_id = (select min(id) from votes where assembly_id = ${assemblyId}) and w.person_id = ${personId}
      union
      select p.voter_key, (select name from holders where id = p.holder_id), 1 from proxies p
       where p.assembly_id = ${assemblyId} and p.agent_id = ${personId} and p.status = 'effective'
    )
    select m.voterKey, m.name, m.byProxy, v.id as voteId,
           exists (select 1 from ballots b where b.vote_id = v.id and b.voter_key = m.voterKey) as voted
      from mine m cross join votes v where v.assembly_id = ${assemblyId}
     order by m.byProxy, m.name, v.id`);
}

/** Topics a matter may rest on (open to a vote), with how many candidates their nominations accepted. */
export function topicsForAssembly(compoundId: number) {
  return getDb().all<{ id: number; title: string; candidates: number; nominationsOpen: number }>(sql`
    select t.id, t.title,
           (select count(*) from nominations n where n.topic_id = t.id and n.status = 'accepted') as candidates,
           exists (select 1 from nomination_calls c where c.topic_id = t.id) as nominationsOpen
      from topics t
     where t.compound_id = ${compoundId} and t.status in ('deliberating', 'voting', 'voted')
     order by t.activity_at desc limit 200`);
}

/** The audit anchor published at an assembly's close: the chain entry and hash the result notice prints. */
export function anchorOf(compoundId: number, anchorId: number | null) {
  if (anchorId === null) return undefined;
  return getDb().get<{ id: number; entryId: number; hash: string; at: number }>(sql`
    select id, entry_id as entryId, hash, at from audit_anchors where id = ${anchorId} and compound_id = ${compoundId}`);
}

/**
 * Which of these holders this viewer can no longer vote for in the assembly, because the other voice
 * spoke first: the agent (for the holder's own voter) or the holder (for the agent).
 */
export function voiceTaken(assemblyId: number, rows: readonly { voterKey: string; proxyId: number | null }[]) {
  const taken = new Set<string>();
  for (const r of rows) {
    const other = getDb().get<{ ok: number }>(sql`
      select 1 as ok from ballots b join votes v on v.id = b.vote_id
       where v.assembly_id = ${assemblyId} and b.voter_key = ${r.voterKey}
         and ${r.proxyId === null ? sql`b.proxy_id is not null` : sql`coalesce(b.proxy_id, 0) <> ${r.proxyId}`}
       limit 1`);
    if (other) taken.add(r.voterKey);
  }
  return taken;
}

/** For the notice board: assemblies announced or voting, and closed ones still within their publication period. */
export function boardAssemblies(compoundId: number, now: number) {
  return getDb()
    .select()
    .from(assemblies)
    .where(
      and(
        eq(assemblies.compoundId, compoundId),
        sql`(${assemblies.status} in ('announced', 'open') or ${assemblies.resultUntil} > ${now})`,
      ),
    )
    .orderBy(desc(assemblies.id))
    .all();
}
