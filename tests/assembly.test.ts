/**
 * An owners' assembly through its actions on a real database, with the clock moved on by hand:
 * announced with two matters and refused when the rules are not met; every owner and the community told;
 * an objection corrects the register before the opening (and the frozen electorate with it) and is only
 * noted after it; a proxy checked, confirmed and used, the holder's own vote then refused; an early close
 * refused until everyone voted; the stored results in owners with units; a decision that can only copy
 * its vote's verdict.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, form, one, personId, PNG, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const assemblies = await import('@/app/c/[compoundId]/assemblies/actions');
const register = await import('@/app/c/[compoundId]/assemblies/register-actions');
const proxies = await import('@/app/c/[compoundId]/assemblies/proxy-actions');
const votes = await import('@/app/c/[compoundId]/votes/actions');
const paper = await import('@/app/c/[compoundId]/votes/paper-actions');
const decisions = await import('@/app/c/[compoundId]/topics/[topicId]/_followthrough/decision-actions');
const { tick } = await import('@/server/clock');
const { shanghaiMinute } = await import('@/lib/time');
const { getDb } = await import('@/db/client');

const DAY = 86_400_000;
const T0 = Date.now();
let compound = 0;
const who = { chair: 0, member: 0, member2: 0, liu: 0, ma: 0, chen: 0, han: 0, community: 0, grid: 0 };
const topics = { fund: 0, raise: 0 };
let assemblyId = 0;
const matters: number[] = [];

type Answer = { ok: boolean; code?: string; fieldErrors?: Record<string, string>; data?: unknown };
const ok = (r: unknown) => expect((r as Answer).ok, JSON.stringify(r)).toBe(true);
const refused = (r: unknown, code: string) => expect((r as Answer).code, JSON.stringify(r)).toBe(code);

function deliberatingTopic(title: string): number {
  return one<{
    id: number;
  }>(sql`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
    values (${compound}, ${who.liu}, ${title}, '说明', 'maintenance_fund', 'deliberating', ${T0}, ${T0}) returning id`)
    .id;
}

function announceForm(over: Record<string, string | number> = {}) {
  return form({
    title: '2026年第一次业主大会',
    materials: '屋面防水维修预算 12 万元。',
    howToVote: '网上或纸质投票。',
    ballotBox: '活动室门口',
    objectionsUntil: shanghaiMinute(T0 + 10 * DAY),
    startsAt: shanghaiMinute(T0 + 15 * DAY + 3_600_000),
    endsAt: shanghaiMinute(T0 + 22 * DAY + 3_600_000),
    m1_topicId: topics.fund,
    m1_kind: 'decision',
    m1_item: 5,
    m1_question: '是否同意使用维修资金更换屋面防水？',
    m2_topicId: topics.raise,
    m2_kind: 'decision',
    m2_item: 6,
    m2_question: '是否同意按每平方米 30 元筹集维修资金？',
    ...over,
  });
}

const at = (ms: number) => vi.setSystemTime(ms);
const count = (q: ReturnType<typeof sql>) => one<{ n: number }>(q).n;
const frozenArea = (voteId: number, unitId: number) =>
  one<{ a: number }>(sql`select area_centi as a from vote_units where vote_id = ${voteId} and unit_id = ${unitId}`).a;
const assemblyStatus = () => one<{ s: string }>(sql`select status as s from assemblies where id = ${assemblyId}`).s;
const unitOf = (place: string) =>
  one<{ id: number }>(sql`select u.id from units u join buildings b on b.id = u.building_id
    where u.compound_id = ${compound} and b.name || u.number = ${place}`).id;

beforeAll(() => {
  setupDatabase();
  vi.useFakeTimers({ toFake: ['Date'] });
  at(T0);
  compound = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
  Object.assign(who, {
    chair: personId('13800000002'),
    member: personId('13800000003'),
    member2: personId('13800000019'),
    liu: personId('13800000004'),
    ma: personId('13800000020'),
    chen: personId('13800000005'),
    han: personId('13800000014'),
    community: personId('13800000011'),
    grid: personId('13800000010'),
  });
  topics.fund = deliberatingTopic('使用维修资金更换3号楼屋面防水');
  topics.raise = deliberatingTopic('筹集维修资金');
}, 60_000);

afterAll(() => {
  vi.useRealTimers();
  teardownDatabase();
});

describe('calling an owners assembly', () => {
  it('is refused to anyone but the owners committee', async () => {
    actAs(who.liu);
    refused(await assemblies.announceAssemblyAction(compound, null, announceForm()), 'cannotAnnounce');
  });

  it('is refused when voting would open before the notice period is over, or would be too short', async () => {
    actAs(who.chair);
    const early = (await assemblies.announceAssemblyAction(
      compound,
      null,
      announceForm({ startsAt: shanghaiMinute(T0 + 15 * DAY - 60_000), objectionsUntil: shanghaiMinute(T0 + DAY) }),
    )) as Answer;
    expect(early.fieldErrors?.startsAt).toBe('errors.noticeTooShort');
    const short = (await assemblies.announceAssemblyAction(
      compound,
      null,
      announceForm({ endsAt: shanghaiMinute(T0 + 22 * DAY) }),
    )) as Answer;
    expect(short.fieldErrors?.endsAt).toBe('errors.votingTooShort');
    const late = (await assemblies.announceAssemblyAction(
      compound,
      null,
      announceForm({ objectionsUntil: shanghaiMinute(T0 + 16 * DAY) }),
    )) as Answer;
    expect(late.fieldErrors?.objectionsUntil).toBe('errors.objectionsWindow');
    expect(count(sql`select count(*) as n from assemblies where compound_id = ${compound}`)).toBe(0);
  });

  it('is refused with a clear message in a compound without registered units', async () => {
    const empty = one<{ id: number }>(sql`insert into compounds (community_id, name) select community_id, '空白小区'
      from compounds where id = ${compound} returning id`).id;
    one(
      sql`insert into memberships (person_id, role, scope_type, scope_id) values (${who.chair}, 'committee_member', 'compound', ${empty}) returning id`,
    );
    const t = one<{
      id: number;
    }>(sql`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
      values (${empty}, ${who.chair}, '维修', '说明', 'other', 'deliberating', ${T0}, ${T0}) returning id`).id;
    actAs(who.chair);
    const r = await assemblies.announceAssemblyAction(
      empty,
      null,
      announceForm({ m1_topicId: t, m2_topicId: '', m2_question: '' }),
    );
    refused(r, 'noRegisteredUnits');
    expect(count(sql`select count(*) as n from votes where compound_id = ${empty}`)).toBe(0);
  });

  it('announces two matters, freezes the electorate and tells every owner, the branch, the grid worker and the community', async () => {
    actAs(who.chair);
    const r = (await assemblies.announceAssemblyAction(compound, null, announceForm())) as Answer & {
      data: { assemblyId: number };
    };
    ok(r);
    assemblyId = r.data.assemblyId;
    matters.push(
      ...getDb()
        .all<{ id: number }>(sql`select id from votes where assembly_id = ${assemblyId} order by id`)
        .map((v) => v.id),
    );
    expect(matters).toHaveLength(2);
    expect(
      getDb().all<{ status: string; matter_item: number }>(
        sql`select status, matter_item from votes where assembly_id = ${assemblyId}`,
      ),
    ).toEqual([
      { status: 'announced', matter_item: 5 },
      { status: 'announced', matter_item: 6 },
    ]);
    const owners =
      count(sql`select count(distinct hm.person_id) as n from holder_members hm join holders h on h.id = hm.holder_id
      where h.compound_id = ${compound}`);
    const told =
      count(sql`select count(*) as n from notifications where kind = 'assembly' and assembly_id = ${assemblyId}
      and person_id in (select hm.person_id from holder_members hm join holders h on h.id = hm.holder_id where h.compound_id = ${compound})`);
    // Every owner but the chair who announced it (nobody is told of their own act).
    expect(told).toBe(owners - 1);
    for (const p of [who.liu, who.ma, who.han, who.community, who.grid]) {
      expect(count(sql`select count(*) as n from notifications where kind = 'assembly' and person_id = ${p}`)).toBe(1);
    }
    expect(one<{ s: string }>(sql`select status as s from topics where id = ${topics.fund}`).s).toBe('voting');
    expect(count(sql`select count(*) as n from vote_voters where vote_id = ${matters[0]}`)).toBeGreaterThan(100);
  });

  it('takes no ballot during the notice period', async () => {
    actAs(who.liu);
    const key = one<{ k: string }>(
      sql`select voter_key as k from vote_voters where vote_id = ${matters[0]} and person_id = ${who.liu}`,
    ).k;
    refused(
      await votes.castBallotAction(compound, null, form({ voteId: matters[0] ?? 0, voterKey: key, choice: 'agree' })),
      'voteNotStarted',
    );
  });
});

describe('objections to the register', () => {
  let objection = 0;
  let unit = 0;

  it('an owner objects only to their own unit', async () => {
    unit = unitOf('3号楼1单元301');
    actAs(who.ma);
    refused(
      await register.registerObjectionAction(
        compound,
        null,
        form({ assemblyId, unitId: unit, kind: 'area', claimedArea: '88.00', reason: '不是我的' }),
      ),
      'notYourUnit',
    );
    actAs(who.liu);
    ok(
      await register.registerObjectionAction(
        compound,
        null,
        form({ assemblyId, unitId: unit, kind: 'area', claimedArea: '88.88', reason: '不动产证上是 88.88 平方米。' }),
      ),
    );
    objection = one<{ id: number }>(sql`select max(id) as id from register_objections`).id;
    expect(
      count(
        sql`select count(*) as n from notifications where kind = 'register_objection' and person_id = ${who.member}`,
      ),
    ).toBe(1);
  });

  it('a correction before the opening changes the register and the frozen electorate of every matter', async () => {
    actAs(who.member);
    ok(
      await register.answerRegisterObjectionAction(
        compound,
        null,
        form({
          objectionId: objection,
          outcome: 'corrected',
          correctedArea: '88.88',
          areaSource: 'register',
          answer: '已核对不动产证。',
        }),
      ),
    );
    expect(one<{ a: number }>(sql`select area_centi as a from units where id = ${unit}`).a).toBe(8888);
    for (const m of matters) expect(frozenArea(m, unit)).toBe(8888);
    const liuArea = one<{ a: number }>(
      sql`select area_centi as a from vote_voters where vote_id = ${matters[0]} and person_id = ${who.liu}`,
    ).a;
    const sum = one<{
      a: number;
    }>(sql`select sum(vu.area_centi) as a from vote_units vu join units u on u.id = vu.unit_id
      join holders h on h.id = vu.holder_id where vu.vote_id = ${matters[0]} and h.key = 'p:13800000004'`).a;
    expect(liuArea).toBe(sum);
    refused(
      await register.answerRegisterObjectionAction(
        compound,
        null,
        form({ objectionId: objection, outcome: 'dismissed', answer: '再答' }),
      ),
      'alreadyAnswered',
    );
  });
});

describe('voting', () => {
  it('opens at its start time, by the clock', () => {
    tick(T0 + 15 * DAY);
    expect(assemblyStatus()).toBe('announced');
    at(T0 + 15 * DAY + 3_600_000);
    tick(T0 + 15 * DAY + 3_600_000);
    expect(assemblyStatus()).toBe('open');
    expect(getDb().all<{ s: string }>(sql`select status as s from votes where assembly_id = ${assemblyId}`)).toEqual([
      { s: 'open' },
      { s: 'open' },
    ]);
    at(T0 + 16 * DAY);
  });

  it('an objection after the opening cannot change anything: it is noted against the result', async () => {
    const unit = unitOf('2号楼2单元501');
    actAs(who.ma);
    ok(
      await register.registerObjectionAction(
        compound,
        null,
        form({ assemblyId, unitId: unit, kind: 'area', claimedArea: '70.00', reason: '面积不对' }),
      ),
    );
    const id = one<{ id: number }>(sql`select max(id) as id from register_objections`).id;
    const before = frozenArea(matters[0] ?? 0, unit);
    actAs(who.member);
    refused(
      await register.answerRegisterObjectionAction(
        compound,
        null,
        form({ objectionId: id, outcome: 'corrected', correctedArea: '70.00', answer: '改' }),
      ),
      'tooLateToCorrect',
    );
    ok(
      await register.answerRegisterObjectionAction(
        compound,
        null,
        form({ objectionId: id, outcome: 'noted', answer: '已记录。' }),
      ),
    );
    expect(frozenArea(matters[0] ?? 0, unit)).toBe(before);
  });

  it('a proxy counts only once checked by one member and confirmed by another; then the holder cannot vote', async () => {
    const key = one<{ k: string }>(
      sql`select voter_key as k from vote_voters where vote_id = ${matters[0]} and person_id = ${who.liu}`,
    ).k;
    actAs(who.liu);
    const grant = (mobile: string) =>
      proxies.grantProxyAction(
        compound,
        null,
        form({
          assemblyId,
          voterKey: key,
          agentMobile: mobile,
          document: new File([PNG], '委托书.png', { type: 'image/png' }),
        }),
      );
    refused(await grant('13800000004'), 'proxySelf');
    ok(await grant('13800000020'));
    refused(await grant('13800000014'), 'proxyExists');
    const proxy = one<{ id: number }>(sql`select max(id) as id from proxies`).id;
    actAs(who.ma);
    refused(
      await votes.castBallotAction(compound, null, form({ voteId: matters[0] ?? 0, voterKey: key, choice: 'agree' })),
      'notEligible',
    );
    actAs(who.member);
    ok(await proxies.reviewProxyAction(compound, null, form({ proxyId: proxy, step: 'check' })));
    refused(
      await proxies.reviewProxyAction(compound, null, form({ proxyId: proxy, step: 'confirm' })),
      'confirmOwnCheck',
    );
    actAs(who.chair);
    ok(await proxies.reviewProxyAction(compound, null, form({ proxyId: proxy, step: 'confirm' })));
    actAs(who.ma);
    ok(await votes.castBallotAction(compound, null, form({ voteId: matters[0] ?? 0, voterKey: key, choice: 'agree' })));
    const ballot = one<{ castBy: number; proxyId: number }>(
      sql`select cast_by as castBy, proxy_id as proxyId from ballots where vote_id = ${matters[0]} and voter_key = ${key}`,
    );
    expect(ballot).toEqual({ castBy: who.ma, proxyId: proxy });
    actAs(who.liu);
    refused(
      await votes.castBallotAction(compound, null, form({ voteId: matters[1] ?? 0, voterKey: key, choice: 'agree' })),
      'agentVotedFirst',
    );
    refused(await proxies.withdrawProxyAction(compound, null, form({ proxyId: proxy })), 'proxyUsed');
    actAs(who.ma);
    ok(
      await votes.castBallotAction(
        compound,
        null,
        form({ voteId: matters[1] ?? 0, voterKey: key, choice: 'disagree' }),
      ),
    );
  });

  it('if the holder votes first, the agent cannot', async () => {
    const key = one<{ k: string }>(
      sql`select voter_key as k from vote_voters where vote_id = ${matters[0]} and person_id = ${who.han}`,
    ).k;
    actAs(who.han);
    ok(
      await proxies.grantProxyAction(
        compound,
        null,
        form({
          assemblyId,
          voterKey: key,
          agentMobile: '13800000005',
          document: new File([PNG], 'a.png', { type: 'image/png' }),
        }),
      ),
    );
    const proxy = one<{ id: number }>(sql`select max(id) as id from proxies`).id;
    actAs(who.member);
    ok(await proxies.reviewProxyAction(compound, null, form({ proxyId: proxy, step: 'check' })));
    actAs(who.member2);
    ok(await proxies.reviewProxyAction(compound, null, form({ proxyId: proxy, step: 'confirm' })));
    actAs(who.han);
    ok(await votes.castBallotAction(compound, null, form({ voteId: matters[0] ?? 0, voterKey: key, choice: 'agree' })));
    actAs(who.chen);
    refused(
      await votes.castBallotAction(compound, null, form({ voteId: matters[1] ?? 0, voterKey: key, choice: 'agree' })),
      'holderVotedFirst',
    );
  });

  it('an agent holds at most the compound maximum of proxies', async () => {
    one(sql`update assemblies set max_proxies = 1 where id = ${assemblyId} returning id`);
    const key = one<{ k: string }>(
      sql`select voter_key as k from vote_voters where vote_id = ${matters[0]} and person_id = ${who.chen}`,
    ).k;
    actAs(who.chen);
    // 马春梅 already holds 刘建国's proxy.
    const r = (await proxies.grantProxyAction(
      compound,
      null,
      form({
        assemblyId,
        voterKey: key,
        agentMobile: '13800000020',
        document: new File([PNG], 'a.png', { type: 'image/png' }),
      }),
    )) as Answer;
    expect(r.fieldErrors?.agentMobile).toBe('errors.agentFull');
    one(sql`update assemblies set max_proxies = 3 where id = ${assemblyId} returning id`);
  });

  it('cannot close before the end unless everyone voted; paper ballots entered as a list count once confirmed', async () => {
    actAs(who.chair);
    refused(await assemblies.closeAssemblyAction(compound, null, form({ assemblyId })), 'notAllVoted');
    // Everyone else votes on paper: agree on the first matter, a split on the second.
    for (const [i, m] of matters.entries()) {
      const rows = getDb().all<{ place: string }>(sql`
        select b.name || u.number as place from vote_voters w
          join units u on u.holder_id = w.holder_id and u.compound_id = ${compound} join buildings b on b.id = u.building_id
         where w.vote_id = ${m} and not exists (select 1 from ballots x where x.vote_id = w.vote_id and x.voter_key = w.voter_key)
         group by w.voter_key`);
      // One line stays unconfirmed on the second matter: not counted at the close.
      const lines = rows.map((r, n) => `P${i}-${n} ${r.place} ${i === 0 ? '同意' : n % 2 ? '同意' : '不同意'}`);
      actAs(who.member);
      ok(await paper.enterPaperBatchAction(compound, null, form({ voteId: m, lines: lines.join('\n') })));
      const keys = getDb()
        .all<{ k: string }>(
          sql`select voter_key as k from ballots where vote_id = ${m} and channel = 'paper' order by voter_key`,
        )
        .map((k) => k.k);
      actAs(who.chair);
      ok(
        await paper.confirmPaperBatchAction(
          compound,
          null,
          form({ voteId: m, voterKeys: i === 0 ? keys : keys.slice(1) }),
        ),
      );
    }
    actAs(who.chair);
    refused(await assemblies.closeAssemblyAction(compound, null, form({ assemblyId })), 'notAllVoted');
  });

  it('closes at the end time by the clock: each matter counted from its stored electorate, in owners with units', () => {
    at(T0 + 22 * DAY + 3_600_000);
    tick(T0 + 22 * DAY + 3_600_000);
    expect(assemblyStatus()).toBe('closed');
    const [first, second] = matters.map(
      (m) =>
        JSON.parse(
          one<{ r: string }>(sql`select result as r from votes where id = ${m}`).r,
        ) as import('@/lib/voting/count').VoteResult,
    );
    expect(first?.owners?.passed).toBe(true);
    expect(first?.byProxy).toBe(1);
    expect(first?.units?.total).toBe(116);
    // 刘建国 holds two units: the units behind the owners are more than the owners.
    expect(first?.units?.participating).toBe((first?.owners?.participating.owners ?? 0) + 1);
    expect(second?.owners?.passed).toBe(false);
    expect(
      count(
        sql`select count(*) as n from ballots where vote_id = ${matters[1]} and channel = 'paper' and confirmed_by is null`,
      ),
    ).toBe(1);
    const a = one<{ anchor: number | null; until: number }>(
      sql`select close_anchor_id as anchor, result_until as until from assemblies where id = ${assemblyId}`,
    );
    expect(a.anchor).not.toBeNull();
    expect(a.until).toBe(T0 + 22 * DAY + 3_600_000 + 7 * DAY);
    expect(one<{ s: string }>(sql`select status as s from topics where id = ${topics.fund}`).s).toBe('voted');
  });
});

describe('a decision matches its vote', () => {
  it('cannot rest on no vote, or on a vote that did not pass', async () => {
    actAs(who.chair);
    const decide = (topicId: number, voteId: number | '') =>
      decisions.recordDecisionAction(
        compound,
        null,
        form({
          topicId,
          voteId,
          body: '经业主共同决定，动用专项维修资金。',
          party: 'committee',
          deadline: shanghaiMinute(Date.now() + 30 * DAY),
        }),
      ) as Promise<Answer>;
    expect((await decide(topics.raise, matters[1] ?? 0)).fieldErrors?.voteId).toBe('errors.voteNotPassed');
    expect((await decide(topics.raise, '')).fieldErrors?.voteId).toBe('errors.mustRestOnOwnersVote');
    expect((await decide(topics.fund, matters[1] ?? 0)).fieldErrors?.voteId).toBe('errors.notFound');
    ok(await decide(topics.fund, matters[0] ?? 0));
    expect(one<{ v: string }>(sql`select vote_verdict as v from decisions where topic_id = ${topics.fund}`).v).toBe(
      'passed',
    );
  });

  it('a vote that did not pass can only be recorded as such, and the topic goes back to deliberation', async () => {
    actAs(who.chair);
    refused(
      await decisions.recordNotPassedAction(compound, null, form({ topicId: topics.fund, voteId: matters[0] ?? 0 })),
      'wrongState',
    );
    ok(
      await decisions.recordNotPassedAction(
        compound,
        null,
        form({ topicId: topics.raise, voteId: matters[1] ?? 0, note: '修改方案后重新征求意见。' }),
      ),
    );
    expect(one<{ s: string }>(sql`select status as s from topics where id = ${topics.raise}`).s).toBe('deliberating');
    expect(count(sql`select count(*) as n from decisions where topic_id = ${topics.raise}`)).toBe(0);
  });
});

describe('the demo', () => {
  it('has an owners assembly in its notice period in 亿泰庄园, its owners told, 合和大院 untouched', () => {
    const demo = one<{ status: string; startsAt: number; announcedAt: number; compound: string }>(sql`
      select a.status, a.starts_at as startsAt, a.announced_at as announcedAt, c.name as compound
        from assemblies a join compounds c on c.id = a.compound_id where c.name = '亿泰庄园'`);
    expect(demo.compound).toBe('亿泰庄园');
    expect(demo.startsAt - demo.announcedAt).toBe(15 * DAY);
    expect(
      count(
        sql`select count(*) as n from votes v join assemblies a on a.id = v.assembly_id where a.compound_id <> ${compound}`,
      ),
    ).toBe(2);
    expect(
      count(sql`select count(*) as n from notifications n join assemblies a on a.id = n.assembly_id
      where a.compound_id <> ${compound} and n.kind = 'assembly'`),
    ).toBeGreaterThan(150);
  });
});
