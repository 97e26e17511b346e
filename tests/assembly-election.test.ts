/**
 * A committee election and a property-company choice in one assembly, through the actions: nominations
 * (owners only, candidates must be owners, the committee confirms), 5 seats and 7 candidates where two
 * tie at the last seat, three companies none of which passes, and the elected committee taking office on
 * the date the rules say, ending the old one, every role change audited.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, form, one, personId, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const assemblies = await import('@/app/c/[compoundId]/assemblies/actions');
const nominations = await import('@/app/c/[compoundId]/topics/[topicId]/_nominations/actions');
const paper = await import('@/app/c/[compoundId]/votes/paper-actions');
const { tick } = await import('@/server/clock');
const { shanghaiMinute } = await import('@/lib/time');
const { getDb } = await import('@/db/client');
type VoteResult = import('@/lib/voting/count').VoteResult;

const DAY = 86_400_000;
const T0 = Date.now();
let compound = 0;
let topic = 0;
let companyTopic = 0;
let election = 0;
let choice = 0;
const chair = { id: 0 };
const member = { id: 0 };
const candidates: number[] = [];

type Answer = { ok: boolean; code?: string; fieldErrors?: Record<string, string> };
const ok = (r: unknown) => expect((r as Answer).ok, JSON.stringify(r)).toBe(true);
const refused = (r: unknown, code: string) => expect((r as Answer).code, JSON.stringify(r)).toBe(code);
const at = (ms: number) => vi.setSystemTime(ms);

beforeAll(() => {
  setupDatabase();
  vi.useFakeTimers({ toFake: ['Date'] });
  at(T0);
  compound = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
  chair.id = personId('13800000002');
  member.id = personId('13800000003');
  const topicOf = (title: string) =>
    one<{
      id: number;
    }>(sql`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
      values (${compound}, ${chair.id}, ${title}, '说明', 'other', 'deliberating', ${T0}, ${T0}) returning id`).id;
  topic = topicOf('第二届业主委员会换届选举');
  companyTopic = topicOf('选聘物业服务企业');
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
  teardownDatabase();
});

describe('nominations', () => {
  it('are opened by the committee; only owners nominate, and only owners can be candidates', async () => {
    actAs(personId('13800000004'));
    refused(await nominations.nominateAction(compound, null, form({ topicId: topic })), 'nominationsClosed');
    refused(await nominations.openNominationsAction(compound, null, form({ topicId: topic })), 'forbidden');
    actAs(chair.id);
    ok(await nominations.openNominationsAction(compound, null, form({ topicId: topic })));
    actAs(personId('13800000007'));
    refused(await nominations.nominateAction(compound, null, form({ topicId: topic })), 'onlyOwnersNominate');
    actAs(personId('13800000004'));
    const r = (await nominations.nominateAction(
      compound,
      null,
      form({ topicId: topic, mobile: '13800000009' }),
    )) as Answer;
    expect(r.fieldErrors?.mobile).toBe('errors.candidateNotOwner');
  });

  it('seven owners are nominated and confirmed; a second nomination of the same owner is refused', async () => {
    const selves = ['13800000004', '13800000020', '13800000014', '13800000008'];
    for (const m of selves) {
      actAs(personId(m));
      ok(await nominations.nominateAction(compound, null, form({ topicId: topic, statement: '愿意为大家服务。' })));
    }
    actAs(personId('13800000004'));
    refused(await nominations.nominateAction(compound, null, form({ topicId: topic })), 'alreadyNominated');
    // Three owners without accounts, nominated by a neighbour.
    const others = getDb()
      .all<{ mobile: string }>(sql`select p.mobile from people p join holder_members hm on hm.person_id = p.id
        join holders h on h.id = hm.holder_id where h.compound_id = ${compound} and p.password_hash is null
        order by p.id limit 3`)
      .map((r) => r.mobile);
    actAs(personId('13800000021'));
    for (const m of others) ok(await nominations.nominateAction(compound, null, form({ topicId: topic, mobile: m })));
    actAs(member.id);
    const pending = getDb().all<{ id: number; candidateId: number }>(
      sql`select id, candidate_id as candidateId from nominations where topic_id = ${topic} order by id`,
    );
    expect(pending).toHaveLength(7);
    const no = (await nominations.answerNominationAction(
      compound,
      null,
      form({ nominationId: pending[0]?.id ?? 0, outcome: 'accepted' }),
    )) as Answer;
    expect(no.fieldErrors?.eligible).toBe('validation.required');
    for (const n of pending) {
      ok(
        await nominations.answerNominationAction(
          compound,
          null,
          form({ nominationId: n.id, outcome: 'accepted', eligible: 'on' }),
        ),
      );
      candidates.push(n.candidateId);
    }
  });
});

describe('the election and the choice', () => {
  it('are announced with the candidate list, then nominations close', async () => {
    actAs(chair.id);
    const r = (await assemblies.announceAssemblyAction(
      compound,
      null,
      form({
        title: '第二届业主委员会选举暨选聘物业',
        howToVote: '网上或纸质投票。',
        objectionsUntil: shanghaiMinute(T0 + 10 * DAY),
        startsAt: shanghaiMinute(T0 + 16 * DAY),
        endsAt: shanghaiMinute(T0 + 23 * DAY),
        m1_topicId: topic,
        m1_kind: 'election',
        m1_question: '选举第二届业主委员会委员（5名）',
        m2_topicId: companyTopic,
        m2_kind: 'choice',
        m2_item: 4,
        m2_question: '选聘物业服务企业',
        m2_options: '安居物业服务有限公司\n海景物业有限公司\n红星物业管理有限公司',
      }),
    )) as Answer & { data: { assemblyId: number } };
    ok(r);
    [election, choice] = getDb()
      .all<{ id: number }>(sql`select id from votes where assembly_id = ${r.data.assemblyId} order by id`)
      .map((v) => v.id) as [number, number];
    const options = getDb().all<{ key: string }>(
      sql`select key from vote_options where vote_id = ${election} order by position`,
    );
    expect(options.map((o) => o.key)).toEqual([...candidates.map((c) => `c${c}`), 'abstain']);
    expect(one<{ seats: number }>(sql`select seats from votes where id = ${election}`).seats).toBe(5);
    actAs(personId('13800000021'));
    refused(await nominations.nominateAction(compound, null, form({ topicId: topic })), 'nominationsClosed');
  });

  it('counts 5 seats among 7 candidates: four elected, two tied at the last seat, one seat empty; no company chosen', async () => {
    at(T0 + 16 * DAY);
    tick(T0 + 16 * DAY);
    expect(one<{ s: string }>(sql`select status as s from votes where id = ${election}`).s).toBe('open');
    at(T0 + 17 * DAY);
    const [a, b, c, d, e, f, g] = getDb()
      .all<{ label: string }>(sql`select label from vote_options where vote_id = ${election} order by position`)
      .map((o) => o.label);
    // The 100 owners with the largest areas vote (quorum: 100 of 115, most of the area). The 20 largest
    // mark A, B, C, D and G; the other 80 mark E and F and three of A–D, each of A–D left off 20 of them.
    // So E and F have exactly the same holders (a tie on area and heads), and each of A–D has the 20
    // largest in place of 20 smaller ones: more area than E and F, ranked above them.
    const voters = getDb().all<{ place: string }>(sql`select min(b.name || u.number) as place from vote_voters w
        join units u on u.holder_id = w.holder_id and u.compound_id = ${compound} join buildings b on b.id = u.building_id
       where w.vote_id = ${election} group by w.voter_key order by w.area_centi desc limit 100`);
    const four = [a, b, c, d];
    const lines = voters.map((v, i) => {
      const marks = i < 20 ? [a, b, c, d, g] : [e, f, ...four.filter((_, k) => k !== Math.floor((i - 20) / 20))];
      return `E-${i} ${v.place} ${marks.join('、')}`;
    });
    actAs(member.id);
    ok(await paper.enterPaperBatchAction(compound, null, form({ voteId: election, lines: lines.join('\n') })));
    const keys = getDb()
      .all<{ k: string }>(sql`select voter_key as k from ballots where vote_id = ${election}`)
      .map((r) => r.k);
    actAs(chair.id);
    ok(await paper.confirmPaperBatchAction(compound, null, form({ voteId: election, voterKeys: keys })));
    const companies = ['安居物业服务有限公司', '海景物业有限公司', '红星物业管理有限公司'];
    const choiceLines = voters.map((v, i) => `C-${i} ${v.place} ${companies[i % 3]}`);
    actAs(member.id);
    ok(await paper.enterPaperBatchAction(compound, null, form({ voteId: choice, lines: choiceLines.join('\n') })));
    const choiceKeys = getDb()
      .all<{ k: string }>(sql`select voter_key as k from ballots where vote_id = ${choice}`)
      .map((r) => r.k);
    actAs(chair.id);
    ok(await paper.confirmPaperBatchAction(compound, null, form({ voteId: choice, voterKeys: choiceKeys })));

    const end = T0 + 23 * DAY;
    at(end);
    tick(end);
    expect(one<{ s: string }>(sql`select status as s from votes where id = ${choice}`).s).toBe('closed');
    const result = (id: number) =>
      JSON.parse(one<{ r: string }>(sql`select result as r from votes where id = ${id}`).r) as VoteResult;
    const el = result(election).election;
    const key = (n: number) => `c${candidates[n]}`;
    expect(el?.quorumMet).toBe(true);
    expect([...(el?.elected ?? [])].sort()).toEqual([key(0), key(1), key(2), key(3)].sort());
    expect(el?.tie).toEqual([key(4), key(5)]);
    expect(el?.candidates.find((x) => x.id === key(6))?.elected).toBe(false);
    const ch = result(choice).choice;
    expect(ch?.quorumMet).toBe(true);
    expect(ch?.chosen).toBeNull();
    expect(ch?.options.every((o) => !o.passed)).toBe(true);
  });

  it('the elected take office on the date the rules say: the old committee ends, every change audited', () => {
    const end = T0 + 23 * DAY;
    const h = one<{ takesOfficeAt: number; appliedAt: number | null; elected: string }>(
      sql`select takes_office_at as takesOfficeAt, applied_at as appliedAt, elected from committee_handovers`,
    );
    expect(h.takesOfficeAt).toBe(end + 7 * DAY);
    expect(h.appliedAt).toBeNull();
    const committee = () =>
      getDb()
        .all<{ personId: number; role: string }>(sql`select person_id as personId, role from memberships
          where scope_type = 'compound' and scope_id = ${compound} and role in ('committee_chair', 'committee_member')
          order by person_id`)
        .map((m) => `${m.personId}:${m.role}`);
    expect(committee()).toContain(`${chair.id}:committee_chair`);
    expect(tick(end + 7 * DAY - 1).handovers).toBe(0);
    at(end + 7 * DAY);
    expect(tick(end + 7 * DAY).handovers).toBe(1);
    expect(committee()).toEqual(
      candidates
        .slice(0, 4)
        .sort((x, y) => x - y)
        .map((p) => `${p}:committee_member`),
    );
    const audit = (action: string) =>
      one<{ n: number }>(
        sql`select count(*) as n from audit_log where compound_id = ${compound} and action = ${action}`,
      ).n;
    expect(audit('committee_handover')).toBe(1);
    expect(audit('grant_role')).toBe(4);
    expect(audit('revoke_role')).toBeGreaterThanOrEqual(3);
    expect(tick(end + 8 * DAY).handovers).toBe(0);
  });
});
