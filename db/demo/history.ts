import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashAuditEntry } from '../../lib/audit/hash';
import type { Random } from '../../lib/random';
import { TOPIC_CATEGORIES } from '../../lib/topics/categories';
import { closeVote } from '../voting/close';
import { openVote } from '../voting/open';

/**
 * A compound's history, generated: topics in every stage with their discussion, positions, decisions, tasks (on time
 * and late), progress, ratings and escalations, audited; and votes through the real openVote / closeVote with ballots.
 * Shared by the district-scale benchmark data (bench/data-gen.ts) and the demo's year of life (db/demo/year.ts), so
 * both look like the same living district. Writes with raw prepared statements on the given connection, inside the
 * caller's transaction; reproducible from the Random it is given.
 */

const DAY = 86_400_000;

/** Share of topics in each stage (sums to 1). */
export const STAGES: [string, number][] = [
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

export const TITLES: Record<string, string[]> = {
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

/** What the generator needs of a compound. */
export interface HistoryCompound {
  id: number;
  companyId: number;
  /** People who live there: authors, commenters, raters. */
  residents: number[];
  secretary: number;
  chair: number;
  /** The property company's staff who accept tasks and post progress. */
  companyStaff: number[];
}

export interface TopicPlan {
  status: string;
  /** How many comments, decided once the author is drawn (the benchmark shares a budget over the district). */
  comments: (status: string) => number;
  titlePrefix?: string;
}

const OWNER_OPTIONS = [
  { key: 'agree', label: '同意' },
  { key: 'disagree', label: '不同意' },
  { key: 'abstain', label: '弃权' },
];

export function historyWriter(raw: Database.Database, r: Random, now: number) {
  const ins = (table: string, cols: string[]) => {
    const st = raw.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
    return (...values: unknown[]) => Number(st.run(...values).lastInsertRowid);
  };
  const topicRow = ins('topics', [
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
  const headOf = raw.prepare('select hash from audit_log where compound_id = ? order by id desc limit 1');
  // Each chain's head is read from the database every time: votes opened and closed in between append entries of
  // their own (appendAudit), and a demo compound may have entries already.
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
    const prev = (headOf.get(compoundId) as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
    const hash = hashAuditEntry(prev, f);
    auditInsert.run(compoundId, actorId, at, 'topic', entityId, action, from, to, null, null, prev, hash);
  };

  const stageOf = () => {
    let x = r.next();
    for (const [s, p] of STAGES) {
      x -= p;
      if (x < 0) return s;
    }
    return 'closed';
  };

  /** One topic in the given stage, raised some time in the last year, with what that stage implies. */
  const topic = (c: HistoryCompound, plan: TopicPlan): number => {
    const { status } = plan;
    const category = r.pick(TOPIC_CATEGORIES);
    const title = r.pick(TITLES[category] ?? TITLES.other ?? ['议题']);
    const createdAt = now - r.int(1, 365) * DAY + r.int(0, DAY - 1);
    const author = r.pick(c.residents.length ? c.residents : [c.secretary]);
    const nComments = plan.comments(status);
    const id = topicRow(
      c.id,
      author,
      `${plan.titlePrefix ?? ''}${title}`,
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
    if (!['raised', 'rejected', 'merged', 'small_matter'].includes(status) && r.chance(0.4)) {
      position(id, 'branch', '党支部支持尽快解决，建议召开议事会。', c.secretary, createdAt + DAY, createdAt + DAY);
      position(id, 'property', '物业可以配合实施。', c.secretary, createdAt + 2 * DAY, createdAt + 2 * DAY);
    }
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
        const staff = r.pick(c.companyStaff.length ? c.companyStaff : [c.secretary]);
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
        if (!done && r.chance(0.1)) {
          escalationSt.run(c.id, id, '逾期未完成，请社区协调。', Math.min(deadline + DAY, now - DAY), c.id);
        }
        if (accepted) {
          update(c.id, id, taskId, staff, 'accepted', '已安排人员。', 0, accepted);
          update(c.id, id, taskId, staff, 'progress', '正在施工。', Math.min(percent, 60), accepted + 3 * DAY);
        }
      }
    }
    return id;
  };

  const ballot =
    raw.prepare(`insert into ballots (vote_id, voter_key, choice, channel, cast_by, receipt_code, created_at, updated_at)
      values (?, ?, ?, 'online', ?, ?, ?, ?)`);
  const votersOf = raw.prepare('select voter_key as k, person_id as p from vote_voters where vote_id = ?');

  /**
   * A vote on a topic through the real openVote (frozen electorate) with ballots from `turnout` of the voters;
   * closed by the real closeVote (stored result and hash) when `closed`. `receipt` makes each ballot's receipt code.
   */
  const vote = (
    c: HistoryCompound,
    topicId: number,
    kind: 'consultation' | 'council' | 'owners',
    closed: boolean,
    turnout: number,
    when: { startsAt: number; endsAt: number; closeAt: number; receipt: () => string },
  ) => {
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
        startsAt: when.startsAt,
        endsAt: when.endsAt,
        options: OWNER_OPTIONS,
        openedBy: c.chair,
      },
      [c.companyId],
      when.startsAt,
    );
    if (voteId === null) throw new Error(`could not open a vote on topic ${topicId}`);
    raw.transaction(() => {
      for (const v of votersOf.all(voteId) as { k: string; p: number | null }[]) {
        if (!r.chance(turnout)) continue;
        const choice = r.chance(0.75) ? 'agree' : r.chance(0.6) ? 'disagree' : 'abstain';
        const at = when.startsAt + r.int(0, 2 * DAY);
        ballot.run(voteId, v.k, JSON.stringify([choice]), v.p ?? c.chair, when.receipt(), at, at);
      }
    })();
    if (closed) closeVote(c.id, voteId, null, when.closeAt);
    return voteId;
  };

  return { stageOf, topic, vote, audit };
}
