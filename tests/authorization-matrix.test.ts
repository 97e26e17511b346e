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
  DAY,
} = await import('./action-fixtures');
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

const fx = {} as Record<Side, Fixture>;

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
    name: "open an owners' decision",
    allow: COMMITTEE,
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
];

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
    name: 'choose the language',
    allow: [],
    global: true,
    anon: 'ok',
    writes: false,
    run: () => locale.setLocale('en'),
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
const { encode } = await import('next-auth/jwt');

/** The request a browser of this label sends for a dashboard (the cookie carries their real session). */
async function dashboardRequest(label: Label, url: string): Promise<import('node:http').IncomingMessage> {
  let cookie = '';
  if (label !== 'anon') {
    const id = personId(ACTORS[label]);
    actAs(id);
    const { who } = await import('./harness');
    cookie = `next-auth.session-token=${await encode({ token: { sub: String(id), sid: who.sid ?? '' }, secret: authSecret() })}`;
  }
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
