/**
 * The authorization matrix with people as the objects: every person-administration action, by staff
 * of this community, another community, the street and the district (and a branch secretary, who is
 * not staff), on a person wholly within, partly within and outside the staff member's reach, with and
 * without an account. The expected answer comes from a model of reach written here, independently of
 * the SQL in db/people/reach.ts: a person is within reach when every compound they hold a
 * unit in and every role they hold lies in the places the staff member looks after.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import { getPersonInReach, listMembershipsOf, listOwnedUnits, searchPeople } from '../db/people/find';
import { staffReach } from '../lib/auth/permissions';
import {
  actAs,
  currentActor,
  form,
  one,
  outcomeOf,
  personId,
  rolledBack,
  setupDatabase,
  teardownDatabase,
  totalChanges,
} from './harness';

vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const { peopleAdmin, compoundAdmin, transfers, corrections } = await import('./action-fixtures');
const { fileCorrection } = await import('../db/households/privacy');

/** Staff and where their reach lies, as the model sees it (demo district: see db/seed.ts). */
const ACTORS = {
  community: { mobile: '13800000011', compounds: ['合和大院', '双全楼院'] }, // 中兴社区
  otherCommunity: { mobile: '13800000017', compounds: ['亿泰庄园', '清华园'] }, // 林海社区
  street: { mobile: '13800000012', compounds: ['合和大院', '双全楼院'] }, // 老虎滩街道
  district: { mobile: '13800000013', compounds: ['合和大院', '双全楼院', '亿泰庄园', '清华园'] },
  secretary: { mobile: '13800000001', compounds: [] as string[] }, // not staff
} as const;
type Actor = keyof typeof ACTORS;

/** Where each target person holds a unit, and a guest role, by compound name. */
const PLACES = {
  inside: { units: ['合和大院'], roles: [] as string[] },
  partly: { units: ['合和大院'], roles: ['亿泰庄园'] },
  outside: { units: ['亿泰庄园'], roles: [] as string[] },
} as const;
type Placement = keyof typeof PLACES;

interface Target {
  label: string;
  placement: Placement;
  account: boolean;
  id: number;
  name: string;
  mobile: string;
}
const targets: Target[] = [];

type Reach = 'whole' | 'partial' | 'none';
function modelReach(actor: Actor, placement: Placement): Reach {
  const mine = new Set<string>(ACTORS[actor].compounds);
  const places = [...PLACES[placement].units, ...PLACES[placement].roles];
  const inside = places.filter((p) => mine.has(p)).length;
  return inside === places.length ? 'whole' : inside > 0 ? 'partial' : 'none';
}

const compoundId = (name: string) => one<{ id: number }>(sql`select id from compounds where name = ${name}`).id;

/** The compound of the actor's own where grants and imports go: the first of their places. */
function homeOf(actor: Actor): number {
  return compoundId(ACTORS[actor].compounds[0] ?? '合和大院');
}

let seq = 0;
function makeTarget(placement: Placement, account: boolean): Target {
  const db = getDb();
  seq++;
  const mobile = `1391000${String(seq).padStart(4, '0')}`;
  const name = `测试${'甲乙丙丁戊己庚辛'[seq % 8]}${seq}`;
  const id = one<{ id: number }>(sql`
    insert into people (name, mobile, password_hash, created_at)
    values (${name}, ${mobile}, ${account ? 'not-a-real-hash' : null}, 0) returning id`).id;
  for (const c of PLACES[placement].units) {
    const cid = compoundId(c);
    const building = one<{ id: number }>(sql`select id from buildings where compound_id = ${cid} order by id limit 1`);
    const holder = one<{ id: number }>(sql`
      insert into holders (compound_id, kind, key, name, voter_person_id)
      values (${cid}, 'person', ${`p:${mobile}`}, ${name}, ${id}) returning id`).id;
    db.run(sql`insert into holder_members (holder_id, person_id) values (${holder}, ${id})`);
    db.run(sql`insert into units (building_id, compound_id, number, floor, area_centi, area_source, holder_id)
               values (${building.id}, ${cid}, ${`T${seq}`}, 1, 8000, 'register', ${holder})`);
  }
  for (const c of PLACES[placement].roles) {
    db.run(sql`insert into memberships (person_id, role, scope_type, scope_id, guest_kind, created_at)
               values (${id}, 'guest', 'compound', ${compoundId(c)}, 'volunteer', 0)`);
  }
  return { label: `${placement}, ${account ? 'with' : 'without'} account`, placement, account, id, name, mobile };
}

beforeAll(() => {
  setupDatabase();
  for (const placement of Object.keys(PLACES) as Placement[]) {
    for (const account of [false, true]) targets.push(makeTarget(placement, account));
  }
});

let cases = 0;
afterAll(() => {
  console.log(
    `people matrix: ${ACTION_NAMES.length} person-administration actions × ${Object.keys(ACTORS).length} actors × ${targets.length} people = ${cases} cases`,
  );
  teardownDatabase();
});

type Got = 'ok' | 'refused' | 'notFound' | 'limited' | 'full' | 'found' | 'hidden';

interface Action {
  name: string;
  expected: (reach: Reach, t: Target, actor: Actor) => Got;
  run: (t: Target, actor: Actor) => Promise<Got>;
}

const isStaff = (a: Actor) => a !== 'secretary';
const PASSWORD = 'Neue-Passwort-2026';

async function outcome(run: () => Promise<unknown>): Promise<Got> {
  const { outcome } = await outcomeOf(run);
  return outcome === 'ok' ? 'ok' : outcome === 'notFound' ? 'notFound' : 'refused';
}

function importCsv(actor: Actor, t: Target, name: string) {
  const building = one<{ name: string }>(
    sql`select name from buildings where compound_id = ${homeOf(actor)} order by id limit 1`,
  ).name;
  const csv = `楼栋,户号,楼层,面积,面积来源,产权类型,业主\n${building},M${t.id},9,88.5,register,person,${name}:${t.mobile}\n`;
  return compoundAdmin.importUnitsAction(
    homeOf(actor),
    null,
    form({ file: new File([csv], 'units.csv', { type: 'text/csv' }) }),
  );
}

/** A change of owner naming the person as the new holder of a unit in the actor's own compound. */
function transferTo(actor: Actor, t: Target) {
  const unit = one<{ buildingId: number; number: string }>(sql`select u.building_id as buildingId, u.number from units u
    join buildings b on b.id = u.building_id where b.compound_id = ${homeOf(actor)} and u.holder_id is not null
      and u.holder_id not in (select holder_id from holder_members where person_id = ${t.id}) order by u.id desc limit 1`);
  return transfers.recordTransferAction(
    homeOf(actor),
    null,
    form({
      buildingId: unit.buildingId,
      unit: unit.number,
      effective: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      owners: `${t.name}:${t.mobile}`,
    }),
  );
}

/** Each target's open correction request (made once, before the cases). */
const correctionOf = new Map<number, number>();

const ACTIONS: Action[] = [
  {
    name: 'find by name',
    expected: (r, _t, a) => (isStaff(a) && r !== 'none' ? 'found' : 'hidden'),
    run: async (t) => {
      const actor = currentActor();
      if (!actor) throw new Error('signed out');
      return searchPeople(t.name, staffReach(actor)).some((p) => p.id === t.id) ? 'found' : 'hidden';
    },
  },
  {
    name: 'find by full mobile',
    expected: (r, _t, a) => (isStaff(a) && r !== 'none' ? 'found' : 'hidden'),
    run: async (t) => {
      const actor = currentActor();
      if (!actor) throw new Error('signed out');
      return searchPeople(t.mobile, staffReach(actor)).some((p) => p.id === t.id) ? 'found' : 'hidden';
    },
  },
  {
    name: 'view the person',
    expected: (r, _t, a) => (!isStaff(a) || r === 'none' ? 'notFound' : r === 'whole' ? 'full' : 'limited'),
    run: async (t, a) => {
      const actor = currentActor();
      if (!actor) throw new Error('signed out');
      const reach = staffReach(actor);
      const p = getPersonInReach(t.id, reach);
      if (!p) return 'notFound';
      if (p.reach === 'whole') return 'full';
      // The limited view shows nothing of the person's places outside the staff member's reach.
      const shown = [
        ...listOwnedUnits(t.id, reach).map((u) => u.compound),
        ...listMembershipsOf(t.id, reach).map((m) => m.scopeName ?? ''),
      ];
      const mine: readonly string[] = ACTORS[a].compounds;
      return shown.every((c) => mine.includes(c)) ? 'limited' : 'full';
    },
  },
  {
    name: 'open (activate) their account',
    expected: (r, t, a) => (isStaff(a) && r === 'whole' && !t.account ? 'ok' : 'refused'),
    run: (t) =>
      outcome(() =>
        peopleAdmin.createAccountAction(null, form({ name: t.name, mobile: t.mobile, password: PASSWORD })),
      ),
  },
  {
    name: 'reset their password',
    expected: (r, _t, a) => (!isStaff(a) ? 'refused' : r === 'whole' ? 'ok' : r === 'partial' ? 'refused' : 'notFound'),
    run: (t) => outcome(() => peopleAdmin.resetPasswordAction(null, form({ personId: t.id, password: PASSWORD }))),
  },
  {
    name: 'give a role by id',
    // Non-staff are refused outright; staff find nobody by id outside their reach.
    expected: (r, _t, a) => (!isStaff(a) ? 'refused' : r === 'none' ? 'notFound' : 'ok'),
    run: (t, a) =>
      outcome(() =>
        peopleAdmin.grantRoleAction(null, form({ personId: t.id, role: 'resident_rep', scopeId: homeOf(a) })),
      ),
  },
  {
    name: 'give a role by full mobile and the right name',
    expected: (_r, _t, a) => (isStaff(a) ? 'ok' : 'refused'),
    run: (t, a) =>
      outcome(() =>
        peopleAdmin.grantRoleAction(
          null,
          form({ mobile: t.mobile, name: t.name, role: 'resident_rep', scopeId: homeOf(a) }),
        ),
      ),
  },
  {
    name: 'give a role by full mobile and a wrong name',
    expected: () => 'refused',
    run: (t, a) =>
      outcome(() =>
        peopleAdmin.grantRoleAction(
          null,
          form({ mobile: t.mobile, name: `${t.name}X`, role: 'resident_rep', scopeId: homeOf(a) }),
        ),
      ),
  },
  {
    name: 'import a unit onto them',
    // A new holder would hand the person over: only when wholly within reach. Another unit for the
    // holder they already are in this compound adds no one.
    expected: (r, t, a) =>
      isStaff(a) &&
      (r === 'whole' || (PLACES[t.placement].units as readonly string[]).includes(ACTORS[a].compounds[0] ?? ''))
        ? 'ok'
        : 'refused',
    run: (t, a) => outcome(() => importCsv(a, t, t.name)),
  },
  {
    // A change of owner hands a unit's vote to the person: only staff over the compound who wholly reach them.
    name: 'record a change of owner to them',
    expected: (r, _t, a) => (isStaff(a) && r === 'whole' ? 'ok' : 'refused'),
    run: (t, a) => outcome(() => transferTo(a, t)),
  },
  {
    // Staff answer the correction requests of the people they see; people elsewhere are not found.
    name: 'answer their correction request',
    expected: (r, _t, a) => (!isStaff(a) ? 'refused' : r === 'none' ? 'notFound' : 'ok'),
    run: (t) =>
      outcome(() =>
        corrections.answerCorrectionAction(null, form({ requestId: correctionOf.get(t.id) ?? 0, answer: '已核实。' })),
      ),
  },
  {
    name: 'import a unit onto their mobile with a wrong name',
    expected: () => 'refused',
    run: (t, a) => outcome(() => importCsv(a, t, `${t.name}X`)),
  },
];
const ACTION_NAMES = ACTIONS.map((a) => a.name);

beforeAll(() => {
  for (const t of targets)
    correctionOf.set(t.id, fileCorrection(t.id, { topic: 'area', unitId: null, body: '面积不对。' }, Date.now()));
});

const lookupMisses = () =>
  (getDb()
    .$client.prepare(`select count(*) from login_failures where key like 'grant-lookup:%'`)
    .pluck()
    .get() as number) ?? 0;

describe('people as objects of administration', () => {
  for (const action of ACTIONS) {
    it(action.name, async () => {
      const wrong: unknown[] = [];
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        actAs(personId(ACTORS[actor].mobile));
        for (const t of targets) {
          const reach = modelReach(actor, t.placement);
          const expected = action.expected(isStaff(actor) ? reach : 'none', t, actor);
          const { got, wrote } = await rolledBack(async () => {
            const before = totalChanges();
            const missesBefore = lookupMisses();
            const got = await action.run(t, actor);
            // A look-up by mobile and name that misses is counted against the staff member's daily
            // limit: bookkeeping about the actor, not a change to anyone.
            return { got, wrote: totalChanges() - before - (lookupMisses() - missesBefore) };
          });
          cases++;
          if (got !== expected || (got !== 'ok' && wrote !== 0)) {
            wrong.push({ actor, target: t.label, reach, expected, got, wrote });
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('what the answers reveal', () => {
  it('an import naming someone outside reach with a wrong name does not tell their registered name', async () => {
    const t = targets.find((x) => x.placement === 'outside' && !x.account);
    if (!t) throw new Error('no target');
    actAs(personId(ACTORS.community.mobile));
    const res = await rolledBack(() => importCsv('community', t, '别人'));
    expect(res.ok).toBe(false);
    expect(JSON.stringify(res)).not.toContain(t.name);
  });

  it('the limited view of someone partly within reach shows only the staff member’s own places', () => {
    const t = targets.find((x) => x.placement === 'partly');
    if (!t) throw new Error('no target');
    actAs(personId(ACTORS.community.mobile));
    const actor = currentActor();
    if (!actor) throw new Error('signed out');
    const reach = staffReach(actor);
    expect(getPersonInReach(t.id, reach)?.reach).toBe('partial');
    expect(listOwnedUnits(t.id, reach).map((u) => u.compound)).toEqual(['合和大院']);
    expect(listMembershipsOf(t.id, reach)).toEqual([]); // the guest role in 亿泰庄园 stays hidden
    expect(listMembershipsOf(t.id).map((m) => m.scopeName)).toEqual(['亿泰庄园']);
  });
});
