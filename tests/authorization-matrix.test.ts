/**
 * The authorization matrix: every server action and route handler, tried by every kind of person,
 * against objects of their own compound (合和大院) and of another (亿泰庄园). Each answer is checked
 * against the intent written below — allowed → it works; not allowed → refused and nothing in the
 * database changed; another compound's objects → not found. Each case runs in a transaction that is
 * rolled back, so every case starts from the same state.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  actAs,
  currentActor,
  form,
  type Outcome,
  outcomeOf,
  personId,
  rolledBack,
  setupDatabase,
  teardownDatabase,
  totalChanges,
} from './harness';

// Sign-in by SMS is on (log driver), so its action is tried for real.
process.env.SMS_DRIVER = 'log';
vi.mock('next/cache', () => import('./mocks/next-cache'));
vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('next-intl/server', () => import('./mocks/next-intl-server'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));
vi.mock('@/server/auth/token', () => import('./mocks/token'));

const {
  account,
  admin,
  build,
  compoundAdmin,
  escalations,
  exportRoute,
  follow,
  locale,
  logout,
  meetings,
  notifications,
  peopleAdmin,
  photoRoute,
  receiptsRoute,
  shanghai,
  topic,
  topics,
  votes,
  ballotsRoute,
  reminders,
  settings,
  care,
  paperBatch,
  assemblies,
  register,
  proxies,
  nominations,
  assemblyRules,
  districtRules,
  assemblyFileRoute,
  letters,
  activation,
  smsLogin,
  join,
  household,
  transfers,
  home,
  corrections,
  myDataRoute,
  DAY,
} = await import('./action-fixtures');
const { PNG } = await import('./harness');
const { getDb } = await import('@/db/client');
const { sql } = await import('drizzle-orm');
type Fixture = import('./action-fixtures').Fixture;
type Side = import('./action-fixtures').Side;

// ── Who ──

const ACTORS = {
  owner: '13800000004',
  tenant: '13800000007',
  partyMember: '13800000008',
  secretary: '13800000001',
  chair: '13800000002',
  member: '13800000003',
  rep: '13800000014',
  grid: '13800000010',
  guest: '13800000015',
  property: '13800000009',
  otherProperty: '13800000016',
  community: '13800000011',
  otherCommunity: '13800000017',
  street: '13800000012',
  district: '13800000013',
  otherSecretary: '13800000018',
  anon: '',
} as const;
type Label = keyof typeof ACTORS;
const LABELS = Object.keys(ACTORS) as Label[];

/** What each label is in each compound: itself in 合和大院; in 亿泰庄园 only these have a place. */
const IN_OWN: readonly Label[] = LABELS.filter(
  (l) => !['otherProperty', 'otherCommunity', 'otherSecretary', 'anon'].includes(l),
);
const OTHER_AS: Partial<Record<Label, Label>> = {
  otherProperty: 'property',
  otherCommunity: 'community',
  district: 'district',
  otherSecretary: 'secretary',
};

const RESIDENTS: Label[] = ['owner', 'tenant', 'partyMember', 'secretary', 'chair', 'member', 'rep'];
const RAISERS: Label[] = [...RESIDENTS, 'grid'];
const EVERYONE_IN: Label[] = [...IN_OWN];
const DECIDERS: Label[] = ['secretary', 'chair'];
const COMMITTEE: Label[] = ['chair', 'member'];
const STAFF: Label[] = ['community', 'street', 'district'];
const REGISTER: Label[] = ['secretary', 'chair', 'member', ...STAFF];
/** Demo accounts who own a unit in 合和大院 (and vote for their household); none of them in 亿泰庄园. */
const OWNERS: Label[] = ['owner', 'partyMember', 'chair', 'member', 'rep'];
/** 刘建国 (owner) has handed in the fixture's proxy already, so cannot hand in a second. */
const OWNERS_WITHOUT_PROXY: Label[] = ['partyMember', 'chair', 'member', 'rep'];

/** A unit the current actor holds in the compound, if any. */
function ownUnit(compoundId: number): number | undefined {
  const a = currentActor();
  return getDb().get<{ id: number }>(sql`select u.id from units u join holder_members hm on hm.holder_id = u.holder_id
      where hm.person_id = ${a?.personId ?? 0} and u.compound_id = ${compoundId} limit 1`)?.id;
}

/** The voter key the current actor casts in the assembly's electorate, if any. */
function ownVoterKey(assemblyId: number): string | undefined {
  const a = currentActor();
  return getDb().get<{ k: string }>(sql`select voter_key as k from vote_voters
      where vote_id = (select min(id) from votes where assembly_id = ${assemblyId}) and person_id = ${a?.personId ?? 0}`)
    ?.k;
}

const fx = {} as Record<Side, Fixture>;
/** An open activation code of a register owner of 合和大院, made in beforeAll. */
const letterCode = { code: '', name: '' };

// ── The cases ──

interface Case {
  name: string;
  /** Labels that may do it, as they are in the object's compound. */
  allow: readonly Label[];
  /** What everyone else with a place in that compound gets (default: refused). */
  deny?: Outcome;
  /** Not tied to a compound the actor must belong to: no "not found" for outsiders. */
  global?: boolean;
  /** The answer for nobody signed in (default: signed out). */
  anon?: Outcome;
  /** Whether success must write something (default: yes). */
  writes?: boolean;
  /** What staff get for an object outside their reach (default: refused): a person they cannot see is not found. */
  outsideReach?: Outcome;
  run: (f: Fixture, as: Label) => Promise<unknown>;
}

const PARTY_OF: Partial<Record<Label, string>> = {
  secretary: 'branch',
  partyMember: 'branch',
  chair: 'committee',
  member: 'committee',
  property: 'property',
};

const CASES: Case[] = [
  {
    name: 'raise a topic',
    allow: RAISERS,
    run: (f) =>
      topics.raiseTopicAction(f.compoundId, null, form({ title: '新议题', description: '说明。', category: 'other' })),
  },
  { name: 'co-sign', allow: RAISERS, run: (f) => topics.cosignAction(f.compoundId, null, form({ topicId: f.raised })) },
  {
    name: 'follow',
    allow: EVERYONE_IN,
    run: (f) => topics.followAction(f.compoundId, null, form({ topicId: f.raised, follow: '1' })),
  },
  {
    name: 'review (accept)',
    allow: DECIDERS,
    run: (f) => topics.reviewAction(f.compoundId, null, form({ topicId: f.raised, action: 'accept' })),
  },
  {
    name: 'comment',
    allow: EVERYONE_IN,
    run: (f) => topic.commentAction(f.compoundId, null, form({ topicId: f.deliberating, body: '同意。' })),
  },
  {
    name: 'report a comment',
    allow: EVERYONE_IN,
    run: (f) => topic.reportAction(f.compoundId, null, form({ commentId: f.commentId, reason: '不文明' })),
  },
  {
    name: 'hide a comment',
    allow: ['secretary'],
    run: (f) => topic.hideAction(f.compoundId, null, form({ commentId: f.commentId, reason: '人身攻击' })),
  },
  {
    name: 'post a position',
    allow: ['secretary', 'partyMember', 'chair', 'member', 'property'],
    run: (f, as) =>
      topic.positionAction(
        f.compoundId,
        null,
        form({ topicId: f.deliberating, party: PARTY_OF[as] ?? 'branch', body: '我们的立场。' }),
      ),
  },
  {
    name: 'schedule a meeting',
    allow: ['secretary'],
    run: (f) =>
      meetings.scheduleMeetingAction(
        f.compoundId,
        null,
        form({
          title: '议事会',
          startsAt: shanghai(Date.now() + 3 * DAY),
          place: '活动室',
          topicIds: [f.deliberating],
        }),
      ),
  },
  {
    name: 'record minutes',
    allow: ['secretary'],
    run: (f) => meetings.recordMinutesAction(f.compoundId, null, form({ meetingId: f.meetingId, minutes: '纪要。' })),
  },
  {
    name: 'open a consultation',
    allow: ['secretary'],
    run: (f) =>
      votes.openVoteAction(
        f.compoundId,
        null,
        form({
          topicId: f.deliberating,
          kind: 'consultation',
          question: '是否同意？',
          startsAt: shanghai(Date.now() + DAY),
          endsAt: shanghai(Date.now() + 2 * DAY),
        }),
      ),
  },
  {
    // Owners' decisions are called as assemblies now: the vote form refuses them to everyone.
    name: "open an owners' decision from the vote form",
    allow: [],
    run: (f) =>
      votes.openVoteAction(
        f.compoundId,
        null,
        form({
          topicId: f.deliberating,
          kind: 'owners',
          matterItem: 1,
          question: '是否同意？',
          startsAt: shanghai(Date.now() + DAY),
          endsAt: shanghai(Date.now() + 2 * DAY),
        }),
      ),
  },
  {
    name: "announce an owners' assembly",
    allow: COMMITTEE,
    run: (f) =>
      assemblies.announceAssemblyAction(
        f.compoundId,
        null,
        form({
          title: '业主大会',
          howToVote: '网上投票。',
          objectionsUntil: shanghai(Date.now() + 10 * DAY),
          startsAt: shanghai(Date.now() + 16 * DAY),
          endsAt: shanghai(Date.now() + 23 * DAY),
          m1_topicId: f.deliberating,
          m1_kind: 'decision',
          m1_item: 5,
          m1_question: '是否同意？',
        }),
      ),
  },
  {
    name: 'close an ended assembly',
    allow: COMMITTEE,
    run: (f) => assemblies.closeAssemblyAction(f.compoundId, null, form({ assemblyId: f.endedAssembly })),
  },
  {
    name: 'object to the register (own unit)',
    allow: OWNERS,
    run: (f) => {
      const unit = ownUnit(f.compoundId);
      return register.registerObjectionAction(
        f.compoundId,
        null,
        form({
          assemblyId: f.announced,
          unitId: unit ?? f.buildingId,
          kind: 'area',
          claimedArea: '88.00',
          reason: '面积不对。',
        }),
      );
    },
  },
  {
    name: 'answer an objection to the register',
    allow: COMMITTEE,
    run: (f) =>
      register.answerRegisterObjectionAction(
        f.compoundId,
        null,
        form({ objectionId: f.registerObjectionId, outcome: 'dismissed', answer: '以不动产登记为准。' }),
      ),
  },
  {
    name: 'hand in a proxy (own household)',
    allow: OWNERS_WITHOUT_PROXY,
    run: (f) =>
      proxies.grantProxyAction(
        f.compoundId,
        null,
        form({
          assemblyId: f.announced,
          voterKey: ownVoterKey(f.announced) ?? 'h:1',
          agentMobile: '13800000020',
          document: new File([PNG], '委托书.png', { type: 'image/png' }),
        }),
      ),
  },
  {
    name: 'check a proxy',
    allow: COMMITTEE,
    run: (f) => proxies.reviewProxyAction(f.compoundId, null, form({ proxyId: f.proxyId, step: 'check' })),
  },
  {
    name: 'withdraw a proxy',
    allow: ['owner'],
    run: (f) => proxies.withdrawProxyAction(f.compoundId, null, form({ proxyId: f.proxyId })),
  },
  {
    name: 'open nominations',
    allow: COMMITTEE,
    run: (f) => nominations.openNominationsAction(f.compoundId, null, form({ topicId: f.deliberating })),
  },
  {
    name: 'nominate oneself',
    allow: OWNERS,
    run: (f) => nominations.nominateAction(f.compoundId, null, form({ topicId: f.nominating })),
  },
  {
    name: 'answer a nomination',
    allow: COMMITTEE,
    run: (f) =>
      nominations.answerNominationAction(
        f.compoundId,
        null,
        form({ nominationId: f.nominationId, outcome: 'accepted', eligible: 'on' }),
      ),
  },
  {
    name: 'record that an owners decision did not pass',
    allow: DECIDERS,
    run: (f) =>
      follow.recordNotPassedAction(f.compoundId, null, form({ topicId: f.failedTopic, voteId: f.failedVote })),
  },
  {
    name: 'set the assembly rules',
    allow: STAFF,
    run: (f) =>
      assemblyRules.updateAssemblyRulesAction(
        f.compoundId,
        null,
        form({
          assemblyNoticeDays: 20,
          votingMinDays: 7,
          maxProxies: 3,
          committeeSeats: 7,
          committeeAlternates: 2,
          handoverDays: 7,
        }),
      ),
  },
  {
    name: 'GET an assembly material',
    allow: EVERYONE_IN,
    deny: 'notFound',
    writes: false,
    run: (f) =>
      assemblyFileRoute.GET(new Request('http://x/f'), {
        params: Promise.resolve({ fileId: String(f.materialFileId) }),
      }),
  },
  {
    name: 'GET a signed proxy authorisation',
    allow: [...COMMITTEE, 'owner'],
    deny: 'notFound',
    writes: false,
    run: (f) =>
      assemblyFileRoute.GET(new Request('http://x/f'), { params: Promise.resolve({ fileId: String(f.proxyFileId) }) }),
  },
  {
    name: 'cast a consultation ballot',
    // The consultation's electorate: owners and tenants of the compound.
    allow: ['owner', 'tenant', 'partyMember', 'chair', 'member', 'rep'],
    run: (f, _as) => {
      const a = currentActor();
      return votes.castBallotAction(
        f.compoundId,
        null,
        form({ voteId: f.consultation, voterKey: `p:${a?.personId ?? 0}`, choice: 'agree' }),
      );
    },
  },
  {
    name: 'POST a ballot (API)',
    allow: ['owner', 'tenant', 'partyMember', 'chair', 'member', 'rep'],
    run: (f) => {
      const a = currentActor();
      return ballotsRoute.POST(
        new Request(`http://x/api/compounds/${f.compoundId}/votes/${f.consultation}/ballots`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ voterKey: `p:${a?.personId ?? 0}`, choice: ['agree'] }),
        }),
        { params: Promise.resolve({ compoundId: String(f.compoundId), voteId: String(f.consultation) }) },
      );
    },
  },
  {
    name: 'enter a paper ballot',
    allow: COMMITTEE,
    run: (f) =>
      votes.enterPaperAction(
        f.compoundId,
        null,
        form({ voteId: f.owners, voterKey: f.freeHolderKey, serial: 'P-002', choice: 'agree' }),
      ),
  },
  {
    name: 'enter paper ballots as a list',
    allow: COMMITTEE,
    run: (f) => {
      const place = getDb().get<{ p: string }>(sql`select b.name || u.number as p from vote_units vu
          join units u on u.id = vu.unit_id join buildings b on b.id = u.building_id
         where vu.vote_id = ${f.owners} and 'h:' || vu.holder_id = ${f.freeHolderKey} limit 1`)?.p;
      return paperBatch.enterPaperBatchAction(
        f.compoundId,
        null,
        form({ voteId: f.owners, lines: `P-9 ${place ?? ''} 同意` }),
      );
    },
  },
  {
    name: 'confirm paper ballots as a list',
    allow: COMMITTEE,
    run: (f) =>
      paperBatch.confirmPaperBatchAction(f.compoundId, null, form({ voteId: f.owners, voterKeys: [f.paperHolderKey] })),
  },
  {
    name: 'confirm a paper ballot',
    allow: COMMITTEE,
    run: (f) => votes.confirmPaperAction(f.compoundId, null, form({ voteId: f.owners, voterKey: f.paperHolderKey })),
  },
  {
    name: 'close an ended consultation',
    allow: ['secretary'],
    run: (f) => votes.closeVoteAction(f.compoundId, null, form({ voteId: f.ended })),
  },
  {
    name: 'record a decision',
    allow: DECIDERS,
    run: (f) =>
      follow.recordDecisionAction(
        f.compoundId,
        null,
        form({
          topicId: f.deliberating,
          body: '决议。',
          party: 'committee',
          deadline: shanghai(Date.now() + 10 * DAY),
        }),
      ),
  },
  {
    name: 'publish a decision',
    allow: DECIDERS,
    run: (f) => follow.publishDecisionAction(f.compoundId, null, form({ topicId: f.decided })),
  },
  {
    name: 'object to a decision',
    allow: RESIDENTS,
    run: (f) => follow.objectAction(f.compoundId, null, form({ topicId: f.publicised, reason: '不同意。' })),
  },
  {
    name: 'answer an objection',
    allow: DECIDERS,
    run: (f) =>
      follow.answerObjectionAction(
        f.compoundId,
        null,
        form({ objectionId: f.objectionId, outcome: 'dismissed', answer: '已公示收费标准。' }),
      ),
  },
  {
    name: 'accept a task',
    allow: ['property'],
    run: (f) => follow.acceptTaskAction(f.compoundId, null, form({ topicId: f.assigned })),
  },
  {
    name: 'post progress',
    allow: ['property'],
    run: (f) =>
      follow.progressAction(f.compoundId, null, form({ topicId: f.inProgress, body: '进行中。', percent: 50 })),
  },
  {
    name: 'mark a task done',
    allow: ['property'],
    run: (f) => follow.completeTaskAction(f.compoundId, null, form({ topicId: f.inProgress, body: '完成。' })),
  },
  {
    name: 'rate a task',
    allow: RESIDENTS,
    run: (f) => follow.rateAction(f.compoundId, null, form({ topicId: f.rating, stars: 4 })),
  },
  {
    name: 'escalate',
    allow: DECIDERS,
    run: (f) => follow.escalateAction(f.compoundId, null, form({ topicId: f.deliberating, reason: '小区解决不了。' })),
  },
  {
    name: 'answer an escalation',
    allow: ['community'],
    deny: 'notFound',
    run: (f) =>
      escalations.settleEscalationAction(
        null,
        form({ escalationId: f.escalationId, kind: 'answer', text: '已协调。' }),
      ),
  },
  {
    name: 'note households reminded to vote',
    allow: ['grid'],
    // The reminder list is the grid worker's: to anyone else it does not exist.
    deny: 'notFound',
    run: (f) =>
      reminders.markRemindedAction(
        f.compoundId,
        null,
        form({ voteId: f.consultation, voterKeys: [`p:${f.resident}`] }),
      ),
  },
  {
    name: 'edit compound settings',
    allow: STAFF,
    run: (f) =>
      compoundAdmin.updateCompoundAction(
        f.compoundId,
        null,
        form({
          name: f.compoundId === fx.own.compoundId ? '合和大院' : '亿泰庄园',
          noticeDays: 5,
          ratingDays: 7,
          escalateAfterDays: 7,
        }),
      ),
  },
  {
    name: 'add a building',
    allow: STAFF,
    run: (f) => compoundAdmin.addBuildingAction(f.compoundId, null, form({ name: '新楼', floors: 6 })),
  },
  {
    name: 'edit a building',
    allow: STAFF,
    run: (f) =>
      compoundAdmin.updateBuildingAction(
        f.compoundId,
        null,
        form({ buildingId: f.buildingId, name: '改名楼', floors: 7 }),
      ),
  },
  {
    name: 'set property companies',
    allow: STAFF,
    run: (f) =>
      compoundAdmin.setServicesAction(f.compoundId, null, form({ companyIds: [f.companyId], newCompany: '新物业' })),
  },
  {
    name: 'import units (CSV)',
    allow: STAFF,
    run: (f) => {
      const building = f.compoundId === fx.own.compoundId ? '1号楼' : '1栋';
      const csv = `楼栋,户号,楼层,面积,面积来源,产权类型,业主\n${building},9单元901,9,88.5,register,person,测试业主:13900009999\n`;
      return compoundAdmin.importUnitsAction(
        f.compoundId,
        null,
        form({ file: new File([csv], 'units.csv', { type: 'text/csv' }) }),
      );
    },
  },
  {
    name: 'export records (CSV)',
    allow: REGISTER,
    writes: false,
    run: (f) =>
      exportRoute.GET(new Request(`http://x/api/compounds/${f.compoundId}/export?from=2026-01-01&to=2030-01-01`), {
        params: Promise.resolve({ compoundId: String(f.compoundId) }),
      }),
  },
  {
    name: 'GET a topic photo',
    allow: EVERYONE_IN,
    deny: 'notFound',
    writes: false,
    run: (f) =>
      photoRoute.GET(new Request(`http://x/api/photos/${f.photoId}`), {
        params: Promise.resolve({ photoId: String(f.photoId) }),
      }),
  },
  {
    name: 'make activation letters for a building',
    allow: [...COMMITTEE, ...STAFF],
    run: (f) =>
      letters.generateLettersAction(f.compoundId, null, form({ scope: 'building', buildingId: f.buildingId })),
  },
  {
    name: "answer a request to join a unit (the household's voter, grid worker or secretary)",
    allow: ['owner', 'grid', 'secretary'],
    deny: 'notFound',
    run: (f) => household.answerJoinRequestAction(null, form({ requestId: f.joinRequestId, answer: 'approve' })),
  },
  {
    // The tenant lives in the 'owner' label's flat in 合和大院: its household's voter may record it too.
    name: 'record a tenant moving out',
    allow: ['owner', 'grid', 'secretary', ...STAFF],
    run: (f) => household.moveOutAction(f.compoundId, null, form({ membershipId: f.tenancyId })),
  },
  {
    name: 'record a change of owner',
    allow: STAFF,
    run: (f) =>
      transfers.recordTransferAction(
        f.compoundId,
        null,
        form({
          buildingId: f.buildingId,
          unit: f.unitNumber,
          effective: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
          owners: '过户新业主:13966660001',
        }),
      ),
  },
  {
    name: 'import changes of owner (CSV)',
    allow: STAFF,
    run: (f) => {
      const csv = `楼栋,户号,生效日期,新业主\n${f.buildingName},${f.unitNumber},2026-01-01,文件新业主:13966660002\n`;
      return transfers.importTransfersAction(
        f.compoundId,
        null,
        form({ file: new File([csv], 'transfers.csv', { type: 'text/csv' }) }),
      );
    },
  },
  {
    name: "answer a resident's correction request",
    allow: STAFF,
    global: true,
    outsideReach: 'notFound',
    run: (f) => corrections.answerCorrectionAction(null, form({ requestId: f.correctionId, answer: '已核实并更正。' })),
  },
  {
    // Only the household's own co-owners (none of the actors here) may propose or confirm its new voter.
    name: 'propose a new voter for a co-owned household',
    allow: [],
    global: true,
    run: (f) => home.proposeVoterAction(null, form({ holderId: f.coHolderId || 1, newVoterId: 1 })),
  },
  {
    name: "confirm a co-owned household's new voter",
    allow: [],
    global: true,
    run: (f) => home.confirmVoterAction(null, form({ changeId: f.voterChangeId || 1 })),
  },
  {
    name: "download a closed vote's receipt codes",
    allow: EVERYONE_IN,
    writes: false,
    run: (f) =>
      receiptsRoute.GET(new Request('http://x/receipts'), {
        params: Promise.resolve({ compoundId: String(f.compoundId), voteId: String(f.closed) }),
      }),
  },
  // Above the compounds: the community, or a person.
  {
    name: 'create a compound in the community',
    allow: STAFF,
    global: true,
    run: (f) =>
      admin.createCompoundAction(
        null,
        form({ communityId: f.communityId, name: '新小区', noticeDays: 7, ratingDays: 7, escalateAfterDays: 7 }),
      ),
  },
  {
    name: 'make a resident a representative',
    allow: STAFF,
    global: true,
    outsideReach: 'notFound',
    run: (f) =>
      peopleAdmin.grantRoleAction(null, form({ personId: f.resident, role: 'resident_rep', scopeId: f.compoundId })),
  },
  {
    name: 'take a role away',
    allow: STAFF,
    global: true,
    run: (f) => peopleAdmin.revokeRoleAction(null, form({ membershipId: f.revokable })),
  },
  {
    name: "reset a resident's password",
    allow: STAFF,
    global: true,
    outsideReach: 'notFound',
    run: (f) => peopleAdmin.resetPasswordAction(null, form({ personId: f.resident, password: 'Neue-Passwort-2026' })),
  },
  {
    name: "set the district's minimum notice period",
    allow: ['district'],
    global: true,
    run: (f) =>
      districtRules.setDistrictMinimumAction(null, form({ districtId: f.districtId, minAssemblyNoticeDays: 20 })),
  },
];

/** A device's push subscription as a browser would send it, one per person (keys of the right sizes). */
function pushDevice(as: string) {
  return {
    endpoint: `https://fcm.googleapis.com/fcm/send/matrix-${as}`,
    p256dh: `B${'A'.repeat(86)}`,
    auth: 'A'.repeat(22),
    locale: 'zh-CN',
  };
}

/** Not about any compound: everyone signed in may, for themselves. */
const SELF_CASES: Case[] = [
  {
    name: 'mark notifications read',
    allow: [],
    global: true,
    // Only writes when there is something unread.
    writes: false,
    run: () => notifications.markAllReadAction(null, form({})),
  },
  {
    name: 'change own password',
    allow: [],
    global: true,
    run: () =>
      account.changePasswordAction(
        null,
        form({ current: 'yishi2026', password: 'Neue-Passwort-2026', confirm: 'Neue-Passwort-2026' }),
      ),
  },
  {
    name: 'subscribe this device to push',
    allow: [],
    global: true,
    run: (_f, as) => settings.savePushSubscriptionAction(null, form(pushDevice(as))),
  },
  {
    name: "unsubscribe one's own device",
    allow: [],
    global: true,
    run: async (_f, as) => {
      await settings.savePushSubscriptionAction(null, form(pushDevice(as)));
      return settings.removePushSubscriptionAction(null, form({ endpoint: pushDevice(as).endpoint }));
    },
  },
  {
    name: 'set quiet hours',
    allow: [],
    global: true,
    run: () => settings.saveQuietHoursAction(null, form({ quietEnabled: 'on', quietFrom: '21:30', quietTo: '07:00' })),
  },
  {
    name: 'switch elderly mode',
    allow: [],
    global: true,
    anon: 'ok',
    writes: false,
    run: () => care.setCareMode(true),
  },
  {
    name: 'choose the language',
    allow: [],
    global: true,
    anon: 'ok',
    writes: false,
    run: () => locale.setLocale('en'),
  },
  {
    // The letter is the authority: whoever holds the code and knows the holder's name, signed in or not.
    name: 'activate an account with a letter',
    allow: [],
    global: true,
    anon: 'ok',
    run: () =>
      activation.activateAction(
        null,
        form({
          code: letterCode.code,
          name: letterCode.name,
          mobile: '13912345670',
          password: 'Neue-Passwort-2026',
          confirm: 'Neue-Passwort-2026',
          privacy: 'on',
        }),
      ),
  },
  {
    // Anyone may ask to join a home, signed in or not; the household's voter or the compound's staff answer.
    name: 'ask to join a unit',
    allow: [],
    global: true,
    anon: 'ok',
    run: () =>
      join.fileJoinRequestAction(
        null,
        form({
          compoundId: fx.own.compoundId,
          buildingId: fx.own.buildingId,
          unit: fx.own.unitNumber,
          relation: 'family_member',
          name: '新家人',
          mobile: '13955550001',
          password: 'Neue-Passwort-2026',
          confirm: 'Neue-Passwort-2026',
          privacy: 'on',
        }),
      ),
  },
  {
    name: 'ask for a correction of my data',
    allow: [],
    global: true,
    run: () => home.requestCorrectionAction(null, form({ topic: 'name', body: '我的姓名写错了。' })),
  },
  {
    name: 'download my data (GET /api/me/data)',
    allow: [],
    global: true,
    writes: false,
    run: () => myDataRoute.GET(new Request('http://x/api/me/data?format=csv')),
  },
  {
    // Anyone may ask; the answer is the same for every number (server/sms/sign-in.ts).
    name: 'ask for an SMS sign-in code',
    allow: [],
    global: true,
    anon: 'ok',
    run: () => smsLogin.requestSmsCodeAction(null, form({ mobile: '13800000004' })),
  },
  {
    // Ends one's own session (written for everyone signed in); with none, only the way to the login page.
    name: 'log out',
    allow: [],
    global: true,
    anon: 'ok',
    writes: false,
    run: () => logout.logoutAction(),
  },
  {
    name: 'open an account',
    allow: STAFF,
    global: true,
    run: () =>
      peopleAdmin.createAccountAction(
        null,
        form({ name: '新住户', mobile: '13912345678', password: 'Neue-Passwort-2026' }),
      ),
  },
];

const STAFF_ALL: Label[] = ['community', 'street', 'district', 'otherCommunity'];

function expected(c: Case, label: Label, side: Side): Outcome {
  if (label === 'anon') return c.anon ?? 'signedOut';
  if (SELF_CASES.includes(c)) {
    if (c.allow.length === 0) return 'ok';
    return STAFF_ALL.includes(label) ? 'ok' : 'refused';
  }
  const as = side === 'own' ? (IN_OWN.includes(label) ? label : undefined) : OTHER_AS[label];
  if (c.global) {
    // Staff act within their reach; the compound's own people are refused like anyone else.
    if (as && c.allow.includes(as)) return 'ok';
    return STAFF_ALL.includes(label) && c.outsideReach ? c.outsideReach : 'refused';
  }
  if (!as) return 'notFound';
  return c.allow.includes(as) ? 'ok' : (c.deny ?? 'refused');
}

interface Row {
  case: string;
  actor: Label;
  side: Side;
  expected: Outcome;
  got: Outcome;
  detail: string;
  wrote: number;
}
const results: Row[] = [];

beforeAll(async () => {
  setupDatabase();
  fx.own = await build('合和大院', { secretary: ACTORS.secretary });
  fx.other = await build('亿泰庄园', { secretary: ACTORS.otherSecretary });
  actAs(personId(ACTORS.community));
  const made = await letters.generateLettersAction(fx.own.compoundId, null, form({ scope: 'compound' }));
  const first = made.ok ? made.data.letters[0] : undefined;
  if (!first) throw new Error('no activation letter for the matrix');
  letterCode.code = first.code;
  letterCode.name = (globalThis as unknown as { yishiDb: import('@/db/client').Db }).yishiDb.$client
    .prepare(`select h.name from units u join buildings b on b.id = u.building_id join holders h on h.id = u.holder_id
               where b.compound_id = ? and b.name || u.number = ?`)
    .pluck()
    .get(fx.own.compoundId, first.units) as string;
  actAs(null);
}, 120_000);

afterAll(() => {
  const size = results.length;
  const allowed = results.filter((r) => r.expected === 'ok').length;
  console.log(
    `authorization matrix: ${CASES.length + SELF_CASES.length} actions and handlers × ${LABELS.length} actors × own/other compound = ${size} cases (${allowed} allowed, ${size - allowed} refused or not found)`,
  );
  teardownDatabase();
});

describe('authorization matrix', () => {
  const all = [...CASES, ...SELF_CASES];
  for (const c of all) {
    for (const side of SELF_CASES.includes(c) ? (['own'] as const) : (['own', 'other'] as const)) {
      it(`${c.name} — ${side} compound`, async () => {
        const wrong: Row[] = [];
        for (const label of LABELS) {
          // Sessions are made outside the rolled-back transaction, so they outlive it.
          actAs(label === 'anon' ? null : personId(ACTORS[label]));
          const row = await rolledBack(async () => {
            const before = totalChanges();
            const as = side === 'own' ? label : (OTHER_AS[label] ?? label);
            const { outcome, detail } = await outcomeOf(() => c.run(fx[side], as));
            return {
              case: c.name,
              actor: label,
              side,
              expected: expected(c, label, side),
              got: outcome,
              detail,
              wrote: totalChanges() - before,
            };
          });
          results.push(row);
          const wroteWhenRefused = row.got !== 'ok' && row.wrote !== 0;
          const silentSuccess = row.got === 'ok' && (c.writes ?? true) && row.wrote === 0;
          if (row.got !== row.expected || wroteWhenRefused || silentSuccess) wrong.push(row);
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

// ── Dashboards: who may open which, and how much of it ──

const { requireDashboard } = await import('@/server/dashboard');

type View = 'full' | 'public' | 'notFound' | 'signedOut';
const RUNS_COMPOUND: Label[] = ['secretary', 'chair', 'member', 'grid', 'property'];
const PUBLIC_IN_OWN: Label[] = ['owner', 'tenant', 'partyMember', 'rep', 'guest'];

/** 合和大院 is in 中兴社区, 老虎滩街道; 亿泰庄园 in 林海社区, 葵英街道; all in 中山区. */
const DASHBOARDS: { name: string; level: string; id: () => number; full: Label[]; public?: Label[] }[] = [
  {
    name: '合和大院',
    level: 'compound',
    id: () => fx.own.compoundId,
    full: [...RUNS_COMPOUND, ...STAFF],
    public: PUBLIC_IN_OWN,
  },
  {
    name: '亿泰庄园',
    level: 'compound',
    id: () => fx.other.compoundId,
    full: ['otherSecretary', 'otherProperty', 'otherCommunity', 'district'],
  },
  { name: '中兴社区', level: 'community', id: () => fx.own.communityId, full: STAFF },
  { name: '林海社区', level: 'community', id: () => fx.other.communityId, full: ['otherCommunity', 'district'] },
  { name: '老虎滩街道', level: 'street', id: () => streetOf(fx.own.communityId), full: ['street', 'district'] },
  { name: '葵英街道', level: 'street', id: () => streetOf(fx.other.communityId), full: ['district'] },
  { name: '中山区', level: 'district', id: () => 1, full: ['district'] },
];

function streetOf(communityId: number): number {
  const row = (globalThis as unknown as { yishiDb: import('@/db/client').Db }).yishiDb.$client
    .prepare('select street_id as id from communities where id = ?')
    .get(communityId) as { id: number };
  return row.id;
}

describe('dashboard access', () => {
  for (const d of DASHBOARDS) {
    it(`${d.name} (${d.level}) dashboard: full, public part or not found`, async () => {
      const wrong: { actor: Label; expected: View; got: View }[] = [];
      for (const label of LABELS) {
        actAs(label === 'anon' ? null : personId(ACTORS[label]));
        const expected: View =
          label === 'anon'
            ? 'signedOut'
            : d.full.includes(label)
              ? 'full'
              : d.public?.includes(label)
                ? 'public'
                : 'notFound';
        let got: View;
        try {
          got = (await requireDashboard(d.level, String(d.id()))).view;
        } catch (error) {
          const digest = (error as { digest?: string }).digest ?? '';
          got = digest.startsWith('NEXT_REDIRECT') ? 'signedOut' : digest.includes('404') ? 'notFound' : 'full';
          if (!digest) throw error;
        }
        if (got !== expected) wrong.push({ actor: label, expected, got });
      }
      expect(wrong).toEqual([]);
    });
  }

  it('ids that are not places, and unknown levels, are not found for anyone', async () => {
    actAs(personId(ACTORS.district));
    for (const [level, id] of [
      ['district', '999'],
      ['street', '0'],
      ['planet', '1'],
      ['compound', '1 or 1=1'],
      ['community', '-3'],
    ]) {
      await expect(requireDashboard(String(level), String(id))).rejects.toMatchObject({
        digest: expect.stringContaining('404'),
      });
    }
  });
});

// ── Cached dashboard pages: the production server's page cache (server/http/dashboard-cache.ts) ──

const { dashboardRule } = await import('@/server/http/dashboard-cache');
const { authSecret } = await import('@/server/auth/secret');
const { sessionCookie } = await import('./page-cache-stand-in');

/** The request a browser of this label sends for a dashboard (the cookie carries their real session). */
async function dashboardRequest(label: Label, url: string): Promise<import('node:http').IncomingMessage> {
  const cookie = label === 'anon' ? '' : await sessionCookie(personId(ACTORS[label]), authSecret());
  return {
    url,
    method: 'GET',
    headers: { cookie, host: 'yishi.test' },
  } as unknown as import('node:http').IncomingMessage;
}

describe('cached dashboard pages', () => {
  for (const d of DASHBOARDS) {
    for (const screen of ['', '/screen']) {
      it(`${d.name} (${d.level})${screen}: only those who may see it get a cache entry, each their own`, async () => {
        const url = `/d/${d.level}/${d.id()}${screen}`;
        const wrong: { actor: Label; expected: boolean; got: boolean }[] = [];
        const keys = new Map<string, Label>();
        for (const label of LABELS) {
          const rule = await dashboardRule(await dashboardRequest(label, url), Date.now());
          const expected = d.full.includes(label) || (d.public?.includes(label) ?? false);
          if ((rule !== null) !== expected) wrong.push({ actor: label, expected, got: rule !== null });
          if (rule) {
            // No two people's requests ever select the same entry.
            expect(keys.get(rule.key)).toBeUndefined();
            keys.set(rule.key, label);
          }
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});

// ── Cached compound pages: topic list, topic, settled vote, task list (server/http/compound-page-cache.ts) ──

const { compoundPageRule } = await import('@/server/http/compound-page-cache');

describe('cached compound pages', () => {
  const pages = (f: Fixture) => [
    `/c/${f.compoundId}/topics`,
    `/c/${f.compoundId}/topics?status=deliberating`,
    `/c/${f.compoundId}/topics/${f.deliberating}`,
    `/c/${f.compoundId}/votes/${f.closed}`,
  ];
  for (const side of ['own', 'other'] as const) {
    it(`${side === 'own' ? '合和大院' : '亿泰庄园'}: only those who may see the compound get a cache entry, each their own`, async () => {
      const may: readonly Label[] =
        side === 'own' ? EVERYONE_IN : ['otherSecretary', 'otherProperty', 'otherCommunity', 'district'];
      const wrong: { actor: Label; url: string; expected: boolean; got: boolean }[] = [];
      for (const url of pages(fx[side])) {
        const keys = new Map<string, Label>();
        for (const label of LABELS) {
          const rule = await compoundPageRule(await dashboardRequest(label, url), Date.now());
          const expected = may.includes(label);
          if ((rule !== null) !== expected) wrong.push({ actor: label, url, expected, got: rule !== null });
          if (rule) {
            expect(keys.get(rule.key)).toBeUndefined();
            keys.set(rule.key, label);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('the task list: only property staff get a cache entry, each their own', async () => {
    const wrong: { actor: Label; expected: boolean; got: boolean }[] = [];
    const keys = new Set<string>();
    for (const label of LABELS) {
      const rule = await compoundPageRule(await dashboardRequest(label, '/tasks'), Date.now());
      const expected = label === 'property' || label === 'otherProperty';
      if ((rule !== null) !== expected) wrong.push({ actor: label, expected, got: rule !== null });
      if (rule) {
        expect(keys.has(rule.key)).toBe(false);
        keys.add(rule.key);
      }
    }
    expect(wrong).toEqual([]);
  });
});
