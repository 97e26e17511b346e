import { sql } from 'drizzle-orm';
import { DAY_MS, DEFAULT_ASSEMBLY_RULES } from '../../lib/assembly/rules';
import { moveFrom } from '../../lib/topics/lifecycle';
import { VOTE_ANNOUNCED } from '../../lib/voting/lifecycle';
import { appendAudit } from '../audit/append';
import type { Tx } from '../client';
import { notify } from '../notifications/notifications';
import * as s from '../schema';
import { moveTopic } from '../topics/move';
import { insertVote } from '../voting/open';
import { audienceOfAssembly } from './audience';

/**
 * Demo data: an owners' assembly in 亿泰庄园 in its notice period at first start (announced three days
 * ago, voting opens in twelve), so the feature is there to look at without touching 合和大院's
 * walk-through. Its owners' committee is two owners from the register (no logins), and it carries two
 * matters: choosing the property company among three (Art. 278 item 4) and using the maintenance fund
 * for the lifts (item 5). Written the way the app writes an announcement (db/assembly/announce.ts).
 */
export function seedDemoAssembly(tx: Tx, now: number, compoundId: number) {
  const owners = tx.all<{ id: number }>(sql`
    select h.voter_person_id as id from holders h
     where h.compound_id = ${compoundId} and h.kind = 'person' and h.voter_person_id is not null
     order by h.id limit 2`);
  const [chair, member] = owners.map((o) => o.id);
  if (chair === undefined || member === undefined) throw new Error('demo assembly: 亿泰庄园 has no owners');
  tx.insert(s.memberships)
    .values([
      { personId: chair, role: 'committee_chair', scopeType: 'compound', scopeId: compoundId, createdAt: now },
      { personId: member, role: 'committee_member', scopeType: 'compound', scopeId: compoundId, createdAt: now },
    ])
    .run();

  const announcedAt = now - 3 * DAY_MS;
  const topic = (title: string, description: string, category: 'property_fees' | 'maintenance_fund') =>
    tx
      .insert(s.topics)
      .values({
        compoundId,
        authorId: chair,
        title,
        description,
        category,
        status: 'deliberating',
        createdAt: announcedAt - 20 * DAY_MS,
        activityAt: announcedAt,
        reviewedAt: announcedAt - 19 * DAY_MS,
      })
      .returning({ id: s.topics.id })
      .get().id;
  const companyTopic = topic(
    '物业服务合同到期，选聘物业服务企业',
    '现物业服务合同明年3月到期。业委会公开征集了三家物业公司的服务方案和报价，请业主选定一家。',
    'property_fees',
  );
  const liftTopic = topic(
    '使用维修资金大修1栋、2栋电梯',
    '1栋、2栋电梯已运行15年，年检提出曳引机和控制柜需更换。预算38.6万元，拟使用专项维修资金。',
    'maintenance_fund',
  );
  const rules = DEFAULT_ASSEMBLY_RULES;
  const assembly = tx
    .insert(s.assemblies)
    .values({
      compoundId,
      title: '亿泰庄园2026年第一次业主大会',
      materials:
        '一、三家物业公司的服务方案与报价（附件）。\n二、电梯大修方案：更换1栋、2栋曳引机和控制柜，预算38.6万元，由专项维修资金列支，按各户专有面积分摊。',
      howToVote:
        '网上投票：登录议事平台，在“业主大会”中逐项投票。纸质表决票：由网格员送达，填写签名后投入1栋大堂的投票箱。',
      ballotBox: '1栋大堂物业服务台旁（每日 8:00–20:00）',
      status: 'announced',
      announcedBy: chair,
      announcedAt,
      objectionsUntil: now + 8 * DAY_MS,
      startsAt: announcedAt + rules.noticeDays * DAY_MS,
      endsAt: announcedAt + (rules.noticeDays + rules.votingMinDays) * DAY_MS,
      noticeDays: rules.noticeDays,
      votingMinDays: rules.votingMinDays,
      maxProxies: rules.maxProxies,
      committeeAlternates: rules.committeeAlternates,
      handoverDays: rules.handoverDays,
      createdAt: announcedAt,
    })
    .returning()
    .get();
  const abstain = { key: 'abstain', label: '弃权' };
  const matters = [
    {
      topicId: companyTopic,
      question: '选聘下列哪一家物业服务企业？',
      matterItem: 4,
      matterKind: 'choice' as const,
      options: [
        { key: 'o1', label: '亿泰物业管理有限公司（续聘）' },
        { key: 'o2', label: '海韵物业服务有限公司' },
        { key: 'o3', label: '悦华物业管理有限公司' },
        abstain,
      ],
    },
    {
      topicId: liftTopic,
      question: '是否同意使用专项维修资金38.6万元大修1栋、2栋电梯？',
      matterItem: 5,
      matterKind: 'decision' as const,
      options: [{ key: 'agree', label: '同意' }, { key: 'disagree', label: '不同意' }, abstain],
    },
  ];
  const voteIds = matters.map((m) => {
    const { voteId } = insertVote(
      tx,
      {
        compoundId,
        topicId: m.topicId,
        kind: 'owners',
        question: m.question,
        matterItem: m.matterItem,
        choiceMode: 'single',
        secret: false,
        allowChange: false,
        buildingIds: null,
        nonVotersFollowMajority: false,
        startsAt: assembly.startsAt,
        endsAt: assembly.endsAt,
        options: m.options,
        openedBy: chair,
        assemblyId: assembly.id,
        matterKind: m.matterKind,
        seats: null,
      },
      [],
      VOTE_ANNOUNCED,
      announcedAt,
    );
    const move = moveFrom('open_vote', 'deliberating');
    if (!move) throw new Error('demo assembly: no open_vote move');
    moveTopic(
      tx,
      { compoundId, topicId: m.topicId, actorId: chair, move, data: { voteId, assemblyId: assembly.id } },
      announcedAt,
    );
    return voteId;
  });
  const audience = audienceOfAssembly(tx, compoundId, voteIds[0] ?? 0);
  appendAudit(tx, {
    compoundId,
    actorId: chair,
    at: announcedAt,
    entity: 'assembly',
    entityId: assembly.id,
    action: 'announce_assembly',
    toState: 'announced',
    data: { title: assembly.title, voteIds, rules, demo: true },
  });
  notify(
    tx,
    [...audience.owners, ...audience.officials, ...audience.community],
    { compoundId, kind: 'assembly', actorId: chair, assemblyId: assembly.id, detail: assembly.title },
    announcedAt,
  );
}
