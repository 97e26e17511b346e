/**
 * Changes of owner and people joining a unit, through the real actions: a transfer after which a new owners'
 * decision counts the new owner while an older one keeps its frozen electorate and recounts to its stored result;
 * a future-dated transfer taking effect on its date; a tenant's request approved by the household's voter, and the
 * tenancy ending at its move-out date.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, currentActor, form, one, personId, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const transfers = await import('@/app/c/[compoundId]/households/transfers/actions');
const join = await import('@/app/join/actions');
const household = await import('@/app/join-actions');
const { openVote } = await import('@/db/voting/open');
const { closeVote, countInputOf, hashResult } = await import('@/db/voting/close');
const { countVote } = await import('@/lib/voting/count');
const { tick } = await import('@/server/clock');
const { getDb } = await import('@/db/client');
const { votes } = await import('@/db/schema');
const { eq } = await import('drizzle-orm');

const DAY = 86_400_000;
let compoundId = 0;
let building2 = 0;

function topic(title: string) {
  return one<{
    id: number;
  }>(sql`insert into topics (compound_id, author_id, title, description, category, status, activity_at)
    values (${compoundId}, ${personId('13800000002')}, ${title}, ${title}, 'other', 'deliberating', ${Date.now()}) returning id`)
    .id;
}

function ownersVote(title: string, now: number) {
  const id = openVote(
    {
      compoundId,
      topicId: topic(title),
      kind: 'owners',
      question: `${title}？`,
      matterItem: 1,
      choiceMode: 'single',
      secret: false,
      allowChange: false,
      buildingIds: null,
      nonVotersFollowMajority: false,
      startsAt: now,
      endsAt: now + DAY,
      options: [
        { key: 'agree', label: '同意' },
        { key: 'disagree', label: '不同意' },
      ],
      openedBy: personId('13800000002'),
    },
    [],
    now,
  );
  if (id === null) throw new Error('vote not opened');
  return id;
}

const voterOf = (voteId: number, unit: string) =>
  one<{ name: string; personId: number | null }>(sql`select vv.name, vv.person_id as personId from vote_units vu
    join vote_voters vv on vv.vote_id = vu.vote_id and vv.holder_id = vu.holder_id
    join units u on u.id = vu.unit_id join buildings b on b.id = u.building_id
   where vu.vote_id = ${voteId} and b.name || u.number = ${unit}`);

const shanghaiDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

beforeAll(() => {
  setupDatabase();
  compoundId = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
  building2 = one<{ id: number }>(
    sql`select id from buildings where compound_id = ${compoundId} and name = '2号楼'`,
  ).id;
});
afterAll(teardownDatabase);

describe('a change of owner', () => {
  it('counts the new owner in votes opened after it; an older vote keeps its electorate and recounts the same', async () => {
    const now = Date.now();
    const before = ownersVote('更换单元门', now - 2 * DAY);
    const oldOwner = voterOf(before, '2号楼2单元501');
    expect(oldOwner.name).toBe('马春梅');
    actAs(personId('13800000020'));
    expect(currentActor()?.ownerCompoundIds).toContain(compoundId);
    getDb()
      .$client.prepare(`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
      select ?, voter_key, '["agree"]', 'online', person_id, 'R1', ?, ? from vote_voters where vote_id = ? and person_id = ?`)
      .run(before, now, now, before, oldOwner.personId);

    actAs(personId('13800000011'));
    const r = await transfers.recordTransferAction(
      compoundId,
      null,
      form({
        buildingId: building2,
        unit: '2单元501',
        effective: shanghaiDate(now - DAY),
        owners: '赵新民:13912300001',
        reference: '辽(2026)大连市不动产权第0012345号',
      }),
    );
    expect(r).toMatchObject({ ok: true, message: 'transfers.recordedNow' });

    const after = ownersVote('加装电梯', now);
    expect(voterOf(after, '2号楼2单元501').name).toBe('赵新民');
    expect(voterOf(before, '2号楼2单元501').name).toBe('马春梅');
    // The former owner has no home here any more, so no owner's role; their ballot is still theirs to see.
    actAs(personId('13800000020'));
    expect(currentActor()?.ownerCompoundIds).not.toContain(compoundId);
    expect(
      one<{ n: number }>(
        sql`select count(*) as n from ballots where vote_id = ${before} and cast_by = ${personId('13800000020')}`,
      ).n,
    ).toBe(1);

    // Closed after the transfer, the older vote still counts 马春梅, and a recount gives the stored result.
    expect(closeVote(compoundId, before, null, now)).toBeTruthy();
    const stored = getDb().select().from(votes).where(eq(votes.id, before)).get();
    if (!stored?.result) throw new Error('no stored result');
    const recounted = countVote(countInputOf(getDb(), stored));
    expect(JSON.stringify(recounted)).toBe(stored.result);
    expect(hashResult(recounted)).toBe(stored.resultHash);
    expect(recounted.voted).toBe(1);
    expect(
      one<{ n: number }>(sql`select count(*) as n from audit_log where action in ('record_transfer', 'apply_transfer')`)
        .n,
    ).toBe(2);
  });

  it('waits for a future date, then the clock (or the next vote opened) puts the unit in the new name', async () => {
    const now = Date.now();
    actAs(personId('13800000011'));
    const r = await transfers.recordTransferAction(
      compoundId,
      null,
      form({
        buildingId: building2,
        unit: '2单元502',
        effective: shanghaiDate(now + 3 * DAY),
        owners: '孙新:13912300002;钱新:13912300003',
        voter: '13912300003',
      }),
    );
    expect(r).toMatchObject({ ok: true, message: 'transfers.recordedLater' });
    expect(voterOf(ownersVote('绿化改造', now), '2号楼2单元502').name).not.toBe('孙新、钱新');
    const report = tick(now + 4 * DAY, { votes: false });
    expect(report.transfersApplied).toBe(1);
    const held = one<{
      name: string;
      voter: string;
    }>(sql`select h.name, p.name as voter from units u join holders h on h.id = u.holder_id
      join people p on p.id = h.voter_person_id join buildings b on b.id = u.building_id where b.name || u.number = '2号楼2单元502'`);
    expect(held).toEqual({ name: '孙新、钱新', voter: '钱新' });
  });

  it('is in the electorate of a vote opened after its date even before the clock has applied it', async () => {
    const now = Date.now();
    actAs(personId('13800000011'));
    const r = await transfers.recordTransferAction(
      compoundId,
      null,
      form({
        buildingId: building2,
        unit: '2单元602',
        effective: shanghaiDate(now + 2 * DAY),
        owners: '周未来:13912300030',
      }),
    );
    expect(r).toMatchObject({ ok: true, message: 'transfers.recordedLater' });
    // No tick in between: opening the vote applies what has fallen due (db/voting/open.ts).
    expect(voterOf(ownersVote('屋面防水', now + 3 * DAY), '2号楼2单元602').name).toBe('周未来');
  });

  it('is refused for a mobile registered under another name, and for a voter who is not a new owner', async () => {
    actAs(personId('13800000011'));
    const wrongName = await transfers.recordTransferAction(
      compoundId,
      null,
      form({
        buildingId: building2,
        unit: '2单元601',
        effective: shanghaiDate(Date.now()),
        owners: '别人:13800000004',
      }),
    );
    expect(wrongName).toMatchObject({ ok: false, code: 'transferNameMismatch' });
    const badVoter = await transfers.recordTransferAction(
      compoundId,
      null,
      form({
        buildingId: building2,
        unit: '2单元601',
        effective: shanghaiDate(Date.now()),
        owners: '甲:13912300004;乙:13912300005',
        voter: '13912300006',
      }),
    );
    expect(badVoter).toMatchObject({ ok: false, code: 'transferVoter' });
  });
});

describe('joining a unit', () => {
  it("a tenant's request is approved by the household's voter; the role ends at the move-out date", async () => {
    actAs(null);
    const building3 = one<{ id: number }>(
      sql`select id from buildings where compound_id = ${compoundId} and name = '3号楼'`,
    ).id;
    const moveOut = shanghaiDate(Date.now() + 30 * DAY);
    const filed = await join.fileJoinRequestAction(
      null,
      form({
        compoundId,
        buildingId: building3,
        unit: '1单元301',
        relation: 'tenant',
        moveOut,
        name: '孔租客',
        mobile: '13912300010',
        password: 'Zuke-Mima-2026',
        confirm: 'Zuke-Mima-2026',
        privacy: 'on',
      }),
    );
    expect(filed).toMatchObject({ ok: true });
    const owner = personId('13800000004');
    expect(
      one<{ n: number }>(
        sql`select count(*) as n from notifications where kind = 'join_request' and person_id = ${owner}`,
      ).n,
    ).toBe(1);
    // A neighbour who is not this household's voter may not answer it.
    const requestId = one<{ id: number }>(sql`select id from join_requests where mobile = '13912300010'`).id;
    actAs(personId('13800000020'));
    expect(await household.answerJoinRequestAction(null, form({ requestId, answer: 'approve' }))).toMatchObject({
      ok: false,
      code: 'notFound',
    });
    actAs(owner);
    expect(await household.answerJoinRequestAction(null, form({ requestId, answer: 'approve' }))).toMatchObject({
      ok: true,
    });
    const tenant = one<{ id: number; role: string; endsAt: number; hasPassword: number }>(sql`
      select p.id, m.role, m.ends_at as endsAt, p.password_hash is not null as hasPassword from people p
        join memberships m on m.person_id = p.id where p.mobile = '13912300010'`);
    expect(tenant).toMatchObject({ role: 'tenant', hasPassword: 1 });
    expect(
      one<{ h: string | null }>(sql`select password_hash as h from join_requests where id = ${requestId}`).h,
    ).toBeNull();
    actAs(tenant.id);
    expect(currentActor()?.memberships).toContainEqual({ role: 'tenant', scopeType: 'compound', scopeId: compoundId });
    expect(tick(tenant.endsAt + 1, { votes: false }).movedOut).toBeGreaterThanOrEqual(1);
    expect(currentActor()?.memberships).toEqual([]);
  });

  it('refuses a mobile the platform already knows, so no request can take over an account or a register entry', async () => {
    actAs(null);
    const r = await join.fileJoinRequestAction(
      null,
      form({
        compoundId,
        buildingId: building2,
        unit: '2单元501',
        relation: 'family_member',
        name: '冒名',
        mobile: '13800001005',
        password: 'Zuke-Mima-2026',
        confirm: 'Zuke-Mima-2026',
        privacy: 'on',
      }),
    );
    expect(r).toMatchObject({ ok: false, code: 'joinMobileKnown' });
  });
});

describe('my home and my data', () => {
  const home = import('@/app/account/home-actions');
  const myData = import('@/app/api/me/data/route');

  it('changes a co-owned household’s voter only once every co-owner has confirmed', async () => {
    const { proposeVoterAction, confirmVoterAction } = await home;
    const holderId = one<{ id: number }>(sql`select id from holders where name = '陈志强、李秀英'`).id;
    const voter = () => one<{ v: number }>(sql`select voter_person_id as v from holders where id = ${holderId}`).v;
    const chen = personId('13800000005');
    const li = personId('13800000006');
    expect(voter()).toBe(chen);
    actAs(li);
    expect(await proposeVoterAction(null, form({ holderId, newVoterId: li }))).toMatchObject({ ok: true });
    expect(voter()).toBe(chen);
    const changeId = one<{ id: number }>(sql`select max(id) as id from voter_changes where holder_id = ${holderId}`).id;
    // A neighbour cannot confirm it for them.
    actAs(personId('13800000004'));
    expect(await confirmVoterAction(null, form({ changeId }))).toMatchObject({ ok: false, code: 'forbidden' });
    actAs(chen);
    expect(await confirmVoterAction(null, form({ changeId }))).toMatchObject({
      ok: true,
      message: 'myHome.voterChanged',
    });
    expect(voter()).toBe(li);
  });

  it('gives a person everything held about them, and nothing of anyone else', async () => {
    const { GET } = await myData;
    actAs(personId('13800000004'));
    const res = await GET(new Request('http://x/api/me/data?format=json'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, Record<string, unknown>[]>;
    expect(body.person?.[0]).toMatchObject({ name: '刘建国', mobile: '13800000004', hasPassword: 1 });
    expect(JSON.stringify(body)).not.toContain('$argon2');
    expect(body.homes?.map((h) => h.unit)).toEqual(['3号楼1单元301', '3号楼2单元502']);
    const csv = await (await GET(new Request('http://x/api/me/data?format=csv'))).text();
    expect(csv.split('\n')[0]).toContain('section');
    expect(csv).toContain('刘建国');
    actAs(null);
    expect((await GET(new Request('http://x/api/me/data'))).status).toBe(401);
  });
});

describe('changes of owner from a file', () => {
  it('records every row or none, naming the row that was refused', async () => {
    actAs(personId('13800000011'));
    const upload = (csv: string) =>
      transfers.importTransfersAction(compoundId, null, form({ file: new File([csv], 't.csv', { type: 'text/csv' }) }));
    const before = one<{ n: number }>(sql`select count(*) as n from transfers`).n;
    // The second row names 刘建国's mobile with another name: nothing of the file is recorded.
    const refused = await upload(
      '楼栋,户号,生效日期,新业主\n2号楼,1单元101,2026-11-01,文件甲:13912300020\n2号楼,1单元102,2026-11-01,别人:13800000004\n',
    );
    expect(refused).toMatchObject({ ok: false, code: 'transferNameMismatch' });
    expect(refused.ok ? [] : refused.details?.map((d) => d.line)).toEqual([3]);
    expect(one<{ n: number }>(sql`select count(*) as n from transfers`).n).toBe(before);
    const done = await upload(
      '楼栋,户号,生效日期,新业主\n2号楼,1单元101,2026-11-01,文件甲:13912300020\n2号楼,1单元102,2099-01-01,文件乙:13912300021\n',
    );
    expect(done).toMatchObject({ ok: true });
    expect(one<{ n: number }>(sql`select count(*) as n from transfers`).n).toBe(before + 2);
    expect(
      one<{ n: number }>(sql`select count(*) as n from transfers where applied_at is null`).n,
    ).toBeGreaterThanOrEqual(1);
  });
});
