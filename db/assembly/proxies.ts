import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { ProxyStatus } from '@/lib/assembly/rules';
import { appendAudit } from '../audit/append';
import { getDb, type Tx, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { assemblyFiles, proxies } from '../schema';
import { committeeOf } from './audience';

const ACTIVE = sql`('submitted', 'checked', 'effective')`;

/** The holders this person votes for in the assembly as their designated voter (its first matter's electorate). */
export function myHolders(assemblyId: number, personId: number) {
  return getDb().all<{ voterKey: string; holderId: number; name: string; place: string }>(sql`
    select w.voter_key as voterKey, w.holder_id as holderId, w.name, w.place from vote_voters w
     where w.vote_id = (select min(id) from votes where assembly_id = ${assemblyId}) and w.person_id = ${personId}
     order by w.place`);
}

/** A holder of the assembly's electorate by its voter key, with who votes for it. */
export function holderOfKey(assemblyId: number, voterKey: string) {
  return getDb().get<{ holderId: number; personId: number | null; name: string }>(sql`
    select w.holder_id as holderId, w.person_id as personId, w.name from vote_voters w
     where w.vote_id = (select min(id) from votes where assembly_id = ${assemblyId}) and w.voter_key = ${voterKey}`);
}

/** Whether anyone has voted for this holder in any matter of the assembly. */
function holderHasBallot(tx: Pick<Tx, 'get'>, assemblyId: number, voterKey: string): boolean {
  return (
    tx.get<{ ok: number }>(sql`select 1 as ok from ballots b join votes v on v.id = b.vote_id
      where v.assembly_id = ${assemblyId} and b.voter_key = ${voterKey} limit 1`) !== undefined
  );
}

export function holderState(assemblyId: number, voterKey: string) {
  const db = getDb();
  return {
    hasBallot: holderHasBallot(db, assemblyId, voterKey),
    hasActiveProxy:
      db.get<{ ok: number }>(sql`select 1 as ok from proxies where assembly_id = ${assemblyId}
        and voter_key = ${voterKey} and status in ${ACTIVE}`) !== undefined,
  };
}

function activeProxiesOf(tx: Pick<Tx, 'get'>, assemblyId: number, agentId: number): number {
  return (
    tx.get<{ n: number }>(sql`select count(*) as n from proxies where assembly_id = ${assemblyId}
      and agent_id = ${agentId} and status in ${ACTIVE}`)?.n ?? 0
  );
}

/** The agent named by mobile number: whether they have an account and how many proxies they hold in the assembly. */
export function agentByMobile(assemblyId: number, mobile: string) {
  const p = getDb().get<{ id: number; hasAccount: number }>(
    sql`select id, password_hash is not null as hasAccount from people where mobile = ${mobile} and disabled = 0`,
  );
  if (!p) return null;
  return {
    personId: p.id,
    hasAccount: Boolean(p.hasAccount),
    activeProxies: activeProxiesOf(getDb(), assemblyId, p.id),
  };
}

export type GrantOutcome = 'granted' | 'agentFull' | 'proxyExists' | 'alreadyVoted';

/**
 * The holder's voter hands in the signed authorisation naming the agent: stored with the document,
 * waiting for a committee member to check it. The limits are checked again under the write lock.
 */
export function grantProxy(
  g: {
    compoundId: number;
    assemblyId: number;
    voterKey: string;
    holderId: number;
    grantorId: number;
    agentId: number;
    maxProxies: number;
    file: { file: string; mime: string; bytes: number; name: string };
  },
  now: number,
): GrantOutcome {
  return writeTransaction((tx): GrantOutcome => {
    if (holderHasBallot(tx, g.assemblyId, g.voterKey)) return 'alreadyVoted';
    if (activeProxiesOf(tx, g.assemblyId, g.agentId) >= g.maxProxies) return 'agentFull';
    const exists = tx.get<{ ok: number }>(sql`select 1 as ok from proxies where assembly_id = ${g.assemblyId}
      and voter_key = ${g.voterKey} and status in ${ACTIVE}`);
    if (exists) return 'proxyExists';
    const fileId = tx
      .insert(assemblyFiles)
      .values({
        compoundId: g.compoundId,
        assemblyId: g.assemblyId,
        kind: 'proxy',
        ...g.file,
        uploadedBy: g.grantorId,
        createdAt: now,
      })
      .returning({ id: assemblyFiles.id })
      .get().id;
    const id = tx
      .insert(proxies)
      .values({
        compoundId: g.compoundId,
        assemblyId: g.assemblyId,
        holderId: g.holderId,
        voterKey: g.voterKey,
        grantorId: g.grantorId,
        agentId: g.agentId,
        fileId,
        status: 'submitted',
        createdAt: now,
      })
      .returning({ id: proxies.id })
      .get().id;
    appendAudit(tx, {
      compoundId: g.compoundId,
      actorId: g.grantorId,
      at: now,
      entity: 'proxy',
      entityId: id,
      action: 'grant_proxy',
      toState: 'submitted',
      data: { assemblyId: g.assemblyId, voterKey: g.voterKey, agentId: g.agentId, fileId },
    });
    const base = { compoundId: g.compoundId, kind: 'proxy' as const, actorId: g.grantorId, assemblyId: g.assemblyId };
    notify(tx, committeeOf(tx, g.compoundId), { ...base, detail: 'submitted' }, now);
    notify(tx, [g.agentId], { ...base, detail: 'granted' }, now);
    return 'granted';
  });
}

export function findProxy(compoundId: number, proxyId: number) {
  return getDb()
    .select()
    .from(proxies)
    .where(and(eq(proxies.id, proxyId), eq(proxies.compoundId, compoundId)))
    .get();
}

/** Whether the agent has voted under this proxy (then it can no longer be withdrawn). */
export function proxyUsed(proxyId: number): boolean {
  return (
    getDb().get<{ ok: number }>(sql`select 1 as ok from ballots where proxy_id = ${proxyId} limit 1`) !== undefined
  );
}

const STEP = {
  check: { from: 'submitted', to: 'checked', action: 'check_proxy' },
  confirm: { from: 'checked', to: 'effective', action: 'confirm_proxy' },
  reject: { from: null, to: 'rejected', action: 'reject_proxy' },
  withdraw: { from: null, to: 'withdrawn', action: 'withdraw_proxy' },
} as const;

/**
 * One step of a proxy's life, compare-and-set on its status: checked by one committee member, confirmed
 * by another (never the one who checked), rejected with a reason, or withdrawn by the holder's voter until
 * the agent has voted with it. The grantor and the agent are told.
 */
export function moveProxy(
  m: { compoundId: number; proxyId: number; actorId: number; step: keyof typeof STEP; reason: string | null },
  now: number,
): boolean {
  const step = STEP[m.step];
  return writeTransaction((tx) => {
    const where = and(
      eq(proxies.id, m.proxyId),
      eq(proxies.compoundId, m.compoundId),
      step.from
        ? eq(proxies.status, step.from)
        : m.step === 'reject'
          ? sql`${proxies.status} in ('submitted', 'checked')`
          : sql`${proxies.status} in ${ACTIVE} and not exists (select 1 from ballots where proxy_id = ${m.proxyId})`,
      m.step === 'confirm' ? sql`${proxies.checkedBy} <> ${m.actorId}` : undefined,
    );
    const stamp =
      m.step === 'check'
        ? { checkedBy: m.actorId, checkedAt: now }
        : m.step === 'confirm'
          ? { confirmedBy: m.actorId, confirmedAt: now }
          : m.step === 'reject'
            ? { rejectedBy: m.actorId, rejectedAt: now, reason: m.reason }
            : { withdrawnAt: now };
    const p = tx
      .update(proxies)
      .set({ status: step.to as ProxyStatus, ...stamp })
      .where(where)
      .returning()
      .get();
    if (!p) return false;
    appendAudit(tx, {
      compoundId: m.compoundId,
      actorId: m.actorId,
      at: now,
      entity: 'proxy',
      entityId: p.id,
      action: step.action,
      toState: step.to,
      reason: m.reason,
      data: { assemblyId: p.assemblyId, voterKey: p.voterKey, agentId: p.agentId },
    });
    if (m.step !== 'check') {
      notify(
        tx,
        [p.grantorId, p.agentId],
        { compoundId: m.compoundId, kind: 'proxy', actorId: m.actorId, assemblyId: p.assemblyId, detail: step.to },
        now,
      );
    }
    return true;
  });
}

/** An assembly's proxies with names and places; `personId` limits them to those the person granted or holds. */
export function listProxies(assemblyId: number, personId: number | null) {
  return getDb().all<{
    id: number;
    voterKey: string;
    holderName: string;
    place: string;
    grantorId: number;
    grantorName: string;
    agentId: number;
    agentName: string;
    fileId: number;
    status: ProxyStatus;
    createdAt: number;
    checkedBy: number | null;
    checkerName: string | null;
    confirmerName: string | null;
    reason: string | null;
    used: number;
  }>(sql`
    select p.id, p.voter_key as voterKey, w.name as holderName, w.place, p.grantor_id as grantorId, g.name as grantorName,
           p.agent_id as agentId, a.name as agentName, p.file_id as fileId, p.status, p.created_at as createdAt,
           p.checked_by as checkedBy, (select name from people where id = p.checked_by) as checkerName,
           (select name from people where id = p.confirmed_by) as confirmerName, p.reason,
           exists (select 1 from ballots b where b.proxy_id = p.id) as used
      from proxies p join people g on g.id = p.grantor_id join people a on a.id = p.agent_id
      join vote_voters w on w.vote_id = (select min(id) from votes where assembly_id = p.assembly_id)
                        and w.voter_key = p.voter_key
     where p.assembly_id = ${assemblyId}
       ${personId === null ? sql`` : sql`and (p.grantor_id = ${personId} or p.agent_id = ${personId})`}
     order by p.id`);
}
