import { sql } from 'drizzle-orm';
import { ASSIGNABLE_ROLES, GUEST_KINDS, SCOPE_TYPES } from '../lib/auth/roles';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, UTC. Times are shown in Asia/Shanghai by the UI. */
const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch() * 1000)`);

// ── The administrative ladder: district → street → community → compound → building → unit ──

export const districts = sqliteTable('districts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
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
     * (voting-rules.md, "Non-voters"). Off unless the compound's rules of procedure say so.
     */
    nonVotersFollowMajority: integer('non_voters_follow_majority', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('compounds_community_name').on(t.communityId, t.name)],
);

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

/** Who holds units for the purposes of owners' decisions (voting-rules.md: the unit of counting). */
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
    /** A tenant's unit. */
    unitId: integer('unit_id').references(() => units.id),
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
    /** 'm:<mobile>' or 'ip:<address>'. */
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
