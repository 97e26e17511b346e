/**
 * Activation letters and self-activation, through the real actions on a seeded database: staff make letters for
 * 3号楼, an owner activates, a co-owner activates with the household's code, wrong names count towards a lock that
 * tells staff, expired and replaced codes are refused, and the limits per address hold.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, form, one, personId, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const letters = await import('@/app/c/[compoundId]/households/letter-actions');
const activation = await import('@/app/activate/actions');
const { ADDRESS_FAILURES_PER_HOUR, MAX_WRONG_NAMES } = await import('@/lib/activation/limits');

let compoundId = 0;
let building3 = 0;
const COMMUNITY_WORKER = '13800000011';

type Letter = { units: string; code: string; maskedName: string; url: string; qr: { size: number; path: string } };

async function makeLetters(fields: Record<string, string | number>, as = COMMUNITY_WORKER): Promise<Letter[]> {
  actAs(personId(as));
  const r = await letters.generateLettersAction(compoundId, null, form(fields));
  if (!r.ok) throw new Error(`letters refused: ${r.code} ${r.message}`);
  return r.data.letters;
}

function activate(fields: Record<string, string>) {
  actAs(null);
  return activation.activateAction(
    null,
    form({ password: 'Huanying-2026', confirm: 'Huanying-2026', privacy: 'on', ...fields }),
  );
}

/** The register owner of a unit in 3号楼 who has no account: name and unit. */
function registerOwner(n: number) {
  return one<{ name: string; place: string }>(sql`
    select p.name, b.name || u.number as place from units u join buildings b on b.id = u.building_id
      join holders h on h.id = u.holder_id join holder_members hm on hm.holder_id = h.id join people p on p.id = hm.person_id
     where b.id = ${building3} and h.kind = 'person' and p.password_hash is null
     order by u.number limit 1 offset ${n}`);
}

beforeAll(() => {
  setupDatabase();
  compoundId = one<{ id: number }>(sql`select id from compounds where name = '合和大院'`).id;
  building3 = one<{ id: number }>(
    sql`select id from buildings where compound_id = ${compoundId} and name = '3号楼'`,
  ).id;
  // The co-owned flat's wife has no account yet, so the household's code is still needed by one of them.
  one(sql`update people set password_hash = null where mobile = '13800000006' returning id`);
});
afterAll(teardownDatabase);

describe('activation letters', () => {
  it('are made for 3号楼 by the community worker, one per household still without accounts, with a QR to /activate', async () => {
    const made = await makeLetters({ scope: 'building', buildingId: building3 });
    const holders = one<{
      n: number;
    }>(sql`select count(distinct h.id) as n from units u join holders h on h.id = u.holder_id
      where u.building_id = ${building3} and exists (select 1 from holder_members hm join people p on p.id = hm.person_id
        where hm.holder_id = h.id and p.password_hash is null)`).n;
    expect(made).toHaveLength(holders);
    for (const l of made) {
      expect(l.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
      expect(l.url).toBe(`http://localhost:3000/activate?code=${l.code}`);
      expect(l.qr.size).toBeGreaterThanOrEqual(29);
      expect(l.maskedName).toContain('*');
    }
    const stored = one<{ hashes: string }>(sql`select group_concat(code_hash) as hashes from activation_codes`).hashes;
    for (const l of made) expect(stored).not.toContain(l.code.replaceAll('-', ''));
    // Only staff of the compound's community or above, or its committee, may make them.
    for (const mobile of ['13800000004', '13800000009', '13800000010', '13800000017']) {
      actAs(personId(mobile));
      const r = await letters.generateLettersAction(compoundId, null, form({ scope: 'compound' }));
      expect(r.ok, mobile).toBe(false);
    }
  });

  it('replaces an older letter: the old code is refused as replaced, and both are in the audit trail', async () => {
    const owner = registerOwner(0);
    const [first] = await makeLetters({ scope: 'units', units: owner.place });
    const [second] = await makeLetters({ scope: 'units', units: owner.place });
    expect(first?.code).not.toBe(second?.code);
    const old = await activate({ code: first?.code ?? '', name: owner.name, mobile: '13912340001' });
    expect(old).toMatchObject({ ok: false, code: 'code_revoked' });
    const trail = one<{ n: number }>(sql`select count(*) as n from audit_log where action = 'revoke_letter'`).n;
    expect(trail).toBeGreaterThanOrEqual(1);
  });
});

describe('self-activation', () => {
  it('opens the owner’s account with the typed mobile, after three wrong names, and uses the code up', async () => {
    const owner = registerOwner(1);
    const [letter] = await makeLetters({ scope: 'units', units: owner.place });
    const code = (letter?.code ?? '').toLowerCase().replaceAll('-', ' ');
    for (let i = 1; i <= 3; i++) {
      const r = await activate({ code, name: '张三', mobile: '13912340002' });
      expect(r).toMatchObject({ ok: false, code: 'nameWrong' });
      const tries = one<{ n: number }>(
        sql`select failed_name_tries as n from activation_codes order by id desc limit 1`,
      ).n;
      expect(tries).toBe(i);
      expect(tries).toBeLessThan(MAX_WRONG_NAMES);
    }
    const ok = await activate({ code, name: owner.name, mobile: '13912340002' });
    expect(ok).toMatchObject({ ok: true, data: { mobile: '13912340002' } });
    const person = one<{ mobile: string; hasPassword: number; privacy: number | null }>(sql`
      select mobile, password_hash is not null as hasPassword, privacy_accepted_at as privacy from people where name = ${owner.name}
        and mobile = '13912340002'`);
    expect(person).toMatchObject({ hasPassword: 1 });
    expect(person.privacy).not.toBeNull();
    const again = await activate({ code, name: owner.name, mobile: '13912340003' });
    expect(again).toMatchObject({ ok: false, code: 'code_used' });
    expect(one<{ n: number }>(sql`select count(*) as n from audit_log where action = 'self_activate'`).n).toBe(1);
  });

  it('lets each co-owner activate with the household’s code; the voter stays as registered', async () => {
    const [letter] = await makeLetters({ scope: 'units', units: '3号楼2单元101' });
    expect(letter?.maskedName).toBe('陈*强、李*英');
    const voterBefore = one<{ v: number }>(sql`select voter_person_id as v from holders where key like 'c:%'`).v;
    const r = await activate({ code: letter?.code ?? '', name: '李秀英', mobile: '13912340004' });
    expect(r.ok).toBe(true);
    expect(one<{ v: number }>(sql`select voter_person_id as v from holders where key like 'c:%'`).v).toBe(voterBefore);
    // Everyone of the household has an account now: the code is used up.
    const used = one<{ u: number | null }>(sql`select used_at as u from activation_codes where holder_id =
      (select id from holders where key like 'c:%') order by id desc limit 1`).u;
    expect(used).not.toBeNull();
  });

  it('refuses a mobile that belongs to another account, and an expired code', async () => {
    const owner = registerOwner(2);
    const [letter] = await makeLetters({ scope: 'units', units: owner.place });
    const taken = await activate({ code: letter?.code ?? '', name: owner.name, mobile: '13800000001' });
    expect(taken).toMatchObject({ ok: false, code: 'mobileTaken' });
    one(
      sql`update activation_codes set expires_at = ${Date.now() - 1} where id = (select max(id) from activation_codes) returning id`,
    );
    const expired = await activate({ code: letter?.code ?? '', name: owner.name, mobile: '13912340005' });
    expect(expired).toMatchObject({ ok: false, code: 'code_expired' });
  });

  it('locks a code at the fifth wrong name and tells the community worker', async () => {
    const owner = registerOwner(3);
    const [letter] = await makeLetters({ scope: 'units', units: owner.place });
    let last: { ok: boolean; code?: string } = { ok: true };
    for (let i = 0; i < MAX_WRONG_NAMES; i++)
      last = await activate({ code: letter?.code ?? '', name: '王五', mobile: '13912340006' });
    expect(last).toMatchObject({ ok: false, code: 'codeLockedNow' });
    const right = await activate({ code: letter?.code ?? '', name: owner.name, mobile: '13912340006' });
    expect(right).toMatchObject({ ok: false, code: 'code_locked' });
    const told = one<{ n: number }>(sql`select count(*) as n from notifications where kind = 'activation_locked'
      and person_id = ${personId(COMMUNITY_WORKER)}`).n;
    expect(told).toBe(1);
  });

  it('answers typos at once without counting them, and stops an address after 20 failures in an hour', async () => {
    one(sql`delete from activation_failures returning 1`);
    const typo = await activate({ code: 'ABCD-EFGH-JKMO', name: '王五', mobile: '13912340007' });
    expect(typo).toMatchObject({ ok: false, code: 'codeSymbol' });
    expect(one<{ n: number }>(sql`select count(*) as n from activation_failures`).n).toBe(0);
    // Well-formed codes that exist nowhere: each counts against the address and everywhere.
    const { generateActivationCode, formatActivationCode } = await import('@/lib/activation/code');
    const { randomBytes } = await import('node:crypto');
    for (let i = 0; i < ADDRESS_FAILURES_PER_HOUR; i++) {
      const r = await activate({
        code: formatActivationCode(generateActivationCode(randomBytes)),
        name: '王五',
        mobile: '13912340007',
      });
      expect(r).toMatchObject({ ok: false, code: 'codeUnknown' });
    }
    const stopped = await activate({
      code: formatActivationCode(generateActivationCode(randomBytes)),
      name: '王五',
      mobile: '13912340007',
    });
    expect(stopped).toMatchObject({ ok: false, code: 'wait_address' });
  });
});

describe('the demo’s letters', () => {
  it('seed 双全楼院 with letters, eight activated, and one expired code that /activate refuses as expired', async () => {
    const { seedDemoLetters, DEMO_EXPIRED_CODE } = await import('@/server/activation/demo-letters');
    seedDemoLetters(Date.now());
    const shuangquan = one<{ id: number }>(sql`select id from compounds where name = '双全楼院'`).id;
    const used = one<{ n: number }>(
      sql`select count(*) as n from activation_codes where compound_id = ${shuangquan} and used_at is not null`,
    ).n;
    expect(used).toBe(8);
    one(sql`delete from activation_failures returning 1`);
    const r = await activate({ code: DEMO_EXPIRED_CODE, name: '某某', mobile: '13912340099' });
    expect(r).toMatchObject({ ok: false, code: 'code_expired' });
  });
});
