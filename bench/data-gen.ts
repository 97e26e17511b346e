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
import { GENESIS_HASH, hashAuditEntry } from '../lib/audit/hash';
import { chineseName, createRandom } from '../lib/random';
import { tick } from '../server/clock';
import { TOPIC_CATEGORIES } from '../lib/topics/categories';

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

/** Share of topics in each stage (sums to 1). */
const STAGES: [string, number][] = [
  ['raised', 0.1],
  ['deliberating', 0.15],
  ['rejected', 0.05],
  ['merged', 0.03],
  ['small_matter', 0.04],
  ['voting', 0.04],
  ['voted', 0.05],
  ['decided', 0.02],
  ['publicised', 0.03],
  ['assigned', 0.04],
  ['in_progress', 0.1],
  ['rating', 0.05],
  ['closed', 0.3],
];

const TITLES: Record<string, string[]> = {
  sanitation: ['楼道堆放杂物影响通行', '垃圾桶满了没人清运', '小区绿地狗粪太多'],
  parking: ['晚上车位不够停', '消防通道被私家车占用', '电动车充电桩不足'],
  repairs: ['下水管堵塞污水反涌', '楼道灯不亮', '单元门门禁坏了', '屋顶漏水'],
  greening: ['绿地被圈占种菜', '树木遮挡低层采光', '补种绿化带'],
  safety: ['楼道飞线充电有隐患', '监控探头损坏', '围墙破损外人随意进出'],
  property_fees: ['物业费收支不透明', '停车费标准有异议'],
  maintenance_fund: ['使用维修资金更换电梯', '使用维修资金维修外墙'],
  neighbour_dispute: ['楼上噪音扰民', '空调外机滴水'],
  other: ['春节游园活动怎么办', '建立小区志愿者队伍'],
};

async function main() {
  const t0 = performance.now();
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const { getDb } = await import('../db/client');
  const { migrateDatabase } = await import('../db/migrate');
  const { openVote } = await import('../db/voting/open');
  const { closeVote } = await import('../db/voting/close');
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

  // ── Topics, comments, positions, follow-through, audit ──
  const stageOf = () => {
    let x = r.next();
    for (const [s, p] of STAGES) {
      x -= p;
      if (x < 0) return s;
    }
    return 'closed';
  };
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
  const comment = ins('comments', ['topic_id', 'author_id', 'parent_id', 'body', 'created_at']);
  const position = ins('positions', ['topic_id', 'party', 'body', 'author_id', 'created_at', 'updated_at']);
  const decision = ins('decisions', [
    'compound_id',
    'topic_id',
    'body',
    'minutes',
    'party',
    'company_id',
    'deadline_at',
    'recorded_by',
    'recorded_at',
    'published_at',
    'notice_ends_at',
  ]);
  const task = ins('tasks', [
    'compound_id',
    'topic_id',
    'decision_id',
    'party',
    'company_id',
    'deadline_at',
    'created_at',
    'accepted_at',
    'accepted_by',
    'percent',
    'done_at',
    'rating_ends_at',
    'closed_at',
    'average_tenths',
    'overdue_at',
  ]);
  const rating = ins('ratings', ['topic_id', 'round', 'person_id', 'compound_id', 'stars', 'comment', 'created_at']);
  const escalationSt = raw.prepare(`insert into escalations
      (compound_id, topic_id, level, community_id, street_id, reason, auto, raised_at, state)
      select ?, ?, 'community', c.community_id, m.street_id, ?, 1, ?, 'open'
        from compounds c join communities m on m.id = c.community_id where c.id = ?`);
  const escalation = (...v: unknown[]) => escalationSt.run(...v);
  const update = ins('task_updates', [
    'compound_id',
    'topic_id',
    'task_id',
    'author_id',
    'kind',
    'body',
    'percent',
    'created_at',
  ]);
  const auditInsert =
    raw.prepare(`insert into audit_log (compound_id, actor_id, at, entity, entity_id, action, from_state,
      to_state, reason, data, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const lastHash = new Map<number, string>();
  const audit = (
    compoundId: number,
    actorId: number | null,
    at: number,
    entityId: number,
    action: string,
    from: string | null,
    to: string | null,
  ) => {
    const f = {
      compoundId,
      actorId,
      at,
      entity: 'topic',
      entityId,
      action,
      fromState: from,
      toState: to,
      reason: null,
      data: null,
    };
    const prev = lastHash.get(compoundId) ?? GENESIS_HASH;
    const hash = hashAuditEntry(prev, f);
    auditInsert.run(compoundId, actorId, at, 'topic', entityId, action, from, to, null, null, prev, hash);
    lastHash.set(compoundId, hash);
  };

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
        const status = first || second ? 'deliberating' : stageOf();
        const category = r.pick(TOPIC_CATEGORIES);
        const title = r.pick(TITLES[category] ?? TITLES.other ?? ['议题']);
        const createdAt = now - r.int(1, 365) * DAY + r.int(0, DAY - 1);
        const author = r.pick(c.residents.length ? c.residents : [c.secretary]);
        const nComments = first
          ? N.hotComments
          : second
            ? N.pageComments
            : ['raised', 'rejected', 'merged'].includes(status)
              ? 0
              : Math.min(commentBudget - commentsMade, Math.round(r.next() * 2 * avgComments * 1.4));
        const id = topic(
          c.id,
          author,
          `${first ? '【热议】' : ''}${title}`,
          `${title}。已经持续一段时间，影响不少住户，希望尽快协商解决。`,
          category,
          status,
          status === 'small_matter' ? c.companyId : null,
          r.int(0, 30),
          nComments,
          createdAt,
          createdAt + r.int(0, 20) * DAY,
          status === 'raised' ? null : createdAt + r.int(2, 72) * 3_600_000,
        );
        if (first) special.hot = id;
        if (second) special.page = id;
        audit(c.id, author, createdAt, id, 'raise', null, 'raised');
        if (status !== 'raised') audit(c.id, c.secretary, createdAt + DAY, id, 'accept', 'raised', status);
        let parent: number | null = null;
        for (let k = 0; k < nComments; k++) {
          const cid = comment(
            id,
            r.pick(c.residents.length ? c.residents : [c.secretary]),
            k > 0 && r.chance(0.2) ? parent : null,
            `第${k + 1}条意见：我觉得应该尽快处理，大家一起想办法。`,
            createdAt + k * 60_000,
          );
          if (!r.chance(0.2)) parent = cid;
        }
        if (!first && !second) commentsMade += nComments;
        if (!['raised', 'rejected', 'merged', 'small_matter'].includes(status) && r.chance(0.4)) {
          position(id, 'branch', '党支部支持尽快解决，建议召开议事会。', c.secretary, createdAt + DAY, createdAt + DAY);
          position(id, 'property', '物业可以配合实施。', c.secretary, createdAt + 2 * DAY, createdAt + 2 * DAY);
        }
        if (status === 'voting' || status === 'voted') votingTopics.push({ compound: c, id, status });
        // Follow-through for the later stages.
        const later = ['decided', 'publicised', 'assigned', 'in_progress', 'rating', 'closed'];
        if (later.includes(status) || status === 'small_matter') {
          const deadline = createdAt + r.int(20, 60) * DAY;
          let decisionId: number | null = null;
          if (status !== 'small_matter') {
            const published = status === 'decided' ? null : createdAt + 10 * DAY;
            decisionId = decision(
              c.id,
              id,
              '由物业负责实施。',
              '议事会纪要。',
              'property',
              c.companyId,
              deadline,
              c.secretary,
              createdAt + 9 * DAY,
              published,
              published === null ? null : published + 7 * DAY,
            );
          }
          if (!['decided', 'publicised'].includes(status)) {
            const accepted =
              status === 'assigned' || (status === 'small_matter' && r.chance(0.5)) ? null : createdAt + 18 * DAY;
            const done = status === 'rating' || status === 'closed' ? createdAt + 30 * DAY : null;
            const percent = done ? 100 : accepted ? r.int(0, 90) : 0;
            const staff = r.pick(places.companies.find((p) => p.id === c.companyId)?.staff ?? [c.secretary]);
            const taskId = task(
              c.id,
              id,
              decisionId,
              'property',
              c.companyId,
              deadline,
              createdAt + 17 * DAY,
              accepted,
              accepted ? staff : null,
              percent,
              done,
              done ? done + 7 * DAY : null,
              status === 'closed' && done ? done + 7 * DAY : null,
              status === 'closed' ? r.int(25, 50) : null,
              // Marked by the clock half an hour after a missed deadline.
              !done && deadline < now ? deadline + 1_800_000 : done && done > deadline ? deadline + 1_800_000 : null,
            );
            if (done && c.residents.length >= 3) {
              for (let k = 0; k < 3; k++) {
                const who = c.residents[(id + k) % Math.max(1, c.residents.length)] ?? c.secretary;
                rating(id, 1, who, c.id, r.int(2, 5), '', done + DAY + k);
              }
            }
            if (!done && r.chance(0.1))
              escalation(c.id, id, '逾期未完成，请社区协调。', Math.min(deadline + DAY, now - DAY), c.id);
            if (accepted) {
              update(c.id, id, taskId, staff, 'accepted', '已安排人员。', 0, accepted);
              update(c.id, id, taskId, staff, 'progress', '正在施工。', Math.min(percent, 60), accepted + 3 * DAY);
            }
          }
        }
      }
    });
  })();
  console.log(`topics and comments: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // ── Votes: frozen electorates through the real openVote; ballots; closed ones counted by closeVote ──
  const ballot =
    raw.prepare(`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
      values (?, ?, ?, 'online', ?, ?, ?, ?)`);
  const votersOf = raw.prepare('select voter_key as k, person_id as p from vote_voters where vote_id = ?');
  const OWNER_OPTIONS = [
    { key: 'agree', label: '同意' },
    { key: 'disagree', label: '不同意' },
    { key: 'abstain', label: '弃权' },
  ];
  const makeVote = (
    c: Compound,
    topicId: number,
    kind: 'consultation' | 'council' | 'owners',
    closed: boolean,
    turnout: number,
  ) => {
    const startsAt = now - 3 * DAY;
    const voteId = openVote(
      {
        compoundId: c.id,
        topicId,
        kind,
        question: kind === 'owners' ? '是否同意使用维修资金更换电梯？' : '是否同意该方案？',
        matterItem: kind === 'owners' ? 6 : null,
        choiceMode: 'single',
        secret: false,
        allowChange: false,
        buildingIds: null,
        nonVotersFollowMajority: false,
        startsAt,
        endsAt: now + 30 * DAY,
        options: OWNER_OPTIONS,
        openedBy: c.chair,
      },
      [c.companyId],
      startsAt,
    );
    if (voteId === null) throw new Error(`could not open a vote on topic ${topicId}`);
    raw.transaction(() => {
      for (const v of votersOf.all(voteId) as { k: string; p: number | null }[]) {
        if (!r.chance(turnout)) continue;
        const choice = r.chance(0.75) ? 'agree' : r.chance(0.6) ? 'disagree' : 'abstain';
        const at = startsAt + r.int(0, 2 * DAY);
        ballot.run(
          voteId,
          v.k,
          JSON.stringify([choice]),
          v.p ?? c.chair,
          randomBytes(5).toString('hex').toUpperCase(),
          at,
          at,
        );
      }
    })();
    if (closed) closeVote(c.id, voteId, null, now - DAY);
    return voteId;
  };
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
