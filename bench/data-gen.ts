/**
 * npm run bench:data — a district-scale database for the benchmarks, reproducible from a seed.
 *
 * Full scale (BENCH_SCALE=1): 4 streets, 30 communities, 214 compounds, 980 buildings, 150,000 units
 * with areas and holders, 200,000 people; 50,000 topics across every stage, 500,000 comments (one
 * topic with 2,000, the benchmark's topic with 200), 2,000 votes with their frozen electorates and
 * ballots, among them a closed owners' decision of 10,000 holders and an open one for casting; decisions,
 * tasks and progress for the topics in follow-through; an audit trail. Built on the real schema and
 * migrations, into bench/data/district/yishi.db (never the demo database), with a manifest of the ids
 * and sessions the benchmark uses.
 *
 * Options (environment): BENCH_SCALE (1), BENCH_SEED (20261127), BENCH_DATA_DIR (bench/data/district).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chineseName, createRandom } from '../lib/random';
import { tick } from '../server/clock';
import { type HistoryCompound, historyWriter } from '../db/demo/history';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SEED = Number(process.env.BENCH_SEED ?? 20261127);
const OUT = path.resolve(process.env.BENCH_DATA_DIR ?? 'bench/data/district');
const FILE = path.join(OUT, 'yishi.db');
process.env.DATABASE_PATH = FILE;

const scaled = (full: number, min: number) => Math.max(min, Math.round(full * SCALE));
const N = {
  streets: 4,
  communities: scaled(30, 4),
  compounds: scaled(214, 5),
  buildings: scaled(980, 12),
  units: scaled(150_000, 600),
  people: scaled(200_000, 900),
  topics: scaled(50_000, 300),
  comments: scaled(500_000, 3_000),
  votes: scaled(2_000, 20),
  bigHolders: scaled(10_000, 200),
  hotComments: scaled(2_000, 50),
  pageComments: 200,
  companies: scaled(40, 3),
};

async function main() {
  const t0 = performance.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const { getDb } = await import('../db/client');
  const { migrateDatabase } = await import('../db/migrate');
  const db = getDb();
  migrateDatabase(db);
  const raw = db.$client;
  // Built once, offline: no need to fsync every transaction while generating.
  raw.pragma('synchronous = OFF');
  const r = createRandom(SEED);
  const now = Date.UTC(2026, 10, 27, 2, 0);
  const DAY = 86_400_000;

  const ins = (table: string, cols: string[]) => {
    const st = raw.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => Number(st.run(...values).lastInsertRowid);
  };
  const person = ins('people', ['name', 'mobile', 'party_member', 'created_at']);
  let mobile = 15_000_000_000;
  const newPerson = () => person(chineseName(r), String(mobile++), r.chance(0.1) ? 1 : 0, now - r.int(30, 900) * DAY);
  const membership = ins('memberships', [
    'person_id',
    'role',
    'scope_type',
    'scope_id',
    'grid',
    'unit_id',
    'created_at',
  ]);

  // ── Places, companies, staff ──
  const places = raw.transaction(() => {
    const district = ins('districts', ['name'])('基准区');
    membership(newPerson(), 'district_admin', 'district', district, null, null, now);
    const streets = ['海滨街道', '中心街道', '北山街道', '西岗街道'].map((name) => {
      const id = ins('streets', ['district_id', 'name'])(district, name);
      for (let i = 0; i < 2; i++) membership(newPerson(), 'street_staff', 'street', id, null, null, now);
      return id;
    });
    const communities = Array.from({ length: N.communities }, (_, i) => {
      const id = ins('communities', ['street_id', 'name'])(streets[i % streets.length], `第${i + 1}社区`);
      for (let k = 0; k < 2; k++) membership(newPerson(), 'community_worker', 'community', id, null, null, now);
      return id;
    });
    const companies = Array.from({ length: N.companies }, (_, i) => {
      const id = ins('property_companies', ['name'])(`第${i + 1}物业服务有限公司`);
      const staff = Array.from({ length: 3 }, () => newPerson());
      for (const p of staff) membership(p, 'property_staff', 'company', id, null, null, now);
      return { id, staff };
    });
    return { district, streets, communities, companies };
  })();

  // ── Compounds, buildings, units, holders, residents ──
  interface Compound {
    id: number;
    companyId: number;
    units: { id: number; holderId: number }[];
    residents: number[];
    secretary: number;
    chair: number;
  }
  const compounds: Compound[] = [];
  const building = ins('buildings', ['compound_id', 'name', 'floors']);
  const unit = ins('units', [
    'building_id',
    'compound_id',
    'number',
    'floor',
    'area_centi',
    'area_source',
    'holder_id',
  ]);
  const holder = ins('holders', ['compound_id', 'kind', 'key', 'name', 'voter_person_id']);
  const holderMember = ins('holder_members', ['holder_id', 'person_id']);
  const setHolder = raw.prepare('update units set holder_id = ? where id = ?');
  let personCount = (raw.prepare('select count(*) as n from people').get() as { n: number }).n;
  const otherUnits = N.units - N.bigHolders;
  const otherBuildings = N.buildings - Math.ceil(N.bigHolders / 250);
  raw.transaction(() => {
    for (let c = 0; c < N.compounds; c++) {
      const big = c === 0;
      const communityId = places.communities[c % places.communities.length] ?? 0;
      const company = places.companies[c % places.companies.length];
      if (!company) throw new Error('no company');
      const id = ins('compounds', ['community_id', 'name', 'address'])(
        communityId,
        big ? '基准大院' : `第${c + 1}小区`,
        `基准路${c + 1}号`,
      );
      ins('compound_services', ['compound_id', 'company_id'])(id, company.id);
      const unitCount = big
        ? N.bigHolders
        : Math.floor(otherUnits / (N.compounds - 1)) + (c - 1 < otherUnits % (N.compounds - 1) ? 1 : 0);
      const buildingCount = big
        ? Math.ceil(N.bigHolders / 250)
        : Math.max(
            1,
            Math.floor(otherBuildings / (N.compounds - 1)) + (c - 1 < otherBuildings % (N.compounds - 1) ? 1 : 0),
          );
      const bIds = Array.from({ length: buildingCount }, (_, b) => building(id, `${b + 1}号楼`, 18));
      const units: { id: number; holderId: number }[] = [];
      const residents: number[] = [];
      let devHolder = 0;
      for (let u = 0; u < unitCount; u++) {
        const b = bIds[u % bIds.length] ?? 0;
        const k = Math.floor(u / bIds.length);
        // 36 flats per entrance: 18 floors, two doors each.
        const floor = Math.floor((k % 36) / 2) + 1;
        const uid = unit(
          b,
          id,
          `${Math.floor(k / 36) + 1}单元${floor}${String((k % 2) + 1).padStart(2, '0')}`,
          floor,
          r.int(4500, 14000),
          'register',
          null,
        );
        // Most holders own one unit; some two; a few flats are co-owned; unsold ones stay with the developer.
        let hid: number;
        if (!big && r.chance(0.02)) {
          devHolder ||= holder(id, 'developer', 'd', '基准房地产开发有限公司', null);
          hid = devHolder;
        } else if (!big && units.length > 0 && r.chance(0.08)) {
          hid = (units[units.length - 1] as { holderId: number }).holderId;
        } else if (!big && r.chance(0.05)) {
          const a = newPerson();
          const bPerson = newPerson();
          personCount += 2;
          hid = holder(id, 'co_owners', `co:${a}`, '共有', a);
          holderMember(hid, a);
          holderMember(hid, bPerson);
          residents.push(a, bPerson);
        } else {
          const p = newPerson();
          personCount++;
          hid = holder(id, 'person', `p:${p}`, `业主${p}`, p);
          holderMember(hid, p);
          residents.push(p);
        }
        setHolder.run(hid, uid);
        units.push({ id: uid, holderId: hid });
      }
      // Tenants in one flat of ten.
      for (let u = 0; u < units.length; u += 10) {
        const p = newPerson();
        personCount++;
        membership(p, 'tenant', 'compound', id, null, units[u]?.id ?? null, now);
        residents.push(p);
      }
      // The 1+3 of the compound: a branch secretary, the owners' committee, a grid worker.
      const secretary = newPerson();
      personCount++;
      membership(secretary, 'branch_secretary', 'compound', id, null, null, now);
      const chair = residents[0] ?? secretary;
      membership(chair, 'committee_chair', 'compound', id, null, null, now);
      const members = [residents[1], residents[2]].filter((p): p is number => p !== undefined);
      for (const m of members) membership(m, 'committee_member', 'compound', id, null, null, now);
      membership(newPerson(), 'grid_worker', 'compound', id, `第${c + 1}网格`, null, now);
      personCount++;
      compounds.push({ id, companyId: company.id, units, residents, secretary, chair });
    }
    // Family members and others without a holding or a role, up to the district's number of people.
    while (personCount < N.people) {
      newPerson();
      personCount++;
    }
  })();
  const big = compounds[0] as Compound;
  console.log(`places and people: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // ── Topics, comments, positions, follow-through, audit (db/demo/history.ts, shared with the demo) ──
  const history = historyWriter(raw, r, now);
  const hc = (c: Compound): HistoryCompound => ({
    ...c,
    companyStaff: places.companies.find((p) => p.id === c.companyId)?.staff ?? [],
  });
  const topic = ins('topics', [
    'compound_id',
    'author_id',
    'title',
    'description',
    'category',
    'status',
    'routed_company_id',
    'cosign_count',
    'comment_count',
    'created_at',
    'activity_at',
    'reviewed_at',
  ]);

  // How many topics each compound gets: the big compound a tenth, the rest shared by size.
  const bigTopics = Math.round(N.topics * 0.06);
  const perCompound = compounds.map((_, i) => (i === 0 ? bigTopics : 0));
  for (let i = 0; i < N.topics - bigTopics; i++) {
    const idx = 1 + (i % (compounds.length - 1));
    perCompound[idx] = (perCompound[idx] ?? 0) + 1;
  }
  const special = { hot: 0, page: 0 };
  const votingTopics: { compound: Compound; id: number; status: string }[] = [];
  const commentBudget = N.comments - N.hotComments - N.pageComments;
  const avgComments = commentBudget / N.topics;
  let commentsMade = 0;
  raw.transaction(() => {
    compounds.forEach((c, ci) => {
      const count = perCompound[ci] ?? 0;
      for (let i = 0; i < count; i++) {
        const first = ci === 0 && i === 0;
        const second = ci === 0 && i === 1;
        const status = first || second ? 'deliberating' : history.stageOf();
        let nComments = 0;
        const id = history.topic(hc(c), {
          status,
          titlePrefix: first ? '【热议】' : '',
          comments: (st) => {
            nComments = first
              ? N.hotComments
              : second
                ? N.pageComments
                : ['raised', 'rejected', 'merged'].includes(st)
                  ? 0
                  : Math.min(commentBudget - commentsMade, Math.round(r.next() * 2 * avgComments * 1.4));
            return nComments;
          },
        });
        if (first) special.hot = id;
        if (second) special.page = id;
        if (!first && !second) commentsMade += nComments;
        if (status === 'voting' || status === 'voted') votingTopics.push({ compound: c, id, status });
      }
    });
  })();
  console.log(`topics and comments: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // ── Votes: frozen electorates through the real openVote; ballots; closed ones counted by closeVote ──
  const makeVote = (
    c: Compound,
    topicId: number,
    kind: 'consultation' | 'council' | 'owners',
    closed: boolean,
    turnout: number,
  ) =>
    history.vote(hc(c), topicId, kind, closed, turnout, {
      startsAt: now - 3 * DAY,
      endsAt: now + 30 * DAY,
      closeAt: now - DAY,
      receipt: () => randomBytes(5).toString('hex').toUpperCase(),
    });
  // The two benchmark votes in the big compound: one closed with 10,000 holders, one open for casting.
  const bigTopic = (title: string, status: string) =>
    topic(
      big.id,
      big.chair,
      title,
      `${title}。`,
      'maintenance_fund',
      status,
      null,
      0,
      0,
      now - 20 * DAY,
      now - 5 * DAY,
      now - 19 * DAY,
    );
  const setStatus = raw.prepare('update topics set status = ? where id = ?');
  const closedTopic = bigTopic('使用维修资金更换全部电梯', 'deliberating');
  const closedVote = makeVote(big, closedTopic, 'owners', true, 0.72);
  const openTopic = bigTopic('使用维修资金维修外墙保温', 'deliberating');
  const openVoteId = makeVote(big, openTopic, 'owners', false, 0);
  setStatus.run('voting', openTopic);
  let votesMade = 2;
  for (const t of votingTopics) {
    if (votesMade >= N.votes) break;
    const x = r.next();
    const kind = x < 0.7 ? 'council' : x < 0.9 ? 'consultation' : 'owners';
    makeVote(t.compound, t.id, kind, t.status === 'voted', 0.6);
    votesMade++;
    // The topic stays in its generated stage.
    setStatus.run(t.status, t.id);
  }
  console.log(`votes: ${votesMade} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  // ── Settle the clock: what a running platform would already have done (overdue marks,
  // escalations, ended notice and rating periods), so the benchmark's server starts with nothing due.
  // One move can make the next due (a notice that ends hands over a task already past its deadline),
  // so it runs until a round does nothing.
  for (let round = 1; round <= 6; round++) {
    const settled = tick(Date.now());
    console.log(`clock round ${round}: ${JSON.stringify(settled)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    if (Object.values(settled).every((n) => n === 0)) break;
  }

  // ── Sessions for the benchmark's people ──
  const session = raw.prepare('insert into sessions (id, person_id, created_at, last_seen_at) values (?, ?, ?, ?)');
  const live = Date.now();
  const voters = raw
    .prepare(`select v.voter_key as voterKey, v.person_id as personId from vote_voters v
               where v.vote_id = ? and v.person_id is not null order by v.voter_key`)
    .all(openVoteId) as { voterKey: string; personId: number }[];
  const resident = big.residents[5] ?? big.chair;
  const company = places.companies.find((p) => p.id === big.companyId);
  const propertyStaff = company?.staff[0] ?? 0;
  const districtAdmin = raw
    .prepare(
      "select person_id as personId, scope_id as districtId from memberships where role = 'district_admin' limit 1",
    )
    .get() as { personId: number; districtId: number };
  const streetStaff = raw
    .prepare("select person_id as personId, scope_id as streetId from memberships where role = 'street_staff' limit 1")
    .get() as { personId: number; streetId: number };
  raw.transaction(() => {
    session.run('bench-district', districtAdmin.personId, live, live);
    session.run('bench-street', streetStaff.personId, live, live);
    session.run('bench-resident', resident, live, live);
    session.run('bench-property', propertyStaff, live, live);
    session.run('bench-secretary', big.secretary, live, live);
    voters.forEach((v, i) => {
      session.run(`bench-voter-${i}`, v.personId, live, live);
    });
  })();
  raw.pragma('synchronous = FULL');
  raw.exec('analyze');
  const counts = Object.fromEntries(
    [
      'streets',
      'communities',
      'compounds',
      'buildings',
      'units',
      'holders',
      'people',
      'topics',
      'comments',
      'votes',
      'vote_voters',
      'ballots',
      'tasks',
      'ratings',
      'escalations',
      'audit_log',
    ].map((t) => [t, (raw.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
  );
  const manifest = {
    seed: SEED,
    scale: SCALE,
    generatedAt: new Date().toISOString(),
    counts,
    compoundId: big.id,
    hotTopicId: special.hot,
    pageTopicId: special.page,
    closedVoteId: closedVote,
    openVoteId,
    districtId: districtAdmin.districtId,
    streetId: streetStaff.streetId,
    voters: voters.map((v, i) => ({ sid: `bench-voter-${i}`, personId: v.personId, voterKey: v.voterKey })),
    sessions: {
      resident: { sid: 'bench-resident', personId: resident },
      property: { sid: 'bench-property', personId: propertyStaff },
      secretary: { sid: 'bench-secretary', personId: big.secretary },
      district: { sid: 'bench-district', personId: districtAdmin.personId },
      street: { sid: 'bench-street', personId: streetStaff.personId },
    },
  };
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2));
  db.$client.close();
  console.log(JSON.stringify(counts));
  console.log(`bench:data done in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${FILE}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
