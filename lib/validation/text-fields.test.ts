/**
 * Property tests over every schema with a field a person types text into: a refused character (control, format,
 * invisible; see human-text.ts) anywhere in the text is refused, whatever surrounds it; nothing refused ever
 * comes out of a successful parse; and inputs equal under NFC parse to equal values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as assembly from '../assembly/validation';
import * as admin from '../people/validation';
import * as followthrough from '../followthrough/validation';
import type { TextKind } from './human-text';
import * as topics from '../topics/validation';
import * as votes from '../voting/validation';

interface TextField {
  name: string;
  kind: TextKind;
}

interface Case {
  schema: z.ZodType;
  /** A valid form, the text fields included, that each property then varies one field of. */
  base: Record<string, unknown>;
  fields: TextField[];
}

const line = (name: string): TextField => ({ name, kind: 'line' });
const lines = (name: string): TextField => ({ name, kind: 'lines' });
const named = (name: string): TextField => ({ name, kind: 'name' });

const settings = { name: '合和大院', address: '中山路1号', noticeDays: '7', ratingDays: '7', escalateAfterDays: '14' };
const when = { startsAt: '2026-12-01T19:00', endsAt: '2026-12-08T19:00' };

const CASES: Record<string, Case> = {
  compoundSettingsSchema: {
    schema: admin.compoundSettingsSchema,
    base: settings,
    fields: [named('name'), line('address')],
  },
  createCompoundSchema: {
    schema: admin.createCompoundSchema,
    base: { ...settings, communityId: '3' },
    fields: [named('name'), line('address')],
  },
  buildingSchema: { schema: admin.buildingSchema, base: { name: '3号楼', floors: '6' }, fields: [named('name')] },
  updateBuildingSchema: {
    schema: admin.updateBuildingSchema,
    base: { buildingId: '2', name: '3号楼', floors: '6' },
    fields: [named('name')],
  },
  servicesSchema: {
    schema: admin.servicesSchema,
    base: { companyIds: ['1'], newCompany: '安居物业' },
    fields: [named('newCompany')],
  },
  createAccountSchema: {
    schema: admin.createAccountSchema,
    base: { name: '王芳', mobile: '13800138000', password: 'tR7#mq2Lp' },
    fields: [named('name')],
  },
  grantRoleSchema: {
    schema: admin.grantRoleSchema,
    base: { personId: '4', role: 'grid_worker', scopeId: '1', grid: '第一网格' },
    fields: [line('grid')],
  },
  raiseTopicSchema: {
    schema: topics.raiseTopicSchema,
    base: { title: '楼道灯坏了', description: '三号楼二单元的楼道灯一直不亮。', category: 'sanitation' },
    fields: [line('title'), lines('description')],
  },
  reviewSchema: {
    schema: topics.reviewSchema,
    base: { topicId: '5', action: 'reject', reason: '与已有议题重复' },
    fields: [lines('reason')],
  },
  commentSchema: { schema: topics.commentSchema, base: { topicId: '5', body: '同意' }, fields: [lines('body')] },
  positionSchema: {
    schema: topics.positionSchema,
    base: { topicId: '5', party: 'branch', body: '支部支持' },
    fields: [lines('body')],
  },
  reportSchema: { schema: topics.reportSchema, base: { commentId: '7', reason: '广告' }, fields: [line('reason')] },
  hideSchema: { schema: topics.hideSchema, base: { commentId: '7', reason: '广告' }, fields: [line('reason')] },
  meetingSchema: {
    schema: topics.meetingSchema,
    base: {
      title: '停车位议事会',
      startsAt: when.startsAt,
      place: '社区活动室',
      topicIds: ['3'],
      inviteeIds: [],
      extraMobiles: '13800138000',
    },
    fields: [line('title'), line('place'), line('extraMobiles')],
  },
  minutesSchema: {
    schema: topics.minutesSchema,
    base: { meetingId: '2', minutes: '到会 12 人。\n议定：先修灯。', attendeeIds: ['4'] },
    fields: [lines('minutes')],
  },
  openVoteSchema: {
    schema: votes.openVoteSchema,
    base: {
      topicId: '5',
      kind: 'consultation',
      question: '先修哪一处？',
      customOptions: '楼道灯\n下水管',
      buildingIds: [],
      ...when,
    },
    fields: [lines('question'), lines('customOptions')],
  },
  paperSchema: {
    schema: votes.paperSchema,
    base: { voteId: '3', voterKey: 'h:12', serial: 'A-0001', choice: ['agree'] },
    fields: [line('serial')],
  },
  notPassedSchema: {
    schema: followthrough.notPassedSchema,
    base: { topicId: '5', voteId: '7', note: '调整方案后重新征求意见。' },
    fields: [lines('note')],
  },
  announceSchema: {
    schema: assembly.announceSchema,
    base: {
      title: '2026年第一次业主大会',
      materials: '预算十二万元。',
      howToVote: '网上或纸质投票。',
      ballotBox: '活动室门口',
      objectionsUntil: when.startsAt,
      startsAt: '2026-12-20T09:00',
      endsAt: '2026-12-27T09:00',
      m1_topicId: '5',
      m1_kind: 'decision',
      m1_item: '5',
      m1_question: '是否同意使用维修资金？',
    },
    fields: [line('title'), lines('materials'), lines('howToVote'), line('ballotBox'), lines('m1_question')],
  },
  registerObjectionSchema: {
    schema: assembly.registerObjectionSchema,
    base: { assemblyId: '1', unitId: '2', kind: 'holder', reason: '已过户' },
    fields: [lines('reason')],
  },
  answerRegisterObjectionSchema: {
    schema: assembly.answerRegisterObjectionSchema,
    base: { objectionId: '1', outcome: 'dismissed', answer: '以登记为准' },
    fields: [lines('answer')],
  },
  reviewProxySchema: {
    schema: assembly.reviewProxySchema,
    base: { proxyId: '1', step: 'reject', reason: '未签名' },
    fields: [lines('reason')],
  },
  nominateSchema: {
    schema: assembly.nominateSchema,
    base: { topicId: '5', statement: '愿意服务' },
    fields: [lines('statement')],
  },
  answerNominationSchema: {
    schema: assembly.answerNominationSchema,
    base: { nominationId: '1', outcome: 'rejected', reason: '不是本小区业主' },
    fields: [lines('reason')],
  },
  paperBatchSchema: {
    schema: assembly.paperBatchSchema,
    base: { voteId: '1', lines: 'HH-001 3号楼1单元301 同意' },
    fields: [lines('lines')],
  },
  decisionSchema: {
    schema: followthrough.decisionSchema,
    base: { topicId: '5', body: '由业委会修灯。', minutes: '表决通过。', party: 'committee', deadline: when.endsAt },
    fields: [lines('body'), lines('minutes')],
  },
  objectionSchema: {
    schema: followthrough.objectionSchema,
    base: { topicId: '5', reason: '费用太高' },
    fields: [lines('reason')],
  },
  answerObjectionSchema: {
    schema: followthrough.answerObjectionSchema,
    base: { objectionId: '2', outcome: 'dismissed', answer: '费用已公示' },
    fields: [lines('answer')],
  },
  acceptTaskSchema: {
    schema: followthrough.acceptTaskSchema,
    base: { topicId: '5', note: '下周一开工' },
    fields: [lines('note')],
  },
  progressSchema: {
    schema: followthrough.progressSchema,
    base: { topicId: '5', body: '灯已换好一半', percent: '50' },
    fields: [lines('body')],
  },
  ratingSchema: {
    schema: followthrough.ratingSchema,
    base: { topicId: '5', stars: '4', comment: '修得快' },
    fields: [lines('comment')],
  },
  escalateSchema: {
    schema: followthrough.escalateSchema,
    base: { topicId: '5', reason: '物业不回应' },
    fields: [lines('reason')],
  },
  settleEscalationSchema: {
    schema: followthrough.settleEscalationSchema,
    base: { escalationId: '2', kind: 'answer', text: '已督促物业' },
    fields: [lines('text')],
  },
};

/** Exported schemas without a field a person types text into (ids, choices, dates, passwords, a search box). */
const WITHOUT_TEXT = new Set([
  'revokeRoleSchema',
  'setPasswordSchema',
  'changePasswordSchema',
  'topicIdSchema',
  'shanghaiDateTime',
  'topicListSchema',
  'ballotSchema',
  'confirmPaperSchema',
  'voteIdSchema',
  'exportRangeSchema',
  'assemblyIdSchema',
  'grantProxySchema',
  'proxyIdSchema',
  'openNominationsSchema',
  'assemblyRulesSchema',
  'districtRulesSchema',
  'confirmPaperBatchSchema',
]);

// The spec, written apart from the implementation's patterns: general categories Cc, Cf, Cs, Zl, Zp and the
// Hangul fillers; \n and \t are kept in a field of several lines; a ZWJ between two emoji outside names.
const FILLERS = [0x115f, 0x1160, 0x3164, 0xffa0];
function refusedCodePoint(ch: string, kind: TextKind): boolean {
  if (kind === 'lines' && (ch === '\n' || ch === '\t')) return false;
  return /^[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]$/u.test(ch) || FILLERS.includes(ch.codePointAt(0) ?? 0);
}

const EMOJI = /\p{Extended_Pictographic}/u;
const MODIFIER = /^[\uFE0F\u{1F3FB}-\u{1F3FF}]$/u;

/** Whether a parsed (stored) value holds a refused character, an emoji's joiner excepted outside names. */
function holdsRefused(value: string, kind: TextKind): boolean {
  const chars = [...value];
  return chars.some((ch, i) => {
    if (!refusedCodePoint(ch, kind)) return false;
    if (ch !== '\u200d' || kind === 'name') return true;
    const before = chars[i - 1] !== undefined && MODIFIER.test(chars[i - 1] ?? '') ? chars[i - 2] : chars[i - 1];
    return !(EMOJI.test(before ?? '') && EMOJI.test(chars[i + 1] ?? ''));
  });
}

/** Every refused code point, found by scanning all of Unicode once (lone surrogates included). */
function allRefused(kind: TextKind): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const ch = String.fromCodePoint(cp);
    // A CR in a field of several lines is a line break (CR LF and CR become LF), not a refused character.
    if (refusedCodePoint(ch, kind) && !(kind === 'lines' && ch === '\r')) out.push(ch);
  }
  return out;
}
const REFUSED: Record<TextKind, string[]> = {
  line: allRefused('line'),
  lines: allRefused('lines'),
  name: allRefused('name'),
};

/** Ordinary text: Chinese, Latin with accents, digits, spaces of two widths (no emoji: see the joiner's exception). */
const ordinary = fc.string({
  unit: fc.constantFrom('王', '秋', '萍', '楼', '灯', 'a', 'Z', 'é', '1', ' ', '\u3000', '，', '。', '-'),
  maxLength: 12,
});
/** The same, with at least one visible character, so a refused character between two of them is inside the text. */
const visible = fc.tuple(ordinary, fc.constantFrom('王', '萍', 'a', '1'), ordinary).map((p) => p.join(''));

/** Text with pieces that NFC composes or maps: combining marks, Hangul jamo, compatibility ideographs, Å. */
const composable = fc.string({
  unit: fc.constantFrom(
    '王',
    'a',
    'e',
    '\u0301',
    '\u0308',
    'é',
    '\u1100',
    '\u1161',
    '가',
    '\uf900',
    '\u212b',
    'Å',
    ' ',
    '\n',
  ),
  maxLength: 30,
});

const parse = (c: Case, name: string, value: unknown) => c.schema.safeParse({ ...c.base, [name]: value });
const issueList = (r: z.ZodSafeParseResult<unknown>) =>
  r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the table of text fields', () => {
  it('covers every exported schema of the validation modules', () => {
    const exported = Object.entries({ ...admin, ...topics, ...votes, ...followthrough, ...assembly })
      .filter(([, v]) => v instanceof z.ZodType)
      .map(([k]) => k);
    expect(exported.filter((k) => !(k in CASES) && !WITHOUT_TEXT.has(k))).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s accepts its base form', (_, c) => {
    expect(issueList(c.schema.safeParse(c.base))).toEqual([]);
  });

  it('lists the refused code points the issue named', () => {
    for (const cp of [0x0, 0xad, 0x200b, 0x200f, 0x202a, 0x202e, 0x2060, 0x2064, 0x2066, 0x2069, 0xfeff]) {
      expect(REFUSED.line).toContain(String.fromCodePoint(cp));
    }
    expect(REFUSED.lines).not.toContain('\n');
    expect(REFUSED.line).toContain('\n');
  });
});

for (const [schemaName, c] of Object.entries(CASES)) {
  describe(schemaName, () => {
    for (const field of c.fields) {
      it(`refuses ${field.name} with a refused character anywhere inside it`, () => {
        fc.assert(
          fc.property(visible, fc.constantFrom(...REFUSED[field.kind]), visible, (before, bad, after) => {
            const r = parse(c, field.name, `${before}${bad}${after}`);
            expect(r.success).toBe(false);
            expect(issueList(r)).toContain(`${field.name}: invisibleChars`);
          }),
          { numRuns: 200 },
        );
      });

      it(`refuses ${field.name} starting or ending with a refused character other than white space`, () => {
        const notSpace = REFUSED[field.kind].filter((ch) => !/^[\t\n\r]$/.test(ch));
        fc.assert(
          fc.property(visible, fc.constantFrom(...notSpace), fc.boolean(), (text, bad, atEnd) => {
            const r = parse(c, field.name, atEnd ? `${text}${bad}` : `${bad}${text}`);
            expect(issueList(r)).toContain(`${field.name}: invisibleChars`);
          }),
          { numRuns: 100 },
        );
      });

      it(`never lets a refused character through ${field.name}, and stores it as NFC`, () => {
        fc.assert(
          fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (value) => {
            const r = parse(c, field.name, value);
            if (!r.success) return;
            const stored = (r.data as Record<string, unknown>)[field.name];
            if (typeof stored !== 'string') return;
            expect(holdsRefused(stored, field.kind), JSON.stringify(stored)).toBe(false);
            expect(stored).toBe(stored.normalize('NFC'));
          }),
          { numRuns: 300 },
        );
      });

      it(`parses NFC-equal values of ${field.name} to equal results`, () => {
        fc.assert(
          fc.property(composable, fc.constantFrom<'NFC' | 'NFD'>('NFC', 'NFD'), (value, form) => {
            const a = parse(c, field.name, value);
            const b = parse(c, field.name, value.normalize(form));
            expect(b.success).toBe(a.success);
            if (a.success && b.success) expect(b.data).toEqual(a.data);
            else expect(issueList(b)).toEqual(issueList(a));
          }),
          { numRuns: 200 },
        );
      });
    }
  });
}
