/**
 * Hostile input, generated: every server action and route handler gets FUZZ_RUNS (default 1,000;
 * `npm run fuzz` runs 20,000) inputs each — wrong types, huge strings, unicode edge cases, SQL and
 * HTML injection, negative and enormous numbers, missing and extra fields, ids forged from another
 * compound — from an actor who may use it, so the input reaches as deep as it can. Expected: never
 * an unhandled error; a refusal always comes with a message and changes nothing; nothing written
 * ever belongs to another compound.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import {
  actAs,
  currentActor,
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
// Password hashing is not what is under test, and at 50 ms a hash it would dominate the run.
vi.mock('@node-rs/argon2', () => ({
  hash: async () => '$argon2id$v=19$m=19456,t=2,p=1$fake$fake',
  hashSync: () => '$argon2id$v=19$m=19456,t=2,p=1$fake$fake',
  verify: async () => true,
}));

const fx = await import('./action-fixtures');
const { findCompoundPlace } = await import('@/db/places/places');
const { canViewCompound } = await import('@/lib/auth/permissions');
const { findRefused, normaliseText } = await import('@/lib/validation/human-text');
type Fixture = import('./action-fixtures').Fixture;

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

const NASTY = [
  '',
  ' ',
  '\u0000',
  '\u202e\u202d',
  '\ufeff',
  '\ud800',
  '王秋萍\u200b',
  '王\u200d秋萍',
  '\u2066王秋萍\u2069',
  '王秋萍\u00ad',
  '\u3164',
  '同意\u2028',
  '同意\r\n\t第二行',
  'Zoe\u0308',
  '𝟘𝟙𝟚',
  '👨‍👩‍👧‍👦'.repeat(50),
  'x'.repeat(100_000),
  '中'.repeat(20_000),
  "' OR 1=1 --",
  '"; DROP TABLE topics; --',
  '1; update people set password_hash = null; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '../../etc/passwd',
  '%00',
  '-1',
  '0',
  '-0',
  '1e309',
  '1e-309',
  '9007199254740993',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '0x10',
  '1.5',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '2026-02-30T10:00',
  '9999-12-31T23:59',
  '1900-01-01',
  'h:1',
  'p:-1',
  'h:99999999999999999',
  'agree',
  'upheld',
  'property',
  'community',
  'answer',
  'forward',
  'accept',
  'merge',
];

/** Fields a person types text into, whatever the action (passwords, ids, choices and files are not). */
const TEXT_FIELDS = new Set([
  'title',
  'description',
  'reason',
  'body',
  'place',
  'extraMobiles',
  'minutes',
  'question',
  'customOptions',
  'serial',
  'note',
  'comment',
  'answer',
  'text',
  'name',
  'address',
  'newCompany',
  'grid',
  'materials',
  'howToVote',
  'ballotBox',
  'm1_question',
  'm1_options',
  'm2_question',
  'statement',
  'lines',
]);

let own: Fixture;
let ids: number[] = [];

/** Ordinary text with control, format and invisible characters among it (see lib/validation/human-text.ts). */
const SNEAKY = fc.string({
  unit: fc.constantFrom(
    '王',
    '秋',
    '萍',
    'a',
    ' ',
    '\n',
    '\t',
    '\u0000',
    '\u001b',
    '\u0085',
    '\u00ad',
    '\u200b',
    '\u200d',
    '\u200e',
    '\u202e',
    '\u2060',
    '\u2066',
    '\u2069',
    '\ufeff',
    '\u2028',
    '\u3164',
    '\u{e0041}',
    '😀',
  ),
  minLength: 1,
  maxLength: 20,
});

const hostile = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: SNEAKY },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 2, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }).map(String) },
    { weight: 1, arbitrary: fc.double().map(String) },
    // Real ids, of this compound and of the other one: deep paths and forged references.
    { weight: 4, arbitrary: fc.constantFrom(...ids).map(String) },
  );

/** A form with the action's fields, each missing, one value or several, and a few extra fields. */
function formArb(fields: readonly string[]) {
  const value = fc.option(fc.oneof(hostile(), fc.array(hostile(), { maxLength: 3 })), { nil: undefined });
  return fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, value]))),
      fc.dictionary(fc.string({ maxLength: 12 }), hostile(), { maxKeys: 3 }),
    )
    .map(([known, extra]) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...extra, ...known })) {
        if (v === undefined) continue;
        for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
      }
      return form;
    });
}

interface Target {
  name: string;
  actor: string;
  fields: readonly string[];
  call: (f: Fixture, form: FormData) => Promise<unknown>;
  /** Refusals that count an attempt (activation, SMS codes) write the count; everything else refused writes nothing. */
  refusalMayWrite?: boolean;
}

const TARGETS: Target[] = [
  {
    name: 'raiseTopic',
    actor: '13800000004',
    fields: ['title', 'description', 'category', 'buildingId'],
    call: (f, d) => fx.topics.raiseTopicAction(f.compoundId, null, d),
  },
  {
    name: 'cosign',
    actor: '13800000004',
    fields: ['topicId'],
    call: (f, d) => fx.topics.cosignAction(f.compoundId, null, d),
  },
  {
    name: 'follow',
    actor: '13800000004',
    fields: ['topicId', 'follow'],
    call: (f, d) => fx.topics.followAction(f.compoundId, null, d),
  },
  {
    name: 'review',
    actor: '13800000001',
    fields: ['topicId', 'action', 'reason', 'mergeInto'],
    call: (f, d) => fx.topics.reviewAction(f.compoundId, null, d),
  },
  {
    name: 'comment',
    actor: '13800000004',
    fields: ['topicId', 'body', 'parentId'],
    call: (f, d) => fx.topic.commentAction(f.compoundId, null, d),
  },
  {
    name: 'report',
    actor: '13800000004',
    fields: ['commentId', 'reason'],
    call: (f, d) => fx.topic.reportAction(f.compoundId, null, d),
  },
  {
    name: 'hide',
    actor: '13800000001',
    fields: ['commentId', 'reason'],
    call: (f, d) => fx.topic.hideAction(f.compoundId, null, d),
  },
  {
    name: 'position',
    actor: '13800000001',
    fields: ['topicId', 'party', 'body'],
    call: (f, d) => fx.topic.positionAction(f.compoundId, null, d),
  },
  {
    name: 'scheduleMeeting',
    actor: '13800000001',
    fields: ['title', 'startsAt', 'place', 'topicIds', 'inviteeIds', 'extraMobiles'],
    call: (f, d) => fx.meetings.scheduleMeetingAction(f.compoundId, null, d),
  },
  {
    name: 'recordMinutes',
    actor: '13800000001',
    fields: ['meetingId', 'minutes', 'attendeeIds'],
    call: (f, d) => fx.meetings.recordMinutesAction(f.compoundId, null, d),
  },
  {
    name: 'openVote',
    actor: '13800000002',
    fields: [
      'topicId',
      'kind',
      'question',
      'matterItem',
      'customOptions',
      'choiceMode',
      'secret',
      'allowChange',
      'buildingIds',
      'startsAt',
      'endsAt',
    ],
    call: (f, d) => fx.votes.openVoteAction(f.compoundId, null, d),
  },
  {
    name: 'castBallot',
    actor: '13800000004',
    fields: ['voteId', 'voterKey', 'choice'],
    call: (f, d) => fx.votes.castBallotAction(f.compoundId, null, d),
  },
  {
    name: 'enterPaper',
    actor: '13800000003',
    fields: ['voteId', 'voterKey', 'serial', 'choice'],
    call: (f, d) => fx.votes.enterPaperAction(f.compoundId, null, d),
  },
  {
    name: 'confirmPaper',
    actor: '13800000002',
    fields: ['voteId', 'voterKey'],
    call: (f, d) => fx.votes.confirmPaperAction(f.compoundId, null, d),
  },
  {
    name: 'closeVote',
    actor: '13800000001',
    fields: ['voteId'],
    call: (f, d) => fx.votes.closeVoteAction(f.compoundId, null, d),
  },
  {
    name: 'announceAssembly',
    actor: '13800000002',
    fields: [
      'title',
      'materials',
      'howToVote',
      'ballotBox',
      'objectionsUntil',
      'startsAt',
      'endsAt',
      'm1_topicId',
      'm1_kind',
      'm1_item',
      'm1_question',
      'm1_options',
      'm2_topicId',
      'm2_kind',
      'm2_item',
      'm2_question',
    ],
    call: (f, d) => fx.assemblies.announceAssemblyAction(f.compoundId, null, d),
  },
  {
    name: 'closeAssembly',
    actor: '13800000002',
    fields: ['assemblyId'],
    call: (f, d) => fx.assemblies.closeAssemblyAction(f.compoundId, null, d),
  },
  {
    name: 'registerObjection',
    actor: '13800000004',
    fields: ['assemblyId', 'unitId', 'kind', 'claimedArea', 'reason'],
    call: (f, d) => fx.register.registerObjectionAction(f.compoundId, null, d),
  },
  {
    name: 'answerRegisterObjection',
    actor: '13800000003',
    fields: ['objectionId', 'outcome', 'correctedArea', 'areaSource', 'answer'],
    call: (f, d) => fx.register.answerRegisterObjectionAction(f.compoundId, null, d),
  },
  {
    name: 'grantProxy',
    actor: '13800000008',
    fields: ['assemblyId', 'voterKey', 'agentMobile', 'document'],
    call: (f, d) => {
      // Whatever text arrived as "document" is uploaded as the file.
      const text = String(d.get('document') ?? '');
      d.set('document', new File([text], 'doc.pdf', { type: 'application/pdf' }));
      return fx.proxies.grantProxyAction(f.compoundId, null, d);
    },
  },
  {
    name: 'reviewProxy',
    actor: '13800000003',
    fields: ['proxyId', 'step', 'reason'],
    call: (f, d) => fx.proxies.reviewProxyAction(f.compoundId, null, d),
  },
  {
    name: 'withdrawProxy',
    actor: '13800000004',
    fields: ['proxyId'],
    call: (f, d) => fx.proxies.withdrawProxyAction(f.compoundId, null, d),
  },
  {
    name: 'openNominations',
    actor: '13800000002',
    fields: ['topicId'],
    call: (f, d) => fx.nominations.openNominationsAction(f.compoundId, null, d),
  },
  {
    name: 'nominate',
    actor: '13800000004',
    fields: ['topicId', 'mobile', 'statement'],
    call: (f, d) => fx.nominations.nominateAction(f.compoundId, null, d),
  },
  {
    name: 'answerNomination',
    actor: '13800000002',
    fields: ['nominationId', 'outcome', 'eligible', 'reason'],
    call: (f, d) => fx.nominations.answerNominationAction(f.compoundId, null, d),
  },
  {
    name: 'recordNotPassed',
    actor: '13800000001',
    fields: ['topicId', 'voteId', 'note'],
    call: (f, d) => fx.follow.recordNotPassedAction(f.compoundId, null, d),
  },
  {
    name: 'enterPaperBatch',
    actor: '13800000003',
    fields: ['voteId', 'lines'],
    call: (f, d) => fx.paperBatch.enterPaperBatchAction(f.compoundId, null, d),
  },
  {
    name: 'confirmPaperBatch',
    actor: '13800000002',
    fields: ['voteId', 'voterKeys'],
    call: (f, d) => fx.paperBatch.confirmPaperBatchAction(f.compoundId, null, d),
  },
  {
    name: 'updateAssemblyRules',
    actor: '13800000011',
    fields: [
      'assemblyNoticeDays',
      'votingMinDays',
      'maxProxies',
      'committeeSeats',
      'committeeAlternates',
      'handoverDays',
    ],
    call: (f, d) => fx.assemblyRules.updateAssemblyRulesAction(f.compoundId, null, d),
  },
  {
    name: 'setDistrictMinimum',
    actor: '13800000013',
    fields: ['districtId', 'minAssemblyNoticeDays'],
    call: (_f, d) => fx.districtRules.setDistrictMinimumAction(null, d),
  },
  {
    name: 'GET assembly file',
    actor: '13800000004',
    fields: ['fileId'],
    call: (_f, d) =>
      fx.assemblyFileRoute.GET(new Request('http://x/f'), {
        params: Promise.resolve({ fileId: String(d.get('fileId') ?? '') }),
      }),
  },
  {
    name: 'recordDecision',
    actor: '13800000001',
    fields: ['topicId', 'body', 'minutes', 'voteId', 'party', 'companyId', 'deadline'],
    call: (f, d) => fx.follow.recordDecisionAction(f.compoundId, null, d),
  },
  {
    name: 'publishDecision',
    actor: '13800000001',
    fields: ['topicId'],
    call: (f, d) => fx.follow.publishDecisionAction(f.compoundId, null, d),
  },
  {
    name: 'object',
    actor: '13800000004',
    fields: ['topicId', 'reason'],
    call: (f, d) => fx.follow.objectAction(f.compoundId, null, d),
  },
  {
    name: 'answerObjection',
    actor: '13800000001',
    fields: ['objectionId', 'outcome', 'answer'],
    call: (f, d) => fx.follow.answerObjectionAction(f.compoundId, null, d),
  },
  {
    name: 'acceptTask',
    actor: '13800000009',
    fields: ['topicId', 'note'],
    call: (f, d) => fx.follow.acceptTaskAction(f.compoundId, null, d),
  },
  {
    name: 'progress',
    actor: '13800000009',
    fields: ['topicId', 'body', 'percent'],
    call: (f, d) => fx.follow.progressAction(f.compoundId, null, d),
  },
  {
    name: 'completeTask',
    actor: '13800000009',
    fields: ['topicId', 'body'],
    call: (f, d) => fx.follow.completeTaskAction(f.compoundId, null, d),
  },
  {
    name: 'rate',
    actor: '13800000004',
    fields: ['topicId', 'stars', 'comment'],
    call: (f, d) => fx.follow.rateAction(f.compoundId, null, d),
  },
  {
    name: 'escalate',
    actor: '13800000001',
    fields: ['topicId', 'reason'],
    call: (f, d) => fx.follow.escalateAction(f.compoundId, null, d),
  },
  {
    name: 'settleEscalation',
    actor: '13800000011',
    fields: ['escalationId', 'kind', 'text'],
    call: (_f, d) => fx.escalations.settleEscalationAction(null, d),
  },
  {
    name: 'updateCompound',
    actor: '13800000011',
    fields: ['name', 'address', 'noticeDays', 'ratingDays', 'escalateAfterDays', 'nonVotersFollowMajority'],
    call: (f, d) => fx.compoundAdmin.updateCompoundAction(f.compoundId, null, d),
  },
  {
    name: 'addBuilding',
    actor: '13800000011',
    fields: ['name', 'floors'],
    call: (f, d) => fx.compoundAdmin.addBuildingAction(f.compoundId, null, d),
  },
  {
    name: 'updateBuilding',
    actor: '13800000011',
    fields: ['buildingId', 'name', 'floors'],
    call: (f, d) => fx.compoundAdmin.updateBuildingAction(f.compoundId, null, d),
  },
  {
    name: 'setServices',
    actor: '13800000011',
    fields: ['companyIds', 'newCompany'],
    call: (f, d) => fx.compoundAdmin.setServicesAction(f.compoundId, null, d),
  },
  {
    name: 'importUnits',
    actor: '13800000011',
    fields: ['file'],
    call: (f, d) => {
      // Whatever text arrived as "file" is uploaded as the CSV.
      const text = String(d.get('file') ?? '');
      d.set('file', new File([text], 'units.csv', { type: 'text/csv' }));
      return fx.compoundAdmin.importUnitsAction(f.compoundId, null, d);
    },
  },
  {
    name: 'createCompound',
    actor: '13800000011',
    fields: ['communityId', 'name', 'address', 'noticeDays', 'ratingDays', 'escalateAfterDays'],
    call: (_f, d) => fx.admin.createCompoundAction(null, d),
  },
  {
    name: 'createAccount',
    actor: '13800000011',
    fields: ['name', 'mobile', 'password', 'partyMember'],
    call: (_f, d) => fx.peopleAdmin.createAccountAction(null, d),
  },
  {
    name: 'grantRole',
    actor: '13800000011',
    fields: ['personId', 'role', 'scopeId', 'grid', 'guestKind'],
    call: (_f, d) => fx.peopleAdmin.grantRoleAction(null, d),
  },
  {
    name: 'revokeRole',
    actor: '13800000011',
    fields: ['membershipId'],
    call: (_f, d) => fx.peopleAdmin.revokeRoleAction(null, d),
  },
  {
    name: 'resetPassword',
    actor: '13800000011',
    fields: ['personId', 'password'],
    call: (_f, d) => fx.peopleAdmin.resetPasswordAction(null, d),
  },
  {
    name: 'changePassword',
    actor: '13800000020',
    fields: ['current', 'password', 'confirm'],
    call: (_f, d) => fx.account.changePasswordAction(null, d),
  },
  {
    name: 'markAllRead',
    actor: '13800000004',
    fields: [],
    call: (_f, d) => fx.notifications.markAllReadAction(null, d),
  },
  {
    name: 'savePushSubscription',
    actor: '13800000004',
    fields: ['endpoint', 'p256dh', 'auth', 'locale'],
    call: (_f, d) => fx.settings.savePushSubscriptionAction(null, d),
  },
  {
    name: 'removePushSubscription',
    actor: '13800000004',
    fields: ['endpoint'],
    call: (_f, d) => fx.settings.removePushSubscriptionAction(null, d),
  },
  {
    name: 'saveQuietHours',
    actor: '13800000004',
    fields: ['quietEnabled', 'quietFrom', 'quietTo'],
    call: (_f, d) => fx.settings.saveQuietHoursAction(null, d),
  },
  {
    name: 'markReminded',
    actor: '13800000010',
    fields: ['voteId', 'voterKeys'],
    call: (f, d) => fx.reminders.markRemindedAction(f.compoundId, null, d),
  },
  {
    name: 'setCareMode',
    actor: '13800000004',
    fields: ['on'],
    call: (_f, d) => fx.care.setCareMode(d.get('on') as unknown as boolean),
  },
  {
    name: 'setLocale',
    actor: '13800000004',
    fields: ['locale'],
    call: (_f, d) => fx.locale.setLocale(String(d.get('locale') ?? '')),
  },
  {
    name: 'generateLetters',
    actor: '13800000011',
    fields: ['scope', 'buildingId', 'units'],
    call: (f, d) => fx.letters.generateLettersAction(f.compoundId, null, d),
  },
  {
    name: 'activate',
    actor: '13800000004',
    fields: ['code', 'name', 'mobile', 'password', 'confirm', 'privacy'],
    // A well-formed unknown code is counted against the address even though it is refused (lib/activation/limits.ts).
    refusalMayWrite: true,
    call: (_f, d) => fx.activation.activateAction(null, d),
  },
  {
    name: 'requestSmsCode',
    actor: '13800000004',
    fields: ['mobile'],
    call: (_f, d) => fx.smsLogin.requestSmsCodeAction(null, d),
  },
  {
    name: 'fileJoinRequest',
    actor: '13800000007',
    fields: ['compoundId', 'buildingId', 'unit', 'relation', 'moveOut'],
    call: (_f, d) => fx.join.fileJoinRequestAction(null, d),
  },
  {
    name: 'answerJoinRequest',
    actor: '13800000010',
    fields: ['requestId', 'answer', 'reason'],
    call: (_f, d) => fx.household.answerJoinRequestAction(null, d),
  },
  {
    name: 'moveOut',
    actor: '13800000010',
    fields: ['membershipId', 'date'],
    call: (f, d) => fx.household.moveOutAction(f.compoundId, null, d),
  },
  {
    name: 'recordTransfer',
    actor: '13800000011',
    fields: ['buildingId', 'unit', 'effective', 'owners', 'voter', 'reference'],
    call: (f, d) => fx.transfers.recordTransferAction(f.compoundId, null, d),
  },
  {
    name: 'importTransfers',
    actor: '13800000011',
    fields: ['file'],
    call: (f, d) => {
      // Whatever text arrived as "file" is uploaded as the CSV.
      const text = String(d.get('file') ?? '');
      d.set('file', new File([text], 'transfers.csv', { type: 'text/csv' }));
      return fx.transfers.importTransfersAction(f.compoundId, null, d);
    },
  },
  {
    name: 'proposeVoter',
    actor: '13800000005',
    fields: ['holderId', 'newVoterId'],
    call: (_f, d) => fx.home.proposeVoterAction(null, d),
  },
  {
    name: 'confirmVoter',
    actor: '13800000006',
    fields: ['changeId'],
    call: (_f, d) => fx.home.confirmVoterAction(null, d),
  },
  {
    name: 'requestCorrection',
    actor: '13800000004',
    fields: ['topic', 'unitId', 'body'],
    call: (_f, d) => fx.home.requestCorrectionAction(null, d),
  },
  {
    name: 'answerCorrection',
    actor: '13800000011',
    fields: ['requestId', 'answer'],
    call: (_f, d) => fx.corrections.answerCorrectionAction(null, d),
  },
  {
    name: 'GET my data',
    actor: '13800000004',
    fields: ['format'],
    call: (_f, d) =>
      fx.myDataRoute.GET(
        new Request(`http://x/api/me/data?format=${encodeURIComponent(String(d.get('format') ?? ''))}`),
      ),
  },
  {
    name: 'logout',
    actor: '13800000004',
    fields: ['x'],
    // A form action that takes nothing from its form: whatever is posted, it ends the session and redirects.
    call: (_f, d) => (fx.logout.logoutAction as (form: FormData) => Promise<void>)(d),
  },
  {
    name: 'GET export',
    actor: '13800000001',
    fields: ['compoundId', 'from', 'to'],
    call: (_f, d) => {
      const q = new URLSearchParams();
      for (const k of ['from', 'to']) if (d.has(k)) q.set(k, String(d.get(k)));
      const id = String(d.get('compoundId') ?? '');
      return fx.exportRoute.GET(new Request(`http://x/api/compounds/x/export?${q}`), {
        params: Promise.resolve({ compoundId: id }),
      });
    },
  },
  {
    name: 'GET photo',
    actor: '13800000004',
    fields: ['photoId'],
    call: (_f, d) =>
      fx.photoRoute.GET(new Request('http://x/api/photos/x'), {
        params: Promise.resolve({ photoId: String(d.get('photoId') ?? '') }),
      }),
  },
  {
    name: 'GET receipts',
    actor: '13800000004',
    fields: ['compoundId', 'voteId'],
    call: (_f, d) =>
      fx.receiptsRoute.GET(new Request('http://x/receipts'), {
        params: Promise.resolve({
          compoundId: String(d.get('compoundId') ?? ''),
          voteId: String(d.get('voteId') ?? ''),
        }),
      }),
  },
  {
    name: 'POST ballot',
    actor: '13800000004',
    fields: ['compoundId', 'voteId', 'voterKey', 'choice', 'body'],
    call: (_f, d) => {
      const raw = d.get('body');
      const body =
        typeof raw === 'string' && raw.length % 2 === 0
          ? raw
          : JSON.stringify({ voterKey: d.get('voterKey'), choice: d.getAll('choice'), extra: d.get('x') });
      return fx.ballotsRoute.POST(
        new Request('http://x/api/ballots', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
        {
          params: Promise.resolve({
            compoundId: String(d.get('compoundId') ?? ''),
            voteId: String(d.get('voteId') ?? ''),
          }),
        },
      );
    },
  },
];

let cases = 0;
const accepted = new Map<string, number>();

beforeAll(async () => {
  setupDatabase();
  own = await fx.build('合和大院', { secretary: '13800000001' });
  const other = await fx.build('亿泰庄园', { secretary: '13800000018' });
  const numeric = (f: Fixture) => Object.values(f).filter((v): v is number => typeof v === 'number');
  ids = [...new Set([...numeric(own), ...numeric(other)])];
  for (const t of TARGETS) actAs(personId(t.actor));
}, 120_000);

afterAll(() => {
  console.log(`fuzz: ${TARGETS.length} actions and handlers × ${RUNS} generated inputs = ${cases} cases`);
  console.log(`fuzz: accepted as valid — ${[...accepted].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  teardownDatabase();
});

/** What a forged server action request can decode to in place of a form, or of a compound id. */
const WRONG_TYPES: unknown[] = [undefined, null, 'x', 0, -1, true, {}, [], [1], { get: 1 }, '$K1'];

describe('hostile input', () => {
  it('every action answers arguments of the wrong type with a refusal, never an exception', async () => {
    const actions = TARGETS.filter(
      (t) => !/^(GET|POST) |^(importUnits|importTransfers|setLocale|setCareMode|grantProxy|logout)$/.test(t.name),
    );
    const importUnits = (_f: Fixture, d: FormData) => fx.compoundAdmin.importUnitsAction(own.compoundId, null, d);
    const importTransfers = (_f: Fixture, d: FormData) => fx.transfers.importTransfersAction(own.compoundId, null, d);
    const grantProxy = (f: Fixture, d: FormData) => fx.proxies.grantProxyAction(f.compoundId, null, d);
    for (const t of [
      ...actions,
      { name: 'importUnits', actor: '13800000011', call: importUnits },
      { name: 'importTransfers', actor: '13800000011', call: importTransfers },
      { name: 'grantProxy', actor: '13800000008', call: grantProxy },
    ]) {
      actAs(personId(t.actor));
      for (const value of WRONG_TYPES) {
        for (const [fixture, input] of [
          [own, value as FormData],
          [{ ...own, compoundId: value as number }, new FormData()],
        ] as const) {
          const answer = (await rolledBack(() => t.call(fixture, input))) as { ok: unknown; message?: unknown };
          expect(typeof answer.ok, `${t.name}(${JSON.stringify(value)})`).toBe('boolean');
          if (answer.ok === false) expect(typeof answer.message).toBe('string');
        }
      }
    }
    // setLocale takes a string and setCareMode a boolean; each ignores anything else.
    for (const value of WRONG_TYPES) await expect(fx.locale.setLocale(value as string)).resolves.toBeUndefined();
    for (const value of WRONG_TYPES) await expect(fx.care.setCareMode(value as boolean)).resolves.toBeUndefined();
    // logout takes nothing: with anything it only goes to the login page.
    for (const value of WRONG_TYPES) {
      await expect(
        rolledBack(() => (fx.logout.logoutAction as (v: unknown) => Promise<void>)(value)),
      ).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
    }
  });

  for (const t of TARGETS) {
    it(`${t.name} survives ${RUNS} generated inputs`, async () => {
      const actor = personId(t.actor);
      actAs(actor);
      const who = currentActor();
      const reach = getDb()
        .all<{ id: number }>(sql`select id from compounds`)
        .map((r) => r.id)
        .filter((id) => {
          const place = findCompoundPlace(id);
          return who !== null && place !== undefined && canViewCompound(who, place) === null;
        });
      await fc.assert(
        fc.asyncProperty(formArb(t.fields), async (input) => {
          cases++;
          actAs(actor);
          await rolledBack(async () => {
            const before = totalChanges();
            const lastAudit =
              getDb().get<{ id: number }>(sql`select coalesce(max(id), 0) as id from audit_log`)?.id ?? 0;
            const lastCompound = getDb().get<{ id: number }>(sql`select max(id) as id from compounds`)?.id ?? 0;
            let answer: unknown;
            const { outcome } = await outcomeOf(async () => {
              answer = await t.call(own, input);
              return answer;
            });
            if (answer instanceof Response) {
              expect(answer.status).toBeLessThan(500);
            } else if (answer !== undefined) {
              const r = answer as { ok: unknown; message?: unknown };
              expect(typeof r.ok).toBe('boolean');
              if (r.ok === false) expect(typeof r.message).toBe('string');
            }
            if (outcome !== 'ok') {
              if (!t.refusalMayWrite) expect(totalChanges() - before).toBe(0);
            } else {
              accepted.set(t.name, (accepted.get(t.name) ?? 0) + 1);
              // Nothing typed into a free-text field gets in with a control, format or invisible character.
              for (const field of t.fields.filter((f) => TEXT_FIELDS.has(f) && !/^(GET|POST) /.test(t.name))) {
                const value = input.get(field);
                if (typeof value === 'string') expect(findRefused(normaliseText(value, 'lines'), 'lines')).toBeNull();
              }
            }
            // Whatever was written is in the audit trail, and only in compounds the actor belongs to or
            // oversees (or in one the action itself just created).
            const touched = getDb()
              .all<{ id: number }>(sql`select distinct compound_id as id from audit_log where id > ${lastAudit}
                and compound_id is not null and compound_id <= ${lastCompound}`)
              .map((r) => r.id);
            expect(touched.filter((id) => !reach.includes(id))).toEqual([]);
          });
        }),
        { numRuns: RUNS },
      );
    }, 600_000);
  }
});
