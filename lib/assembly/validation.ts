import { z } from 'zod';
import { MAX_UNIT_AREA_CENTI, parseArea } from '../area';
import { shanghaiDateTime } from '../topics/validation';
import { checkbox, humanText, id, intIn, mobile, optionalHumanText } from '../validation/common';
import { MATTER_KINDS } from '../voting/count-matters';

/** Matters one announcement may carry; each is counted on its own (Art. 278). */
export const MAX_MATTERS = 5;
/** Options of a choice matter (companies, plans). */
export const MAX_CHOICE_OPTIONS = 10;

/** An area that may be left empty (null), refused with the area message when typed wrongly. */
const optionalArea = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s.trim() === '') return null;
    const parsed = parseArea(s);
    if (parsed.ok && parsed.centi <= MAX_UNIT_AREA_CENTI) return parsed.centi;
    ctx.addIssue({ code: 'custom', message: 'area' });
    return z.NEVER;
  });

const matterFields = (i: number) => ({
  [`m${i}_topicId`]: z.union([z.literal(''), id]).optional(),
  [`m${i}_kind`]: z.string().optional(),
  [`m${i}_item`]: z.union([z.literal(''), intIn(1, 9)]).optional(),
  [`m${i}_question`]: optionalHumanText(200, 'lines'),
  [`m${i}_options`]: optionalHumanText(800, 'lines'),
});

export interface MatterInput {
  /** The matter's row in the form (1-based), for messages beside its fields. */
  row: number;
  topicId: number;
  kind: (typeof MATTER_KINDS)[number];
  item: number;
  question: string;
  /** A choice's options, one per line, distinct. */
  options: string[];
}

/**
 * The announcement (会议通知): what is decided, by which Art. 278 item, with which materials, how and
 * when owners vote, and by when the register can be objected to. Matters come as numbered rows
 * (m1_…, m2_…); a row with neither topic nor question is an empty row and ignored.
 */
const noticeFields = {
  title: humanText(100),
  materials: optionalHumanText(5000, 'lines'),
  howToVote: humanText(1000, 'lines'),
  ballotBox: optionalHumanText(200),
  objectionsUntil: shanghaiDateTime,
  startsAt: shanghaiDateTime,
  endsAt: shanghaiDateTime,
};
type Notice = z.output<z.ZodObject<typeof noticeFields>>;
const allMatterFields: Record<string, z.ZodType> = Object.assign(
  {},
  ...Array.from({ length: MAX_MATTERS }, (_, i) => matterFields(i + 1)),
);

export const announceSchema = z.object({ ...noticeFields, ...allMatterFields }).transform((parsed, ctx) => {
  const v = parsed as unknown as Notice;
  const raw = parsed as Record<string, unknown>;
  const matters: MatterInput[] = [];
  for (let row = 1; row <= MAX_MATTERS; row++) {
    const topicId = raw[`m${row}_topicId`];
    const question = String(raw[`m${row}_question`] ?? '');
    if ((topicId === '' || topicId === undefined) && question === '') continue;
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [`m${row}_${field}`], message });
    const kind = raw[`m${row}_kind`];
    if (typeof topicId !== 'number') issue('topicId', 'choose');
    if (!(MATTER_KINDS as readonly unknown[]).includes(kind)) issue('kind', 'choose');
    const item = kind === 'election' ? 3 : raw[`m${row}_item`];
    if (typeof item !== 'number') issue('item', 'choose');
    if (question === '') issue('question', 'required');
    const options = [
      ...new Set(
        String(raw[`m${row}_options`] ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ];
    if (kind === 'choice' && (options.length < 2 || options.length > MAX_CHOICE_OPTIONS)) {
      issue('options', 'optionCount');
    }
    if (options.some((o) => o.length > 60)) issue('options', 'tooLong');
    if (typeof topicId === 'number' && typeof item === 'number' && question !== '') {
      matters.push({ row, topicId, kind: kind as MatterInput['kind'], item, question, options });
    }
  }
  if (matters.length === 0 && ctx.issues.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['m1_question'], message: 'required' });
  }
  return {
    title: v.title,
    materials: v.materials,
    howToVote: v.howToVote,
    ballotBox: v.ballotBox,
    objectionsUntil: v.objectionsUntil,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    matters,
  };
});

export const assemblyIdSchema = z.object({ assemblyId: id });

export const registerObjectionSchema = z
  .object({
    assemblyId: id,
    unitId: id,
    kind: z.enum(['area', 'holder'], { error: 'choose' }),
    claimedArea: optionalArea,
    reason: humanText(500, 'lines'),
  })
  .refine((v) => v.kind !== 'area' || v.claimedArea !== null, { path: ['claimedArea'], message: 'area' });

/** The corrected area is required when an objection to an area is upheld (checked with the objection's kind). */
export const answerRegisterObjectionSchema = z.object({
  objectionId: id,
  outcome: z.enum(['corrected', 'dismissed', 'noted'], { error: 'choose' }),
  correctedArea: optionalArea,
  areaSource: z.enum(['register', 'survey', 'contract']).optional(),
  answer: humanText(500, 'lines'),
});

export const grantProxySchema = z.object({
  assemblyId: id,
  voterKey: z.string({ error: 'choose' }).regex(/^h:[1-9]\d{0,15}$/, 'choose'),
  agentMobile: mobile,
});

export const reviewProxySchema = z
  .object({
    proxyId: id,
    step: z.enum(['check', 'confirm', 'reject'], { error: 'choose' }),
    reason: optionalHumanText(300, 'lines'),
  })
  .refine((v) => v.step !== 'reject' || v.reason !== '', { path: ['reason'], message: 'required' });

export const proxyIdSchema = z.object({ proxyId: id });

export const openNominationsSchema = z.object({ topicId: id });

/** Nominating oneself (no mobile) or another owner of the compound by their mobile number. */
export const nominateSchema = z.object({
  topicId: id,
  mobile: z.union([z.literal(''), mobile]).optional(),
  statement: optionalHumanText(300, 'lines'),
});

export const answerNominationSchema = z
  .object({
    nominationId: id,
    outcome: z.enum(['accepted', 'rejected'], { error: 'choose' }),
    eligible: checkbox,
    reason: optionalHumanText(300, 'lines'),
  })
  .refine((v) => v.outcome !== 'accepted' || v.eligible, { path: ['eligible'], message: 'required' })
  .refine((v) => v.outcome !== 'rejected' || v.reason !== '', { path: ['reason'], message: 'required' });

/** A compound's assembly rules, set by the staff who administer it (docs/domain/owners-assembly.md). */
export const assemblyRulesSchema = z.object({
  assemblyNoticeDays: intIn(15, 90),
  votingMinDays: intIn(1, 60),
  maxProxies: intIn(1, 10),
  committeeSeats: intIn(5, 11).refine((n) => n % 2 === 1, 'oddSeats'),
  committeeAlternates: intIn(0, 5),
  handoverDays: intIn(0, 60),
});

/** The district's minimum notice period, never below the law's 15 days. */
export const districtRulesSchema = z.object({ districtId: id, minAssemblyNoticeDays: intIn(15, 90) });

export const paperBatchSchema = z.object({ voteId: id, lines: humanText(20_000, 'lines') });

export const confirmPaperBatchSchema = z.object({
  voteId: id,
  voterKeys: z
    .array(z.string().regex(/^h:[1-9]\d{0,15}$/, 'choose'))
    .min(1, 'choose')
    .max(2000, 'range')
    .transform((keys) => [...new Set(keys)]),
});
