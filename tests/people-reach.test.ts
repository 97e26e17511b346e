/**
 * Staff find and open people only within their reach (db/people/reach.ts): those holding
 * a unit or a role at a place the staff member looks after, and accounts nobody has placed yet. And
 * opening the account of someone in the register elsewhere is refused: it would let staff sign in
 * as that owner and vote in their name.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import { getPersonInReach, searchPeople } from '../db/people/find';
import { type StaffReach, staffReach } from '../lib/auth/permissions';
import { LOOKUP_MISSES_PER_DAY } from '../lib/people/lookup-limit';
import { actAs, currentActor, form, one, personId, rolledBack, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const { peopleAdmin, compoundAdmin } = await import('./action-fixtures');

beforeAll(() => {
  setupDatabase();
});
afterAll(() => teardownDatabase());

/** The reach of a demo staff member, by mobile. */
function reachOf(mobile: string): StaffReach {
  actAs(personId(mobile));
  const actor = currentActor();
  if (!actor) throw new Error(`no actor ${mobile}`);
  return staffReach(actor);
}

const STAFF = {
  zhengLi: '13800000011', // community worker, 中兴社区 (合和大院, 双全楼院)
  xuWenbin: '13800000017', // community worker, 林海社区 (亿泰庄园, 清华园)
  qianWei: '13800000012', // street staff, 老虎滩街道 (中兴社区)
  fengJun: '13800000013', // district admin, 中山区
};

const found = (reach: StaffReach, q: string) => searchPeople(q, reach).map((p) => p.name);

describe('who staff can find', () => {
  it('a community worker finds the owners and office holders of their own community only', () => {
    const reach = reachOf(STAFF.zhengLi);
    expect(found(reach, '刘建国')).toEqual(['刘建国']); // owner in 合和大院
    expect(found(reach, '王秋萍')).toEqual(['王秋萍']); // branch secretary of 合和大院
    expect(found(reach, '周海燕')).toEqual(['周海燕']); // property staff of a company serving 合和大院
    expect(found(reach, '蒋玉兰')).toEqual([]); // branch secretary of 亿泰庄园, 林海社区
    expect(found(reach, '许文斌')).toEqual([]); // the other community's worker
    expect(found(reach, '钱伟')).toEqual([]); // street staff are above, not within
    expect(found(reach, '1380000001')).not.toContain('蒋玉兰'); // by mobile just the same
  });

  it('the other community the other way round', () => {
    const reach = reachOf(STAFF.xuWenbin);
    expect(found(reach, '蒋玉兰')).toEqual(['蒋玉兰']);
    expect(found(reach, '刘建国')).toEqual([]);
    expect(found(reach, '周海燕')).toEqual([]);
  });

  it('street staff find their communities and compounds; the district admin finds everyone in the district', () => {
    const street = reachOf(STAFF.qianWei);
    expect(found(street, '刘建国')).toEqual(['刘建国']);
    expect(found(street, '郑丽')).toEqual(['郑丽']);
    expect(found(street, '蒋玉兰')).toEqual([]);
    const district = reachOf(STAFF.fengJun);
    for (const name of ['刘建国', '郑丽', '蒋玉兰', '许文斌', '钱伟']) expect(found(district, name)).toEqual([name]);
  });

  it('an account nobody has placed yet is found by every staff member, so it can be given a role', () => {
    getDb().run(sql`insert into people (name, mobile, created_at) values ('石未定', '13900001111', 0)`);
    for (const mobile of Object.values(STAFF)) expect(found(reachOf(mobile), '石未定')).toEqual(['石未定']);
  });

  it('a person outside the reach cannot be opened by id either', () => {
    const jiang = personId('13800000018');
    expect(getPersonInReach(jiang, reachOf(STAFF.zhengLi))).toBeUndefined();
    expect(getPersonInReach(jiang, reachOf(STAFF.xuWenbin))?.name).toBe('蒋玉兰');
    expect(getPersonInReach(jiang, reachOf(STAFF.fengJun))?.name).toBe('蒋玉兰');
  });
});

describe('opening the account of someone already in the register', () => {
  /** An owner of 亿泰庄园 (林海社区) who has no account yet. */
  const owner = () =>
    one<{ id: number; name: string; mobile: string }>(sql`
      select p.id, p.name, p.mobile from people p
        join holder_members hm on hm.person_id = p.id join holders h on h.id = hm.holder_id
        join compounds c on c.id = h.compound_id
       where c.name = '亿泰庄园' and p.password_hash is null
         and not exists (select 1 from memberships m where m.person_id = p.id)
       order by p.id limit 1`);
  const passwordOf = (id: number) =>
    one<{ hash: string | null }>(sql`select password_hash as hash from people where id = ${id}`).hash;

  it('is refused to staff of another community, with a clear message, the name kept back and nothing changed', async () => {
    const o = owner();
    actAs(personId(STAFF.zhengLi));
    const res = await peopleAdmin.createAccountAction(
      null,
      form({ name: '随便', mobile: o.mobile, password: 'Some-Password-2026' }),
    );
    expect(res.ok).toBe(false);
    expect(res.ok ? null : res.fieldErrors?.mobile).toBe('errors.mobileOutOfReach');
    expect(JSON.stringify(res)).not.toContain(o.name);
    expect(passwordOf(o.id)).toBeNull();
  });

  it('is done by the owner’s own community worker', async () => {
    const o = owner();
    await rolledBack(async () => {
      actAs(personId(STAFF.xuWenbin));
      const res = await peopleAdmin.createAccountAction(
        null,
        form({ name: o.name, mobile: o.mobile, password: 'Some-Password-2026' }),
      );
      expect(res).toMatchObject({ ok: true, data: { personId: o.id } });
      expect(passwordOf(o.id)).not.toBeNull();
    });
  });
});

describe('Trust II findings 1 and 2: a community worker of another community takes over an owner', () => {
  /** 程亮梅's place in the attack: the first register owner of 合和大院 (中兴社区), without an account. */
  const victim = () =>
    one<{ id: number; name: string; mobile: string }>(sql`
      select p.id, p.name, p.mobile from people p
        join holder_members hm on hm.person_id = p.id join holders h on h.id = hm.holder_id
        join compounds c on c.id = h.compound_id
       where c.name = '合和大院' and p.password_hash is null and p.mobile like '1380000____'
       order by p.mobile limit 1`);
  const yitai = () => one<{ id: number }>(sql`select id from compounds where name = '亿泰庄园'`).id;
  const passwordOf = (id: number) =>
    one<{ hash: string | null }>(sql`select password_hash as hash from people where id = ${id}`).hash;

  it('0017 neither finds her nor reaches her by id', async () => {
    const v = victim();
    const reach = reachOf(STAFF.xuWenbin);
    expect(found(reach, v.mobile)).toEqual([]);
    expect(getPersonInReach(v.id, reach)).toBeUndefined();
    const res = await peopleAdmin.grantRoleAction(
      null,
      form({ personId: v.id, role: 'guest', guestKind: 'volunteer', scopeId: yitai() }),
    );
    expect(res).toMatchObject({ ok: false, code: 'notFound' });
  });

  it('a role in 亿泰庄园 given by her full mobile and name does not let 0017 open her account, see her units or import onto her', async () => {
    const v = victim();
    await rolledBack(async () => {
      reachOf(STAFF.xuWenbin);
      const grant = await peopleAdmin.grantRoleAction(
        null,
        form({ mobile: v.mobile, name: v.name, role: 'guest', guestKind: 'volunteer', scopeId: yitai() }),
      );
      expect(grant.ok).toBe(true);
      // Now partly within 0017's reach: seen only at 0017's own places, never handed over.
      const seen = getPersonInReach(v.id, reachOf(STAFF.xuWenbin));
      expect(seen?.reach).toBe('partial');
      const open = await peopleAdmin.createAccountAction(
        null,
        form({ name: v.name, mobile: v.mobile, password: 'Some-Password-2026' }),
      );
      expect(open).toMatchObject({ ok: false, fieldErrors: { mobile: 'errors.mobileOutOfReach' } });
      expect(passwordOf(v.id)).toBeNull();
    });
  });

  it('a CSV import of a made-up unit naming her mobile is refused, and a wrong name does not tell the registered one', async () => {
    const v = victim();
    for (const name of [v.name, '王小二']) {
      reachOf(STAFF.xuWenbin);
      const csv = `楼栋,户号,楼层,面积,面积来源,产权类型,业主\n1栋,9单元909,9,88.5,register,person,${name}:${v.mobile}\n`;
      const res = await rolledBack(() =>
        compoundAdmin.importUnitsAction(yitai(), null, form({ file: new File([csv], 'u.csv', { type: 'text/csv' }) })),
      );
      expect(res.ok).toBe(false);
      expect(JSON.stringify(res)).toContain('import.errors.outOfReach');
      if (name !== v.name) expect(JSON.stringify(res)).not.toContain(v.name);
    }
    reachOf(STAFF.xuWenbin);
    const open = await peopleAdmin.createAccountAction(
      null,
      form({ name: v.name, mobile: v.mobile, password: 'Some-Password-2026' }),
    );
    expect(open.ok).toBe(false);
    expect(passwordOf(v.id)).toBeNull();
  });

  it('a wrong name with her full mobile is the same answer as an unknown mobile', async () => {
    const v = victim();
    reachOf(STAFF.xuWenbin);
    const wrong = await peopleAdmin.grantRoleAction(
      null,
      form({ mobile: v.mobile, name: '王小二', role: 'guest', guestKind: 'volunteer', scopeId: yitai() }),
    );
    const unknown = await peopleAdmin.grantRoleAction(
      null,
      form({ mobile: '13999999999', name: '王小二', role: 'guest', guestKind: 'volunteer', scopeId: yitai() }),
    );
    expect(wrong).toMatchObject({ ok: false, code: 'noSuchPerson' });
    expect(unknown).toEqual(wrong);
  });

  it('ten misses a day, then the form says to wait even for the right name; other staff are not held back', async () => {
    await rolledBack(async () => {
      const v = victim();
      // The misses of the tests above do not count here.
      getDb().run(sql`delete from login_failures where key like 'grant-lookup:%'`);
      reachOf(STAFF.xuWenbin);
      const grant = (name: string) =>
        peopleAdmin.grantRoleAction(
          null,
          form({ mobile: v.mobile, name, role: 'guest', guestKind: 'volunteer', scopeId: yitai() }),
        );
      for (let i = 0; i < LOOKUP_MISSES_PER_DAY; i++) {
        expect(await grant(`王小${i}`)).toMatchObject({ ok: false, code: 'noSuchPerson' });
      }
      expect(await grant(v.name)).toMatchObject({ ok: false, code: 'tooManyLookups' });
      expect(await grant('王小二')).toMatchObject({ ok: false, code: 'tooManyLookups' });
      // The district admin, who may give a role there too, has misses of their own.
      reachOf(STAFF.fengJun);
      expect(await grant('王小二')).toMatchObject({ ok: false, code: 'noSuchPerson' });
      expect((await grant(v.name)).ok).toBe(true);
    });
  });

  it('staff who opened an account cannot keep its password while the person gains a place beyond them', async () => {
    await rolledBack(async () => {
      reachOf(STAFF.zhengLi);
      const opened = await peopleAdmin.createAccountAction(
        null,
        form({ name: '石新来', mobile: '13912340009', password: 'Some-Password-2026' }),
      );
      expect(opened.ok).toBe(true);
      reachOf(STAFF.xuWenbin);
      const grant = await peopleAdmin.grantRoleAction(
        null,
        form({ mobile: '13912340009', name: '石新来', role: 'guest', guestKind: 'volunteer', scopeId: yitai() }),
      );
      expect(grant).toMatchObject({ ok: false, code: 'passwordSetElsewhere' });
    });
  });
});

describe('Trust II finding 6: a new account that passes for an official', () => {
  it('is refused unless staff confirm it is someone else, and the confirmation is audited', async () => {
    reachOf(STAFF.zhengLi);
    for (const name of ['王秋萍', '王 秋萍', '王\u3000秋萍']) {
      const res = await peopleAdmin.createAccountAction(
        null,
        form({ name, mobile: '13912345001', password: 'Some-Password-2026' }),
      );
      expect(res).toMatchObject({
        ok: false,
        code: 'lookalikeOfficial',
        fieldErrors: { name: 'errors.lookalikeOfficial' },
      });
    }
    expect(one<{ n: number }>(sql`select count(*) as n from people where mobile = '13912345001'`).n).toBe(0);
    await rolledBack(async () => {
      const res = await peopleAdmin.createAccountAction(
        null,
        form({ name: '王秋萍', mobile: '13912345001', password: 'Some-Password-2026', confirmLookalike: 'on' }),
      );
      expect(res.ok).toBe(true);
      const audit = one<{ data: string }>(
        sql`select data from audit_log where action = 'create_account' order by id desc limit 1`,
      );
      expect(JSON.parse(audit.data)).toMatchObject({ name: '王秋萍', confirmedLookalike: true });
    });
  });

  it('staff of another community are not stopped by 合和大院’s officials, whom they do not look after', async () => {
    reachOf(STAFF.xuWenbin);
    await rolledBack(async () => {
      const res = await peopleAdmin.createAccountAction(
        null,
        form({ name: '王秋萍', mobile: '13912345002', password: 'Some-Password-2026' }),
      );
      expect(res.ok).toBe(true);
    });
  });

  it('an import naming a new owner like the compound’s branch secretary asks for the same confirmation', async () => {
    reachOf(STAFF.zhengLi);
    const heHe = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
    const csv =
      '楼栋,户号,楼层,面积,面积来源,产权类型,业主\n1号楼,9单元909,9,88.5,register,person,王秋萍:13912345003\n';
    const file = () => new File([csv], 'u.csv', { type: 'text/csv' });
    const refused = await compoundAdmin.importUnitsAction(heHe, null, form({ file: file() }));
    expect(refused).toMatchObject({ ok: false, code: 'importLookalike' });
    expect(JSON.stringify(refused)).toContain('import.errors.lookalike');
    await rolledBack(async () => {
      const res = await compoundAdmin.importUnitsAction(heHe, null, form({ file: file(), confirmLookalike: 'on' }));
      expect(res.ok).toBe(true);
    });
  });
});
