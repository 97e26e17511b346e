/**
 * A property test over sequences of staff actions (open or activate an account, reset a password,
 * give a role by id or by mobile and name, import a unit): whatever the sequence, no staff member
 * ends up able to sign in as someone outside their reach (they set the person's password, and the
 * person has a place they do not look after), nor sees anything of a person beyond their reach.
 * Reach is modelled here from plain facts (which compounds a person holds units and roles in), not
 * with the SQL under test.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getPersonInReach, listMembershipsOf, listOwnedUnits } from '../db/people/find';
import { staffReach } from '../lib/auth/permissions';
import { actAs, currentActor, form, one, personId, rolledBack, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const { peopleAdmin, compoundAdmin } = await import('./action-fixtures');

const STAFF = {
  郑丽: { mobile: '13800000011', compounds: ['合和大院', '双全楼院'] },
  许文斌: { mobile: '13800000017', compounds: ['亿泰庄园', '清华园'] },
  钱伟: { mobile: '13800000012', compounds: ['合和大院', '双全楼院'] },
  冯军: { mobile: '13800000013', compounds: ['合和大院', '双全楼院', '亿泰庄园', '清华园'] },
} as const;
type Staff = keyof typeof STAFF;
const STAFF_NAMES = Object.keys(STAFF) as Staff[];

interface Subject {
  name: string;
  mobile: string;
}
/** Register owners without accounts (one per compound of each community) and two newcomers. */
const subjects: Subject[] = [];

const compoundIds = new Map<string, number>();
const staffIds = new Map<Staff, number>();

type Step =
  | { kind: 'open'; by: Staff; who: number }
  | { kind: 'reset'; by: Staff; who: number }
  | { kind: 'grantById'; by: Staff; who: number; where: number }
  | { kind: 'grantByMobile'; by: Staff; who: number; where: number }
  | { kind: 'import'; by: Staff; who: number; where: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  ...(['open', 'reset'] as const).map((kind) =>
    fc.record({ kind: fc.constant(kind), by: fc.constantFrom(...STAFF_NAMES), who: fc.nat({ max: 3 }) }),
  ),
  ...(['grantById', 'grantByMobile', 'import'] as const).map((kind) =>
    fc.record({
      kind: fc.constant(kind),
      by: fc.constantFrom(...STAFF_NAMES),
      who: fc.nat({ max: 3 }),
      where: fc.nat({ max: 1 }),
    }),
  ),
) as fc.Arbitrary<Step>;

let importSeq = 0;

async function run(step: Step): Promise<boolean> {
  const s = subjects[step.who];
  if (!s) throw new Error('no subject');
  actAs(staffIds.get(step.by) ?? null);
  const target = () => one<{ id: number } | undefined>(sql`select id from people where mobile = ${s.mobile}`);
  const compoundName = 'where' in step ? (STAFF[step.by].compounds[step.where] ?? '') : '';
  const compoundId = compoundIds.get(compoundName) ?? 0;
  const password = 'Prop-Test-Passwort-1';
  let res: { ok: boolean };
  switch (step.kind) {
    case 'open':
      res = await peopleAdmin.createAccountAction(null, form({ name: s.name, mobile: s.mobile, password }));
      break;
    case 'reset': {
      const p = peopleId(s.mobile);
      if (p === null) return false;
      res = await peopleAdmin.resetPasswordAction(null, form({ personId: p, password }));
      break;
    }
    case 'grantById': {
      const p = peopleId(s.mobile);
      if (p === null) return false;
      res = await peopleAdmin.grantRoleAction(
        null,
        form({ personId: p, role: 'guest', guestKind: 'volunteer', scopeId: compoundId }),
      );
      break;
    }
    case 'grantByMobile':
      res = await peopleAdmin.grantRoleAction(
        null,
        form({ mobile: s.mobile, name: s.name, role: 'guest', guestKind: 'volunteer', scopeId: compoundId }),
      );
      break;
    case 'import': {
      const building = one<{ name: string }>(
        sql`select name from buildings where compound_id = ${compoundId} order by id limit 1`,
      ).name;
      importSeq++;
      const csv = `楼栋,户号,楼层,面积,面积来源,产权类型,业主\n${building},P${importSeq},9,88.5,register,person,${s.name}:${s.mobile}\n`;
      res = await compoundAdmin.importUnitsAction(
        compoundId,
        null,
        form({ file: new File([csv], 'units.csv', { type: 'text/csv' }) }),
      );
      break;
    }
  }
  void target;
  return res.ok;
}

function peopleId(mobile: string): number | null {
  try {
    return one<{ id: number }>(sql`select id from people where mobile = ${mobile}`).id;
  } catch {
    return null;
  }
}

/** The compounds a person holds units or roles in, read as plain facts. */
function placesOf(id: number): string[] {
  const rows = [
    ...(globalDb()
      .prepare(
        `select distinct c.name from holder_members hm join holders h on h.id = hm.holder_id
         join compounds c on c.id = h.compound_id where hm.person_id = ?`,
      )
      .all(id) as { name: string }[]),
    ...(globalDb()
      .prepare(
        `select distinct c.name from memberships m join compounds c on c.id = m.scope_id
        where m.scope_type = 'compound' and m.person_id = ?`,
      )
      .all(id) as { name: string }[]),
  ];
  return [...new Set(rows.map((r) => r.name))];
}

function globalDb() {
  return (globalThis as unknown as { yishiDb: import('../db/client').Db }).yishiDb.$client;
}

function modelReach(staff: Staff, places: string[]): 'whole' | 'partial' | 'none' {
  const mine: readonly string[] = STAFF[staff].compounds;
  const inside = places.filter((p) => mine.includes(p)).length;
  return inside === places.length ? 'whole' : inside > 0 ? 'partial' : 'none';
}

beforeAll(() => {
  setupDatabase();
  for (const r of globalDb().prepare('select id, name from compounds').all() as { id: number; name: string }[]) {
    compoundIds.set(r.name, r.id);
  }
  for (const s of STAFF_NAMES) {
    const id = personId(STAFF[s].mobile);
    staffIds.set(s, id);
    actAs(id); // sessions outside the rolled-back runs
  }
  const ownerIn = (compound: string) =>
    globalDb()
      .prepare(
        `select p.name, p.mobile from people p join holder_members hm on hm.person_id = p.id
           join holders h on h.id = hm.holder_id join compounds c on c.id = h.compound_id
          where c.name = ? and p.password_hash is null
            and not exists (select 1 from memberships m where m.person_id = p.id)
          order by p.id limit 1`,
      )
      .get(compound) as Subject;
  subjects.push(ownerIn('合和大院'), ownerIn('亿泰庄园'));
  subjects.push({ name: '石新来', mobile: '13912340001' }, { name: '钟远方', mobile: '13912340002' });
});
afterAll(() => teardownDatabase());

describe('no sequence of staff actions hands anyone over', () => {
  it('whoever set a password reaches all of that person, and staff see no more than their reach', async () => {
    let steps = 0;
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (plan) => {
        await rolledBack(async () => {
          /** Who knows each subject's password: the staff member who last set it. */
          const knows = new Map<number, Staff>();
          for (const step of plan) {
            const ok = await run(step);
            steps++;
            if (ok) succeeded++;
            if (ok && (step.kind === 'open' || step.kind === 'reset')) knows.set(step.who, step.by);
            for (const [i, s] of subjects.entries()) {
              const id = peopleId(s.mobile);
              if (id === null) continue;
              const places = placesOf(id);
              const knower = knows.get(i);
              if (knower) {
                expect({ knower, places, reach: modelReach(knower, places) }).toMatchObject({ reach: 'whole' });
              }
              for (const staff of STAFF_NAMES) {
                actAs(staffIds.get(staff) ?? null);
                const actor = currentActor();
                if (!actor) throw new Error('signed out');
                const reach = staffReach(actor);
                const seen = getPersonInReach(id, reach);
                const expected = modelReach(staff, places);
                expect({ staff, places, seen: seen?.reach ?? 'none' }).toEqual({ staff, places, seen: expected });
                if (seen?.reach === 'partial') {
                  const shown = [
                    ...listOwnedUnits(id, reach).map((u) => u.compound),
                    ...listMembershipsOf(id, reach).map((m) => m.scopeName ?? ''),
                  ];
                  const mine: readonly string[] = STAFF[staff].compounds;
                  expect(shown.filter((c) => !mine.includes(c))).toEqual([]);
                }
              }
            }
          }
        });
      }),
      { numRuns: Number(process.env.PEOPLE_RUNS ?? 60), seed: Number(process.env.PEOPLE_SEED ?? 20261201) },
    );
    console.log(`people reach property: ${steps} staff actions (${succeeded} succeeded) in random sequences`);
    expect(succeeded).toBeGreaterThan(steps / 10);
  }, 300_000);
});
