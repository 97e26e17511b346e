import type { AuditAction } from '../lib/audit/actions';
import { hashSync } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { chineseName, createRandom, type Random } from '../lib/random';
import type { AssignableRole, GuestKind, ScopeType } from '../lib/auth/roles';
import type { Db, Tx } from './client';
import { appendAudit } from './audit/append';
import { seedDemoAssembly } from './assembly/demo';
import { seedYear } from './demo/year';
import * as s from './schema';

/** Every demo account's password; listed in the README. */
export const DEMO_PASSWORD = 'yishi2026';

interface BuildingPlan {
  name: string;
  floors: number;
  entrances: number;
  doors: number;
  area: [number, number];
}

interface CompoundPlan {
  name: string;
  community: string;
  address: string;
  company: string;
  buildings: BuildingPlan[];
  developerUnsold?: number;
  /** Printed on activation letters. */
  hotline?: string;
}

const STREETS: Record<string, string[]> = {
  人民路街道: ['东港社区', '港湾社区'],
  老虎滩街道: ['中兴社区', '石道街社区'],
  葵英街道: ['林海社区', '葵英社区'],
  青泥洼桥街道: ['天津街社区'],
};

const walkup = (name: string, floors: number, entrances: number): BuildingPlan => ({
  name,
  floors,
  entrances,
  doors: 2,
  area: [45, 95],
});

const COMPOUNDS: CompoundPlan[] = [
  {
    name: '合和大院',
    hotline: '中兴社区服务站 0411-8265 3301',
    community: '中兴社区',
    address: '中山区老虎滩街道合和街12号',
    company: '安居物业服务有限公司',
    buildings: [walkup('1号楼', 6, 3), walkup('2号楼', 6, 2), walkup('3号楼', 6, 3), walkup('4号楼', 5, 2)],
  },
  {
    name: '双全楼院',
    hotline: '中兴社区服务站 0411-8265 3301',
    community: '中兴社区',
    address: '中山区老虎滩街道双全路3号',
    company: '安居物业服务有限公司',
    buildings: [walkup('双全楼', 4, 3)],
  },
  {
    name: '亿泰庄园',
    hotline: '林海社区服务站 0411-8271 6620',
    community: '林海社区',
    address: '中山区葵英街道林海路88号',
    company: '亿泰物业管理有限公司',
    buildings: [1, 2, 3].map((i) => ({ name: `${i}栋`, floors: 18, entrances: 2, doors: 2, area: [70, 140] })),
    developerUnsold: 22,
  },
  {
    name: '清华园',
    hotline: '林海社区服务站 0411-8271 6620',
    community: '林海社区',
    address: '中山区葵英街道清华街6号',
    company: '清华园红色物业服务中心',
    buildings: [1, 2, 3, 4, 5].map((i) => walkup(`${i}号楼`, 7, 2)),
  },
];

interface DemoAccount {
  mobile: string;
  name: string;
  party?: boolean;
  roles: { role: AssignableRole; scope: string; grid?: string; guestKind?: GuestKind }[];
  /** Units owned, as "compound/building/unit"; several entries with the same group are co-owners. */
  owns?: { unit: string; coOwnerGroup?: string; votes?: boolean }[];
  tenantOf?: string;
}

/** The demo accounts, one for every role (README lists them). Mobiles 1380000xxxx are fake on purpose. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { mobile: '13800000001', name: '王秋萍', party: true, roles: [{ role: 'branch_secretary', scope: 'c:合和大院' }] },
  {
    mobile: '13800000002',
    name: '曲晶',
    roles: [{ role: 'committee_chair', scope: 'c:合和大院' }],
    owns: [{ unit: '合和大院/1号楼/1单元201' }],
  },
  {
    mobile: '13800000003',
    name: '张丽萍',
    party: true,
    roles: [{ role: 'committee_member', scope: 'c:合和大院' }],
    owns: [{ unit: '合和大院/2号楼/1单元302' }],
  },
  {
    mobile: '13800000004',
    name: '刘建国',
    roles: [],
    owns: [{ unit: '合和大院/3号楼/1单元301' }, { unit: '合和大院/3号楼/2单元502' }],
  },
  {
    mobile: '13800000005',
    name: '陈志强',
    roles: [],
    owns: [{ unit: '合和大院/3号楼/2单元101', coOwnerGroup: 'chen-li', votes: true }],
  },
  {
    mobile: '13800000006',
    name: '李秀英',
    roles: [],
    owns: [{ unit: '合和大院/3号楼/2单元101', coOwnerGroup: 'chen-li' }],
  },
  {
    mobile: '13800000007',
    name: '赵敏',
    roles: [{ role: 'tenant', scope: 'c:合和大院' }],
    tenantOf: '合和大院/3号楼/3单元402',
  },
  {
    mobile: '13800000008',
    name: '孙立华',
    party: true,
    roles: [{ role: 'branch_member', scope: 'c:合和大院' }],
    owns: [{ unit: '合和大院/3号楼/1单元602' }],
  },
  { mobile: '13800000009', name: '周海燕', roles: [{ role: 'property_staff', scope: 'p:安居物业服务有限公司' }] },
  {
    mobile: '13800000010',
    name: '吴刚',
    party: true,
    roles: [
      { role: 'grid_worker', scope: 'c:合和大院', grid: '中兴社区第2网格' },
      { role: 'grid_worker', scope: 'c:双全楼院', grid: '中兴社区第2网格' },
    ],
  },
  { mobile: '13800000011', name: '郑丽', party: true, roles: [{ role: 'community_worker', scope: 'm:中兴社区' }] },
  { mobile: '13800000012', name: '钱伟', party: true, roles: [{ role: 'street_staff', scope: 's:老虎滩街道' }] },
  { mobile: '13800000013', name: '冯军', party: true, roles: [{ role: 'district_admin', scope: 'd:中山区' }] },
  {
    mobile: '13800000014',
    name: '韩梅',
    roles: [{ role: 'resident_rep', scope: 'c:合和大院' }],
    owns: [{ unit: '合和大院/4号楼/2单元301' }],
  },
  {
    mobile: '13800000015',
    name: '林志远',
    roles: [{ role: 'guest', scope: 'c:合和大院', guestKind: 'lawyer' }],
  },
  { mobile: '13800000016', name: '唐建华', roles: [{ role: 'property_staff', scope: 'p:亿泰物业管理有限公司' }] },
  { mobile: '13800000017', name: '许文斌', party: true, roles: [{ role: 'community_worker', scope: 'm:林海社区' }] },
  { mobile: '13800000018', name: '蒋玉兰', party: true, roles: [{ role: 'branch_secretary', scope: 'c:亿泰庄园' }] },
  {
    mobile: '13800000019',
    name: '杜晓东',
    roles: [{ role: 'committee_member', scope: 'c:合和大院' }],
    owns: [{ unit: '合和大院/1号楼/2单元401' }],
  },
  { mobile: '13800000020', name: '马春梅', roles: [], owns: [{ unit: '合和大院/2号楼/2单元501' }] },
  { mobile: '13800000021', name: '宋德福', roles: [], owns: [{ unit: '合和大院/4号楼/1单元102' }] },
];

const areaCenti = (r: Random, [lo, hi]: [number, number]) => r.int(lo * 100, hi * 100);

function unitNumber(entrance: number, floor: number, door: number) {
  return `${entrance}单元${floor}${String(door).padStart(2, '0')}`;
}

/**
 * Seeds the demo district into an empty database in one transaction. Returns false if not empty. With `year` (the
 * demo, the e2e server), the compounds other than 合和大院 also get a year of history (db/demo/year.ts); the unit
 * tests' harness leaves it out, so their figures stay their own.
 */
export function seedDemo(db: Db, opts: { year?: boolean } = {}): boolean {
  const existing = db.get<{ n: number }>(sql`select count(*) as n from districts`);
  if (existing && existing.n > 0) return false;
  const r = createRandom(20261127);
  const now = Date.now();
  const hash = hashSync(DEMO_PASSWORD);
  db.transaction((tx) => {
    seedInto(tx, r, now, hash);
    if (opts.year) seedYear(db.$client, now);
  });
  return true;
}

function seedInto(tx: Tx, r: Random, now: number, hash: string) {
  const district = tx.insert(s.districts).values({ name: '中山区' }).returning().get();
  const scopeIds = new Map<string, number>([['d:中山区', district.id]]);
  const communityIds = new Map<string, number>();
  for (const [streetName, communities] of Object.entries(STREETS)) {
    const street = tx.insert(s.streets).values({ districtId: district.id, name: streetName }).returning().get();
    scopeIds.set(`s:${streetName}`, street.id);
    for (const name of communities) {
      const c = tx.insert(s.communities).values({ streetId: street.id, name }).returning().get();
      communityIds.set(name, c.id);
      scopeIds.set(`m:${name}`, c.id);
    }
  }

  const unitIds = new Map<string, { id: number; compoundId: number }>();
  const companyIds = new Map<string, number>();
  for (const plan of COMPOUNDS) {
    const communityId = communityIds.get(plan.community);
    if (communityId === undefined) throw new Error(`unknown community ${plan.community}`);
    const compound = tx
      .insert(s.compounds)
      .values({ communityId, name: plan.name, address: plan.address, hotline: plan.hotline ?? '' })
      .returning()
      .get();
    scopeIds.set(`c:${plan.name}`, compound.id);
    let companyId = companyIds.get(plan.company);
    if (companyId === undefined) {
      companyId = tx.insert(s.propertyCompanies).values({ name: plan.company }).returning().get().id;
      companyIds.set(plan.company, companyId);
      scopeIds.set(`p:${plan.company}`, companyId);
    }
    tx.insert(s.compoundServices).values({ compoundId: compound.id, companyId }).run();
    for (const b of plan.buildings) {
      const building = tx
        .insert(s.buildings)
        .values({ compoundId: compound.id, name: b.name, floors: b.floors })
        .returning()
        .get();
      for (let e = 1; e <= b.entrances; e++) {
        for (let f = 1; f <= b.floors; f++) {
          for (let d = 1; d <= b.doors; d++) {
            const number = unitNumber(e, f, d);
            const loft = f === b.floors && r.chance(0.3);
            const unit = tx
              .insert(s.units)
              .values({
                buildingId: building.id,
                compoundId: compound.id,
                number,
                floor: f,
                areaCenti: loft ? r.int(15000, 20000) : areaCenti(r, b.area),
                areaSource: r.chance(0.9) ? 'register' : r.pick(['survey', 'contract'] as const),
              })
              .returning({ id: s.units.id })
              .get();
            unitIds.set(`${plan.name}/${b.name}/${number}`, { id: unit.id, compoundId: compound.id });
          }
        }
      }
    }
  }

  const personIds = new Map<string, number>();
  const addPerson = (mobile: string, name: string, party: boolean, withLogin: boolean) => {
    const id = tx
      .insert(s.people)
      .values({ mobile, name, partyMember: party, passwordHash: withLogin ? hash : null })
      .returning({ id: s.people.id })
      .get().id;
    personIds.set(mobile, id);
    return id;
  };

  // Demo accounts and the units they hold.
  const claimed = new Set<string>();
  const coOwners = new Map<string, { unit: string; members: number[]; voter?: number; names: string[] }>();
  for (const a of DEMO_ACCOUNTS) {
    const id = addPerson(a.mobile, a.name, a.party ?? false, true);
    for (const o of a.owns ?? []) {
      claimed.add(o.unit);
      if (o.coOwnerGroup) {
        const g = coOwners.get(o.coOwnerGroup) ?? { unit: o.unit, members: [], names: [] };
        g.members.push(id);
        g.names.push(a.name);
        if (o.votes) g.voter = id;
        coOwners.set(o.coOwnerGroup, g);
      }
    }
    for (const role of a.roles) {
      const scopeType = ({ c: 'compound', p: 'company', m: 'community', s: 'street', d: 'district' } as const)[
        role.scope.slice(0, 1) as 'c' | 'p' | 'm' | 's' | 'd'
      ] satisfies ScopeType;
      const scopeId = scopeIds.get(role.scope);
      if (scopeId === undefined) throw new Error(`unknown scope ${role.scope}`);
      const unitId = role.role === 'tenant' && a.tenantOf ? unitIds.get(a.tenantOf)?.id : undefined;
      tx.insert(s.memberships)
        .values({
          personId: id,
          role: role.role,
          scopeType,
          scopeId,
          grid: role.grid,
          guestKind: role.guestKind,
          unitId,
        })
        .run();
    }
  }

  const setHolder = (unitKey: string, holderId: number) => {
    const u = unitIds.get(unitKey);
    if (!u) throw new Error(`unknown unit ${unitKey}`);
    tx.update(s.units).set({ holderId }).where(sql`id = ${u.id}`).run();
  };
  const newHolder = (compoundId: number, kind: 'person' | 'co_owners' | 'developer', key: string, name: string) =>
    tx.insert(s.holders).values({ compoundId, kind, key, name }).returning({ id: s.holders.id }).get().id;

  for (const a of DEMO_ACCOUNTS) {
    const personId = personIds.get(a.mobile);
    const own = (a.owns ?? []).filter((o) => !o.coOwnerGroup);
    if (!personId || own.length === 0) continue;
    const first = unitIds.get(own[0]?.unit ?? '');
    if (!first) throw new Error(`unknown unit for ${a.name}`);
    const holderId = newHolder(first.compoundId, 'person', `p:${a.mobile}`, a.name);
    tx.update(s.holders).set({ voterPersonId: personId }).where(sql`id = ${holderId}`).run();
    tx.insert(s.holderMembers).values({ holderId, personId }).run();
    for (const o of own) setHolder(o.unit, holderId);
  }
  for (const g of coOwners.values()) {
    const u = unitIds.get(g.unit);
    if (!u) throw new Error(`unknown unit ${g.unit}`);
    const mobiles = DEMO_ACCOUNTS.filter((a) => g.members.includes(personIds.get(a.mobile) ?? -1)).map((a) => a.mobile);
    const holderId = newHolder(u.compoundId, 'co_owners', `c:${mobiles.sort().join(',')}`, g.names.join('、'));
    tx.update(s.holders)
      .set({ voterPersonId: g.voter ?? null })
      .where(sql`id = ${holderId}`)
      .run();
    for (const m of g.members) tx.insert(s.holderMembers).values({ holderId, personId: m }).run();
    setHolder(g.unit, holderId);
  }

  // Everyone else: owners from the register, without accounts yet; the developer's unsold flats.
  let nextMobile = 13800001000;
  const developerHolders = new Map<number, number>();
  const unsold = new Set<string>();
  for (const plan of COMPOUNDS) {
    if (!plan.developerUnsold) continue;
    const keys = [...unitIds.keys()].filter((k) => k.startsWith(`${plan.name}/`) && !claimed.has(k));
    for (const k of keys.slice(-plan.developerUnsold)) unsold.add(k);
  }
  for (const [key, u] of unitIds) {
    if (claimed.has(key)) continue;
    if (unsold.has(key)) {
      let devId = developerHolders.get(u.compoundId);
      if (devId === undefined) {
        devId = newHolder(u.compoundId, 'developer', 'd', '亿泰房地产开发有限公司');
        developerHolders.set(u.compoundId, devId);
      }
      setHolder(key, devId);
      continue;
    }
    const mobile = String(nextMobile++);
    const name = chineseName(r);
    const personId = addPerson(mobile, name, r.chance(0.12), false);
    const holderId = newHolder(u.compoundId, 'person', `p:${mobile}`, name);
    tx.update(s.holders).set({ voterPersonId: personId }).where(sql`id = ${holderId}`).run();
    tx.insert(s.holderMembers).values({ holderId, personId }).run();
    setHolder(key, holderId);
  }

  nameRegisterOwners(tx, unitIds);

  seedHistory(tx, now, {
    compoundId: scopeIds.get('c:双全楼院'),
    companyId: scopeIds.get('p:安居物业服务有限公司'),
    staffId: personIds.get('13800000009'),
  });

  // An owners' assembly in its notice period, away from 合和大院's walk-through (db/assembly/demo.ts).
  const yitai = scopeIds.get('c:亿泰庄园');
  if (yitai !== undefined) seedDemoAssembly(tx, now, yitai);

  appendAudit(tx, {
    compoundId: null,
    actorId: null,
    at: now,
    entity: 'system',
    action: 'seed_demo',
    data: { compounds: COMPOUNDS.length, units: unitIds.size, accounts: DEMO_ACCOUNTS.length },
  });
}

/**
 * Register owners without accounts whom the activation stories and the README name: 王淑芬 of 3号楼1单元101, and the
 * co-owners 周建平 and 吴丽华 of 3号楼3单元201 (周建平 votes). Renamed after the register is filled, so the random
 * names of everyone else stay as they were.
 */
function nameRegisterOwners(tx: Tx, unitIds: Map<string, { id: number; compoundId: number }>) {
  const holderOf = (unit: string) => {
    const u = unitIds.get(unit);
    const row =
      u &&
      tx.get<{ holderId: number; personId: number }>(sql`
      select h.id as holderId, hm.person_id as personId from units u join holders h on h.id = u.holder_id
        join holder_members hm on hm.holder_id = h.id where u.id = ${u.id}`);
    if (!u || !row) throw new Error(`demo register: ${unit} has no owner`);
    return { ...row, compoundId: u.compoundId };
  };
  const single = holderOf('合和大院/3号楼/1单元101');
  tx.run(sql`update people set name = '王淑芬' where id = ${single.personId}`);
  tx.run(sql`update holders set name = '王淑芬' where id = ${single.holderId}`);
  const shared = holderOf('合和大院/3号楼/3单元201');
  const first = tx.get<{ mobile: string }>(sql`select mobile from people where id = ${shared.personId}`)?.mobile ?? '';
  const second = tx
    .insert(s.people)
    .values({ mobile: '13800002002', name: '吴丽华' })
    .returning({ id: s.people.id })
    .get().id;
  tx.run(sql`update people set name = '周建平' where id = ${shared.personId}`);
  tx.run(sql`update holders set kind = 'co_owners', key = ${`c:${[first, '13800002002'].sort().join(',')}`},
             name = '周建平、吴丽华' where id = ${shared.holderId}`);
  tx.insert(s.holderMembers).values({ holderId: shared.holderId, personId: second }).run();
}

/**
 * A little history so the demo's lists are not empty on day one: in 双全楼院, a resident's small
 * matter (stair lights out) went straight to 安居物业, who accepted it and are 40% through. Written
 * like the app writes it: the topic, its task and updates, and an audit entry per move.
 */
function seedHistory(tx: Tx, now: number, ids: { compoundId?: number; companyId?: number; staffId?: number }) {
  const { compoundId, companyId, staffId } = ids;
  if (compoundId === undefined || companyId === undefined || staffId === undefined) {
    throw new Error('demo history: 双全楼院, 安居物业 or 周海燕 is missing');
  }
  const author = tx.get<{ id: number; buildingId: number }>(sql`
    select hm.person_id as id, u.building_id as buildingId from holder_members hm
      join holders h on h.id = hm.holder_id join units u on u.holder_id = h.id
     where h.compound_id = ${compoundId} order by hm.person_id limit 1`);
  if (!author) throw new Error('demo history: 双全楼院 has no owners');
  const hour = 3_600_000;
  const raisedAt = now - 50 * hour;
  const topicId = tx
    .insert(s.topics)
    .values({
      compoundId,
      buildingId: author.buildingId,
      authorId: author.id,
      title: '双全楼2单元楼道灯不亮',
      description: '2单元三楼到六楼的楼道灯坏了一周，晚上上下楼看不见，老人容易摔倒。',
      category: 'repairs',
      status: 'in_progress',
      routedCompanyId: companyId,
      createdAt: raisedAt,
      activityAt: now - 20 * hour,
      reviewedAt: raisedAt + hour,
    })
    .returning({ id: s.topics.id })
    .get().id;
  tx.insert(s.topicFollows).values({ topicId, personId: author.id, createdAt: raisedAt }).run();
  const taskId = tx
    .insert(s.tasks)
    .values({
      compoundId,
      topicId,
      party: 'property',
      companyId,
      deadlineAt: raisedAt + 7 * 24 * hour,
      createdAt: raisedAt + hour,
      acceptedAt: now - 40 * hour,
      acceptedBy: staffId,
      percent: 40,
    })
    .returning({ id: s.tasks.id })
    .get().id;
  const updates = [
    { kind: 'accepted' as const, body: '已安排电工查看线路。', percent: 0, at: now - 40 * hour },
    { kind: 'progress' as const, body: '三楼、四楼灯具已更换，五楼六楼等配件到货。', percent: 40, at: now - 20 * hour },
  ];
  for (const u of updates) {
    tx.insert(s.taskUpdates)
      .values({
        compoundId,
        topicId,
        taskId,
        authorId: staffId,
        kind: u.kind,
        body: u.body,
        percent: u.percent,
        createdAt: u.at,
      })
      .run();
  }
  const audit = (
    actorId: number | null,
    at: number,
    action: AuditAction,
    from: string | null,
    to: string | null,
    data?: unknown,
  ) =>
    appendAudit(tx, {
      compoundId,
      actorId,
      at,
      entity: 'topic',
      entityId: topicId,
      action,
      fromState: from,
      toState: to,
      data,
    });
  audit(author.id, raisedAt, 'raise', null, 'raised', {
    title: '双全楼2单元楼道灯不亮',
    category: 'repairs',
    photos: 0,
  });
  // Routed before the compound had a branch secretary on the platform: no named reviewer.
  audit(null, raisedAt + hour, 'route_small_matter', 'raised', 'small_matter', { routedCompanyId: companyId });
  audit(staffId, now - 40 * hour, 'accept_task', 'small_matter', 'in_progress');
  audit(staffId, now - 20 * hour, 'progress', null, null, { percent: 40, photos: 0 });
}
