import { sql } from 'drizzle-orm';
import { ANCHOR_REASONS } from '../lib/audit/anchors';
import { ASSIGNABLE_ROLES, GUEST_KINDS, POSITION_PARTIES, SCOPE_TYPES, TASK_PARTIES } from '../lib/auth/roles';
import { NOTIFICATION_KINDS } from '../lib/notifications/kinds';
import { TOPIC_STATUSES } from '../lib/topics/lifecycle';
import { TOPIC_CATEGORIES } from '../lib/topics/categories';
import { VOTE_OPENED, VOTE_STATUSES } from '../lib/voting/lifecycle';
import { MATTER_KINDS } from '../lib/voting/count-matters';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, UTC. Times are shown in Asia/Shanghai by the UI. */
const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch() * 1000)`);

// ── The administrative ladder: district → street → community → compound → building → unit ──

export const districts = sqliteTable('districts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  /** The shortest notice period before an owners' assembly votes that the district allows (law: 15 days). */
  minAssemblyNoticeDays: integer('min_assembly_notice_days').notNull().default(15),
  createdAt: createdAt(),
});

export const streets = sqliteTable(
  'streets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    districtId: integer('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('streets_district_name').on(t.districtId, t.name)],
);

export const communities = sqliteTable(
  'communities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    streetId: integer('street_id')
      .notNull()
      .references(() => streets.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('communities_street_name').on(t.streetId, t.name)],
);

export const compounds = sqliteTable(
  'compounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    communityId: integer('community_id')
      .notNull()
      .references(() => communities.id),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    /** Days a published decision stays open to objections (公示期). */
    noticeDays: integer('notice_days').notNull().default(7),
    /** Days residents may rate a completed task (评议期). */
    ratingDays: integer('rating_days').notNull().default(7),
    /** Days overdue after which a task escalates to the community by itself. */
    escalateAfterDays: integer('escalate_after_days').notNull().default(7),
    /**
     * The contested rule of some assemblies that non-voters count with the majority
     * (docs/domain/voting-rules.md, "Non-voters"). Off unless the compound's rules of procedure say so.
     */
    nonVotersFollowMajority: integer('non_voters_follow_majority', { mode: 'boolean' }).notNull().default(false),
    // The owners' assembly rules of procedure (lib/assembly/rules.ts AssemblyRules).
    /** Days from an assembly's announcement to the opening of its vote (at least the district's minimum). */
    assemblyNoticeDays: integer('assembly_notice_days').notNull().default(15),
    votingMinDays: integer('voting_min_days').notNull().default(7),
    maxProxies: integer('max_proxies').notNull().default(3),
    /** Owners' committee members: odd, 5–11. */
    committeeSeats: integer('committee_seats').notNull().default(5),
    committeeAlternates: integer('committee_alternates').notNull().default(0),
    /** Days after an election closes at which the new committee takes office. */
    handoverDays: integer('handover_days').notNull().default(7),
    /** The number printed on activation letters for residents who need help (入户激活函). */
    hotline: text('hotline').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('compounds_community_name').on(t.communityId, t.name)],
);

/**
 * How often what a compound's dashboards show has changed: triggers (migration 0011) count every
 * write to the rows the figures are made of, whoever writes them (an action, the clock, a script,
 * another worker), so a dashboard made at one count is still exact while the counts of its
 * compounds stay the same (docs/decisions/0019-performance.md). `ballots` counts ballots alone,
 * which only a compound's own dashboard shows (live turnout).
 */
export const compoundVersions = sqliteTable('compound_versions', {
  compoundId: integer('compound_id').primaryKey(),
  figures: integer('figures').notNull().default(0),
  ballots: integer('ballots').notNull().default(0),
  /**
   * Writes to anything else a compound's pages show (comments, co-signs, positions, the electorate,
   * assemblies, households…), kept by the triggers of migration 0013; the compound pages served from
   * the page cache carry it with the two counts above.
   */
  pages: integer('pages').notNull().default(0),
});

export const buildings = sqliteTable(
  'buildings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    /** As residents say it: "3号楼", "东楼院". */
    name: text('name').notNull(),
    floors: integer('floors').notNull().default(6),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('buildings_compound_name').on(t.compoundId, t.name)],
);

/** Who holds units for the purposes of owners' decisions (docs/domain/voting-rules.md: the unit of counting). */
export const holders = sqliteTable(
  'holders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    kind: text('kind', { enum: ['person', 'co_owners', 'developer'] }).notNull(),
    /** Stable identity within the compound: 'p:<mobile>', 'c:<mobiles>', 'd' (one developer holder). */
    key: text('key').notNull(),
    name: text('name').notNull(),
    /** The co-owner (or owner) who casts the holder's one ballot; null for the developer until named. */
    voterPersonId: integer('voter_person_id').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('holders_compound_key').on(t.compoundId, t.key)],
);

export const holderMembers = sqliteTable(
  'holder_members',
  {
    holderId: integer('holder_id')
      .notNull()
      .references(() => holders.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.holderId, t.personId] }), index('holder_members_person').on(t.personId)],
);

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    buildingId: integer('building_id')
      .notNull()
      .references(() => buildings.id),
    /** Denormalised so that every scope filter is one indexed column. */
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    /** Within the building: "2单元501". */
    number: text('number').notNull(),
    floor: integer('floor').notNull(),
    /** Exclusive area in 0.01 m² (SPC interpretation Art. 8: register, else survey, else contract). */
    areaCenti: integer('area_centi').notNull(),
    areaSource: text('area_source', { enum: ['register', 'survey', 'contract'] }).notNull(),
    holderId: integer('holder_id').references(() => holders.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull().default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    uniqueIndex('units_building_number').on(t.buildingId, t.number),
    index('units_compound').on(t.compoundId),
    index('units_holder').on(t.holderId),
  ],
);

// ── People and what they do where ──

export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** Login id: 11-digit mainland mobile number. */
  mobile: text('mobile').notNull().unique(),
  /** argon2id; null for a person known from the register who has no account yet. */
  passwordHash: text('password_hash'),
  partyMember: integer('party_member', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** When the person accepted the privacy notice (个人信息保护法), and which version of it. */
  privacyAcceptedAt: integer('privacy_accepted_at'),
  privacyVersion: integer('privacy_version'),
  createdAt: createdAt(),
});

export const propertyCompanies = sqliteTable('property_companies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

/** Which property companies serve which compounds. */
export const compoundServices = sqliteTable(
  'compound_services',
  {
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    companyId: integer('company_id')
      .notNull()
      .references(() => propertyCompanies.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.compoundId, t.companyId] }), index('compound_services_company').on(t.companyId)],
);

/**
 * A person's roles. Ownership is not a membership: it follows from the register (holder_members),
 * so that an owner's vote and an owner's badge can never disagree.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ASSIGNABLE_ROLES }).notNull(),
    scopeType: text('scope_type', { enum: SCOPE_TYPES }).notNull(),
    scopeId: integer('scope_id').notNull(),
    /** Grid name for grid workers, e.g. "中兴社区第3网格". */
    grid: text('grid'),
    guestKind: text('guest_kind', { enum: GUEST_KINDS }),
    /** A tenant's or family member's unit. */
    unitId: integer('unit_id').references(() => units.id),
    /** A tenant's move-out date: the clock ends the role then (lib/households). */
    endsAt: integer('ends_at'),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_unique').on(t.personId, t.role, t.scopeType, t.scopeId),
    index('memberships_scope').on(t.scopeType, t.scopeId),
  ],
);

// ── Sessions, login limits, audit ──

/** Server-side record behind each JWT, so logout and password changes really end a session. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('sessions_person').on(t.personId)],
);

export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /**
     * What a failed login counts against (lib/auth/login-limit.ts failureKeys): 'p:<mobile>@<address>',
     * 'ip:<address>', 'm:<mobile>' or 'd:<device id>'.
     */
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at)],
);

/**
 * Append-only record of every state change. Each row's hash chains to the previous row of the same
 * compound (compound_id null: administration above compounds), so tampering is detectable.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id'),
    actorId: integer('actor_id'),
    at: integer('at').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    reason: text('reason'),
    data: text('data'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_compound').on(t.compoundId, t.id), index('audit_entity').on(t.entity, t.entityId)],
);

/**
 * A chain's head published outside the database (notice board, anchor file): the newest entry of a
 * compound's chain (compound_id null: the district's) and its hash, at a daily round, a vote's close
 * or a decision's publication. Append-only like the trail itself (docs/decisions/0013-audit-anchors.md).
 */
export const auditAnchors = sqliteTable(
  'audit_anchors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id'),
    entryId: integer('entry_id').notNull(),
    hash: text('hash').notNull(),
    at: integer('at').notNull(),
    reason: text('reason', { enum: ANCHOR_REASONS }).notNull(),
  },
  (t) => [index('audit_anchors_compound').on(t.compoundId, t.id)],
);

// ── Deliberation: topics, co-signatures, discussion, positions, meetings, notifications ──

export const topics = sqliteTable(
  'topics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    buildingId: integer('building_id').references(() => buildings.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category', { enum: TOPIC_CATEGORIES }).notNull(),
    /** See lib/topics/lifecycle.ts for the states and the moves between them. */
    status: text('status', { enum: TOPIC_STATUSES }).notNull().default('raised'),
    /** Why it was rejected, shown to the whole compound. */
    statusReason: text('status_reason'),
    mergedIntoId: integer('merged_into_id'),
    /** For a small matter: the property company it was sent to. */
    routedCompanyId: integer('routed_company_id').references(() => propertyCompanies.id),
    cosignCount: integer('cosign_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    createdAt: createdAt(),
    /** Last status change, comment or position: what "recently active" sorts by. */
    activityAt: integer('activity_at').notNull(),
    /** When it was first reviewed (accepted, rejected, merged or routed): the end of its first stage. */
    reviewedAt: integer('reviewed_at'),
  },
  (t) => [
    index('topics_compound_status').on(t.compoundId, t.status, t.createdAt),
    index('topics_compound_created').on(t.compoundId, t.createdAt),
    index('topics_compound_activity').on(t.compoundId, t.activityAt),
    index('topics_compound_cosigns').on(t.compoundId, t.cosignCount),
    // The topic list's orders and filters, read in index order so a page reads its 20 rows and
    // never sorts the compound's topics (docs/decisions/0019-performance.md; npm run bench:explain).
    index('topics_compound_newest').on(t.compoundId, t.id),
    index('topics_compound_status_newest').on(t.compoundId, t.status, t.id),
    index('topics_compound_category_newest').on(t.compoundId, t.category, t.id),
    index('topics_compound_building_newest').on(t.compoundId, t.buildingId, t.id),
    // The dashboards' "reviewed in the period" stage.
    index('topics_compound_reviewed').on(t.compoundId, t.reviewedAt),
  ],
);

export const topicPhotos = sqliteTable(
  'topic_photos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    compoundId: integer('compound_id').notNull(),
    /** File name under <DATA_DIR>/uploads/<compoundId>/; random, never from the client. */
    file: text('file').notNull(),
    mime: text('mime', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    bytes: integer('bytes').notNull(),
    /** Set for evidence attached to a progress update; the topic's own photos have none. */
    updateId: integer('update_id'),
    createdAt: createdAt(),
  },
  (t) => [index('topic_photos_topic').on(t.topicId), index('topic_photos_update').on(t.updateId)],
);

export const topicCosigns = sqliteTable(
  'topic_cosigns',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.personId] })],
);

export const topicFollows = sqliteTable(
  'topic_follows',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.personId] }), index('topic_follows_person').on(t.personId)],
);

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    /** Replies are one level deep: a parent is always a top-level comment of the same topic. */
    parentId: integer('parent_id'),
    body: text('body').notNull(),
    reportCount: integer('report_count').notNull().default(0),
    hiddenAt: integer('hidden_at'),
    hiddenBy: integer('hidden_by').references(() => people.id),
    hiddenReason: text('hidden_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('comments_topic').on(t.topicId, t.id)],
);

export const commentReports = sqliteTable(
  'comment_reports',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.personId] })],
);

/** One official position (立场) per party per topic, apart from the thread; edits keep history. */
export const positions = sqliteTable(
  'positions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    party: text('party', { enum: POSITION_PARTIES }).notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('positions_topic_party').on(t.topicId, t.party)],
);

export const positionRevisions = sqliteTable(
  'position_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    positionId: integer('position_id')
      .notNull()
      .references(() => positions.id),
    body: text('body').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('position_revisions_position').on(t.positionId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    title: text('title').notNull(),
    startsAt: integer('starts_at').notNull(),
    place: text('place').notNull(),
    status: text('status', { enum: ['scheduled', 'held', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    minutes: text('minutes'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => people.id),
    heldRecordedAt: integer('held_recorded_at'),
    createdAt: createdAt(),
  },
  (t) => [index('meetings_compound').on(t.compoundId, t.startsAt)],
);

export const meetingTopics = sqliteTable(
  'meeting_topics',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.topicId] }), index('meeting_topics_topic').on(t.topicId)],
);

export const meetingInvitees = sqliteTable(
  'meeting_invitees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    attended: integer('attended', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] }), index('meeting_invitees_person').on(t.personId)],
);

export { NOTIFICATION_KINDS };

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    /** 0 for notices about the person's own account rather than a compound. */
    compoundId: integer('compound_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    topicId: integer('topic_id'),
    meetingId: integer('meeting_id'),
    /** For the notices about a vote (opened, closing, a paper ballot to confirm). */
    voteId: integer('vote_id'),
    assemblyId: integer('assembly_id'),
    actorId: integer('actor_id'),
    /** Short context, e.g. the new status or the topic's title at the time. */
    detail: text('detail'),
    createdAt: createdAt(),
    readAt: integer('read_at'),
  },
  (t) => [index('notifications_person').on(t.personId, t.readAt, t.id)],
);

// ── Votes: consultations, council votes and owners' decisions ──

export const VOTE_KINDS = ['consultation', 'council', 'owners'] as const;

export const votes = sqliteTable(
  'votes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    kind: text('kind', { enum: VOTE_KINDS }).notNull(),
    question: text('question').notNull(),
    /** Owners' decisions: the item of Civil Code Art. 278 para. 1 (1–9); 6–8 are special matters. */
    matterItem: integer('matter_item'),
    choiceMode: text('choice_mode', { enum: ['single', 'multiple'] })
      .notNull()
      .default('single'),
    secret: integer('secret', { mode: 'boolean' }).notNull().default(false),
    allowChange: integer('allow_change', { mode: 'boolean' }).notNull().default(false),
    /** Consultation limited to these buildings (JSON array of ids); null: the whole compound. */
    buildingIds: text('building_ids'),
    /** Copied from the compound's rules when the vote opens, so a later change does not alter it. */
    nonVotersFollowMajority: integer('non_voters_follow_majority', { mode: 'boolean' }).notNull().default(false),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    status: text('status', { enum: VOTE_STATUSES }).notNull().default(VOTE_OPENED),
    openedBy: integer('opened_by')
      .notNull()
      .references(() => people.id),
    closedAt: integer('closed_at'),
    closedBy: integer('closed_by'),
    /** When those who had not voted were told it closes within a day (once per vote; server/clock.ts). */
    closingNoticeAt: integer('closing_notice_at'),
    /** The result, computed once at the close and never changed (JSON), and its sha256. */
    result: text('result'),
    resultHash: text('result_hash'),
    /** A matter of an owners' assembly: the assembly, and how the matter is decided (lib/voting/count-matters.ts). */
    assemblyId: integer('assembly_id').references(() => assemblies.id),
    matterKind: text('matter_kind', { enum: MATTER_KINDS }),
    /** An election's seats (the compound's committee size when announced). */
    seats: integer('seats'),
    createdAt: createdAt(),
  },
  (t) => [
    index('votes_compound').on(t.compoundId, t.status),
    index('votes_topic').on(t.topicId),
    // Open votes, by end: My work's "votes open to me" and the clock's due and closing-soon votes.
    index('votes_status_ends').on(t.status, t.endsAt),
    index('votes_assembly').on(t.assemblyId),
  ],
);

export const voteOptions = sqliteTable(
  'vote_options',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id),
    /** 'agree' | 'disagree' | 'abstain', or 'o1', 'o2'… for the organiser's own options. */
    key: text('key').notNull(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.key] })],
);

/** The owners' electorate frozen when the vote opened: every unit with its holder and area then. */
export const voteUnits = sqliteTable(
  'vote_units',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id),
    unitId: integer('unit_id').notNull(),
    holderId: integer('holder_id').notNull(),
    areaCenti: integer('area_centi').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.unitId] }), index('vote_units_holder').on(t.voteId, t.holderId)],
);

/**
 * Who may cast a ballot, frozen at the open. `voterKey` is what counts once: 'h:<holderId>' for an
 * owners' decision (one ballot for all the holder's units), 'p:<personId>' otherwise.
 */
export const voteVoters = sqliteTable(
  'vote_voters',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id),
    voterKey: text('voter_key').notNull(),
    /** The person who casts it online; null when nobody can (e.g. a developer without an account). */
    personId: integer('person_id'),
    holderId: integer('holder_id'),
    /** Name and where they live, for paper entry and for grid workers' reminder lists. */
    name: text('name').notNull(),
    place: text('place').notNull(),
    areaCenti: integer('area_centi'),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.voterKey] }), index('vote_voters_person').on(t.personId, t.voteId)],
);

/** One ballot per voter key per vote, enforced by the primary key, online or on paper. */
export const ballots = sqliteTable(
  'ballots',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id),
    voterKey: text('voter_key').notNull(),
    /** JSON array of option keys. */
    choice: text('choice').notNull(),
    channel: text('channel', { enum: ['online', 'paper'] }).notNull(),
    castBy: integer('cast_by').notNull(),
    paperSerial: text('paper_serial'),
    /** A paper ballot counts only once a second committee member has confirmed it. */
    confirmedBy: integer('confirmed_by'),
    confirmedAt: integer('confirmed_at'),
    receiptCode: text('receipt_code').notNull(),
    /** Cast online by an authorised agent (委托) under this proxy; `cast_by` is the agent. */
    proxyId: integer('proxy_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.voterKey] }), uniqueIndex('ballots_receipt').on(t.voteId, t.receiptCode)],
);

// ── Follow-through: decisions, objections, tasks, progress, ratings, escalations ──

/**
 * A decision (决议) on a topic: what was decided, on which vote, by whom it is carried out and by
 * when. Published for a notice period (公示); an upheld objection withdraws it (kept, not deleted).
 */
export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    voteId: integer('vote_id').references(() => votes.id),
    /** The verdict of the owners' decision it rests on, copied when recorded ('passed'); null for other bases. */
    voteVerdict: text('vote_verdict', { enum: ['passed'] }),
    body: text('body').notNull(),
    minutes: text('minutes').notNull().default(''),
    party: text('party', { enum: TASK_PARTIES }).notNull(),
    companyId: integer('company_id').references(() => propertyCompanies.id),
    deadlineAt: integer('deadline_at').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    publishedAt: integer('published_at'),
    noticeEndsAt: integer('notice_ends_at'),
    withdrawnAt: integer('withdrawn_at'),
  },
  (t) => [index('decisions_topic').on(t.topicId, t.id), index('decisions_compound').on(t.compoundId, t.recordedAt)],
);

/** An objection (异议) lodged during the notice period, and the secretary's answer. */
export const objections = sqliteTable(
  'objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    decisionId: integer('decision_id')
      .notNull()
      .references(() => decisions.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
    outcome: text('outcome', { enum: ['upheld', 'dismissed'] }),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredAt: integer('answered_at'),
  },
  (t) => [index('objections_decision').on(t.decisionId, t.id), index('objections_topic').on(t.topicId, t.id)],
);

/**
 * The carrying out of a topic (实施): one per topic, for a published decision or a small matter.
 * The topic's status says where it stands; this row holds who, by when, how far, and the timers.
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    decisionId: integer('decision_id').references(() => decisions.id),
    party: text('party', { enum: TASK_PARTIES }).notNull(),
    companyId: integer('company_id').references(() => propertyCompanies.id),
    deadlineAt: integer('deadline_at').notNull(),
    createdAt: integer('created_at').notNull(),
    acceptedAt: integer('accepted_at'),
    acceptedBy: integer('accepted_by'),
    percent: integer('percent').notNull().default(0),
    doneAt: integer('done_at'),
    /** Rating rounds: 1, and one more each time poor ratings send it back. */
    round: integer('round').notNull().default(1),
    ratingEndsAt: integer('rating_ends_at'),
    overdueAt: integer('overdue_at'),
    autoEscalatedAt: integer('auto_escalated_at'),
    closedAt: integer('closed_at'),
    /** Final average ×10 (e.g. 43 = 4.3), null when closed without ratings. */
    averageTenths: integer('average_tenths'),
  },
  (t) => [
    uniqueIndex('tasks_topic').on(t.topicId),
    index('tasks_company_deadline').on(t.companyId, t.deadlineAt),
    index('tasks_deadline').on(t.deadlineAt),
    index('tasks_compound_done').on(t.compoundId, t.doneAt),
    // The dashboards' "closed in the period" stages and series.
    index('tasks_compound_closed').on(t.compoundId, t.closedAt),
  ],
);

/** Progress updates (进展) and the completion report, with percent done; photos in topic_photos. */
export const taskUpdates = sqliteTable(
  'task_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['accepted', 'progress', 'done'] }).notNull(),
    body: text('body').notNull(),
    percent: integer('percent').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('task_updates_task').on(t.taskId, t.id), index('task_updates_topic').on(t.topicId, t.id)],
);

/** Ratings (评议): one per resident per round, 1–5 stars. */
export const ratings = sqliteTable(
  'ratings',
  {
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    round: integer('round').notNull(),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    compoundId: integer('compound_id').notNull(),
    stars: integer('stars').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.round, t.personId] }),
    index('ratings_compound').on(t.compoundId, t.createdAt),
  ],
);

/**
 * A matter sent up (大事全网联动): one row per level. Forwarding closes the community's row and
 * opens the street's; an answer goes back down to the compound. Time at each level is
 * answered_at (or forwarded) minus raised_at.
 */
export const escalations = sqliteTable(
  'escalations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    level: text('level', { enum: ['community', 'street'] }).notNull(),
    communityId: integer('community_id').notNull(),
    streetId: integer('street_id').notNull(),
    reason: text('reason').notNull(),
    auto: integer('auto', { mode: 'boolean' }).notNull().default(false),
    raisedBy: integer('raised_by'),
    raisedAt: integer('raised_at').notNull(),
    state: text('state', { enum: ['open', 'answered', 'forwarded'] })
      .notNull()
      .default('open'),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredAt: integer('answered_at'),
  },
  (t) => [
    index('escalations_topic').on(t.topicId, t.id),
    index('escalations_community').on(t.level, t.communityId, t.state),
    index('escalations_street').on(t.level, t.streetId, t.state),
    index('escalations_compound').on(t.compoundId, t.raisedAt),
  ],
);

// ── On the phone: Web Push, notification settings, reminders to vote ──

/**
 * One device's Web Push subscription (opt-in per device). The endpoint names the device at its
 * push service; the keys encrypt what is sent to it. Removed when the push service says it is gone.
 */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** The language the device asked in when it subscribed: what its notifications are written in. */
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    createdAt: createdAt(),
    lastSentAt: integer('last_sent_at'),
  },
  (t) => [index('push_subscriptions_person').on(t.personId)],
);

/** A person's notification settings; no row means the defaults (quiet 22:00–07:00). */
export const notificationSettings = sqliteTable('notification_settings', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id),
  quietEnabled: integer('quiet_enabled', { mode: 'boolean' }).notNull().default(true),
  /** Minutes after midnight, Asia/Shanghai. */
  quietFrom: integer('quiet_from')
    .notNull()
    .default(22 * 60),
  quietTo: integer('quiet_to')
    .notNull()
    .default(7 * 60),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Notifications waiting to be pushed: written with the notification (in its transaction) for
 * people with a subscribed device, removed once sent or given up. `send_after` moves past quiet hours.
 */
export const pushOutbox = sqliteTable(
  'push_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    notificationId: integer('notification_id').notNull(),
    personId: integer('person_id').notNull(),
    createdAt: integer('created_at').notNull(),
    sendAfter: integer('send_after').notNull(),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [index('push_outbox_due').on(t.sendAfter)],
);

/** A grid worker's note that a household who had not voted was reminded (by phone or at the door). */
export const voteReminders = sqliteTable(
  'vote_reminders',
  {
    voteId: integer('vote_id')
      .notNull()
      .references(() => votes.id),
    voterKey: text('voter_key').notNull(),
    remindedBy: integer('reminded_by').notNull(),
    remindedAt: integer('reminded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.voterKey] })],
);

// ── Owners' assemblies (业主大会): notice, register objections, proxies, nominations, handover ──

export const ASSEMBLY_STATUSES = ['announced', 'open', 'closed'] as const;

/**
 * An owners' assembly called by the owners' committee: its notice (agenda = its votes, one per matter;
 * materials; how to vote; the voting period; the objection deadline) and the rules copied from the
 * compound when it was announced, so a later change does not alter it (docs/decisions/0017).
 */
export const assemblies = sqliteTable(
  'assemblies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    title: text('title').notNull(),
    materials: text('materials').notNull().default(''),
    howToVote: text('how_to_vote').notNull(),
    /** Where the paper ballot box stands. */
    ballotBox: text('ballot_box').notNull().default(''),
    status: text('status', { enum: ASSEMBLY_STATUSES }).notNull(),
    announcedBy: integer('announced_by')
      .notNull()
      .references(() => people.id),
    announcedAt: integer('announced_at').notNull(),
    /** Objections to the register (area, holder) are raised by then. */
    objectionsUntil: integer('objections_until').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    noticeDays: integer('notice_days').notNull(),
    votingMinDays: integer('voting_min_days').notNull(),
    maxProxies: integer('max_proxies').notNull(),
    committeeAlternates: integer('committee_alternates').notNull().default(0),
    handoverDays: integer('handover_days').notNull().default(7),
    openedAt: integer('opened_at'),
    closedAt: integer('closed_at'),
    closedBy: integer('closed_by'),
    /** The audit anchor published at the close (the result notice prints it). */
    closeAnchorId: integer('close_anchor_id'),
    /** The result stays on the notice board until then (the compound's notice period after the close). */
    resultUntil: integer('result_until'),
    createdAt: createdAt(),
  },
  (t) => [index('assemblies_compound').on(t.compoundId, t.status)],
);

/** Files of an assembly: materials (quotes, budgets, drafts, photos) and signed proxy authorisations. */
export const assemblyFiles = sqliteTable(
  'assembly_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    assemblyId: integer('assembly_id')
      .notNull()
      .references(() => assemblies.id),
    kind: text('kind', { enum: ['material', 'proxy'] }).notNull(),
    /** Random name under <DATA_DIR>/uploads/<compound>/. */
    file: text('file').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    /** The name it was uploaded under, shown in the list. */
    name: text('name').notNull(),
    uploadedBy: integer('uploaded_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('assembly_files_assembly').on(t.assemblyId, t.kind)],
);

/** An owner says the register is wrong about a unit (its area, its holder); the committee answers. */
export const registerObjections = sqliteTable(
  'register_objections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    assemblyId: integer('assembly_id')
      .notNull()
      .references(() => assemblies.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['area', 'holder'] }).notNull(),
    claimedAreaCenti: integer('claimed_area_centi'),
    reason: text('reason').notNull(),
    createdAt: integer('created_at').notNull(),
    /** corrected: the register and the frozen electorate changed (only before the opening); noted: after it. */
    outcome: text('outcome', { enum: ['corrected', 'dismissed', 'noted'] }),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredAt: integer('answered_at'),
    areaBeforeCenti: integer('area_before_centi'),
    areaAfterCenti: integer('area_after_centi'),
  },
  (t) => [index('register_objections_assembly').on(t.assemblyId, t.id)],
);

export const PROXY_STATUSES = ['submitted', 'checked', 'effective', 'rejected', 'withdrawn'] as const;

/**
 * A holder's authorisation (委托) of an agent to vote for it in one assembly, with the signed document.
 * One committee member checks it, another confirms it; only then may the agent vote.
 */
export const proxies = sqliteTable(
  'proxies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    assemblyId: integer('assembly_id')
      .notNull()
      .references(() => assemblies.id),
    holderId: integer('holder_id').notNull(),
    /** 'h:<holderId>', the key the holder's ballots carry. */
    voterKey: text('voter_key').notNull(),
    grantorId: integer('grantor_id')
      .notNull()
      .references(() => people.id),
    agentId: integer('agent_id')
      .notNull()
      .references(() => people.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => assemblyFiles.id),
    status: text('status', { enum: PROXY_STATUSES }).notNull(),
    createdAt: integer('created_at').notNull(),
    checkedBy: integer('checked_by'),
    checkedAt: integer('checked_at'),
    confirmedBy: integer('confirmed_by'),
    confirmedAt: integer('confirmed_at'),
    rejectedBy: integer('rejected_by'),
    rejectedAt: integer('rejected_at'),
    reason: text('reason'),
    withdrawnAt: integer('withdrawn_at'),
  },
  (t) => [
    index('proxies_assembly_agent').on(t.assemblyId, t.agentId),
    // One live authorisation per holder and assembly.
    uniqueIndex('proxies_one_active')
      .on(t.assemblyId, t.voterKey)
      .where(sql`status in ('submitted', 'checked', 'effective')`),
  ],
);

/** The owners' committee opened nominations for an election on this topic. */
export const nominationCalls = sqliteTable('nomination_calls', {
  topicId: integer('topic_id')
    .primaryKey()
    .references(() => topics.id),
  compoundId: integer('compound_id').notNull(),
  openedBy: integer('opened_by').notNull(),
  openedAt: integer('opened_at').notNull(),
});

/** A candidate for the owners' committee, self-nominated or nominated by another owner; the committee answers. */
export const nominations = sqliteTable(
  'nominations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    topicId: integer('topic_id')
      .notNull()
      .references(() => topics.id),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => people.id),
    nominatedBy: integer('nominated_by')
      .notNull()
      .references(() => people.id),
    statement: text('statement').notNull().default(''),
    status: text('status', { enum: ['pending', 'accepted', 'rejected'] }).notNull(),
    answeredBy: integer('answered_by'),
    answeredAt: integer('answered_at'),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('nominations_topic_candidate').on(t.topicId, t.candidateId)],
);

/**
 * The new owners' committee an election chose, taking office on the date the rules say: the clock then
 * ends the old members' roles and gives the elected theirs, in one audited transaction.
 */
export const committeeHandovers = sqliteTable(
  'committee_handovers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id').notNull(),
    assemblyId: integer('assembly_id').notNull(),
    voteId: integer('vote_id').notNull(),
    /** JSON arrays of person ids. */
    elected: text('elected').notNull(),
    alternates: text('alternates').notNull().default('[]'),
    takesOfficeAt: integer('takes_office_at').notNull(),
    appliedAt: integer('applied_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('committee_handovers_due').on(t.appliedAt, t.takesOfficeAt)],
);

// ── Households: activation letters, SMS sign-in, joining a unit, changes of owner, personal information ──

/**
 * One activation code per holder (入户激活函), stored only as its HMAC (lib/activation/hash.ts). A newer letter
 * for the same holder revokes the older one; co-owners each activate with it, and it is used up when all have.
 */
export const activationCodes = sqliteTable(
  'activation_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    holderId: integer('holder_id')
      .notNull()
      .references(() => holders.id),
    codeHash: text('code_hash').notNull(),
    createdBy: integer('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    lockedAt: integer('locked_at'),
    revokedAt: integer('revoked_at'),
    failedNameTries: integer('failed_name_tries').notNull().default(0),
  },
  (t) => [
    uniqueIndex('activation_codes_hash').on(t.codeHash),
    index('activation_codes_holder').on(t.holderId, t.id),
    index('activation_codes_compound').on(t.compoundId, t.createdAt),
  ],
);

/** Failed activation attempts, for the limits of lib/activation/limits.ts: 'a:<address bucket>', 'c:<code id>', 'unknown'. */
export const activationFailures = sqliteTable(
  'activation_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('activation_failures_key_at').on(t.key, t.at)],
);

/** Sign-in codes sent by SMS (lib/sms/code.ts), stored as HMACs; also a row for numbers without an account. */
export const smsCodes = sqliteTable(
  'sms_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mobile: text('mobile').notNull(),
    /** The client's address bucket, for the per-address daily cap. */
    address: text('address').notNull(),
    codeHash: text('code_hash').notNull(),
    /** False for a number without an account: nothing was sent, but the caps count it the same. */
    sent: integer('sent', { mode: 'boolean' }).notNull(),
    sentAt: integer('sent_at').notNull(),
    tries: integer('tries').notNull().default(0),
    usedAt: integer('used_at'),
  },
  (t) => [index('sms_codes_mobile').on(t.mobile, t.sentAt), index('sms_codes_address').on(t.address, t.sentAt)],
);

export const JOIN_RELATIONS = ['tenant', 'family_member'] as const;
export const JOIN_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;

/** A tenant or family member asking to join a unit; the holder's voter, the grid worker or the secretary answers. */
export const joinRequests = sqliteTable(
  'join_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** The account that asked; null when someone without an account asked (name, mobile, password below). */
    personId: integer('person_id').references(() => people.id),
    name: text('name').notNull(),
    mobile: text('mobile').notNull(),
    /** argon2id of the password chosen when asking without an account; cleared once answered. */
    passwordHash: text('password_hash'),
    relation: text('relation', { enum: JOIN_RELATIONS }).notNull(),
    /** A tenant's move-out date (the end of the lease), if known. */
    moveOutAt: integer('move_out_at'),
    status: text('status', { enum: JOIN_STATUSES }).notNull().default('pending'),
    createdAt: integer('created_at').notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: integer('decided_at'),
    reason: text('reason'),
  },
  (t) => [
    index('join_requests_compound').on(t.compoundId, t.status, t.id),
    index('join_requests_unit').on(t.unitId, t.status),
    index('join_requests_mobile').on(t.mobile, t.status),
  ],
);

/** A change of owner (过户) from a register extract: from its effective date the unit is the new holder's. */
export const transfers = sqliteTable(
  'transfers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    compoundId: integer('compound_id')
      .notNull()
      .references(() => compounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    fromHolderId: integer('from_holder_id'),
    toHolderId: integer('to_holder_id')
      .notNull()
      .references(() => holders.id),
    effectiveAt: integer('effective_at').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedAt: integer('recorded_at').notNull(),
    /** When the register was changed: at recording for a past date, else by the clock or a vote's opening. */
    appliedAt: integer('applied_at'),
    /** The register extract's reference (不动产登记证明号) or a note. */
    reference: text('reference').notNull().default(''),
  },
  (t) => [index('transfers_compound').on(t.compoundId, t.effectiveAt), index('transfers_unit').on(t.unitId, t.id)],
);

/** Co-owners changing who casts the household's ballot: applied once every co-owner has confirmed. */
export const voterChanges = sqliteTable(
  'voter_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    holderId: integer('holder_id')
      .notNull()
      .references(() => holders.id),
    newVoterId: integer('new_voter_id')
      .notNull()
      .references(() => people.id),
    proposedBy: integer('proposed_by').notNull(),
    /** JSON array of the person ids who have confirmed (the proposer first). */
    confirmedBy: text('confirmed_by').notNull(),
    status: text('status', { enum: ['pending', 'applied', 'cancelled'] })
      .notNull()
      .default('pending'),
    createdAt: integer('created_at').notNull(),
    decidedAt: integer('decided_at'),
  },
  (t) => [index('voter_changes_holder').on(t.holderId, t.status)],
);

/** Every time staff open a person's page (个人信息保护法: who looked at my data); the person sees the list. */
export const personViews = sqliteTable(
  'person_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id').notNull(),
    viewerId: integer('viewer_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('person_views_person').on(t.personId, t.at)],
);

export const CORRECTION_TOPICS = ['area', 'name', 'unit', 'other'] as const;

/** A resident's request to correct what the platform holds about them, and the staff's answer. */
export const correctionRequests = sqliteTable(
  'correction_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    topic: text('topic', { enum: CORRECTION_TOPICS }).notNull(),
    unitId: integer('unit_id'),
    body: text('body').notNull(),
    createdAt: integer('created_at').notNull(),
    status: text('status', { enum: ['open', 'answered'] })
      .notNull()
      .default('open'),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredAt: integer('answered_at'),
  },
  (t) => [index('correction_requests_person').on(t.personId, t.id), index('correction_requests_status').on(t.status)],
);
