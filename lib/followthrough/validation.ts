import { z } from 'zod';
import { TASK_PARTIES } from './rules';
import { humanText, id, intIn, optionalHumanText } from '../validation/common';
import { shanghaiDateTime } from '../topics/validation';

const optionalId = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (v ? v : null));

export const decisionSchema = z
  .object({
    topicId: id,
    body: humanText(2000, 'lines'),
    minutes: optionalHumanText(5000, 'lines'),
    voteId: optionalId,
    party: z.enum(TASK_PARTIES, { error: 'choose' }),
    companyId: optionalId,
    deadline: shanghaiDateTime,
  })
  .refine((v) => v.party !== 'property' || v.companyId !== null, { path: ['companyId'], message: 'choose' });

export const objectionSchema = z.object({ topicId: id, reason: humanText(500, 'lines') });

export const answerObjectionSchema = z.object({
  objectionId: id,
  outcome: z.enum(['upheld', 'dismissed'], { error: 'choose' }),
  answer: humanText(500, 'lines'),
});

export const acceptTaskSchema = z.object({ topicId: id, note: optionalHumanText(500, 'lines') });

export const progressSchema = z.object({ topicId: id, body: humanText(1000, 'lines'), percent: intIn(0, 100) });

/** 1–5 stars; none chosen says "choose the stars", not "enter a whole number". */
const stars = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number({ error: 'chooseStars' }).int('chooseStars').min(1, 'chooseStars').max(5, 'chooseStars'),
);

export const ratingSchema = z.object({ topicId: id, stars, comment: optionalHumanText(300, 'lines') });

export const escalateSchema = z.object({ topicId: id, reason: humanText(500, 'lines') });

export const settleEscalationSchema = z.object({
  escalationId: id,
  kind: z.enum(['answer', 'forward'], { error: 'choose' }),
  text: humanText(1000, 'lines'),
});

/** The CSV export's date range: local dates, from ≤ to, at most ten years. */
export const exportRangeSchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid'),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid'),
  })
  .transform((v) => ({
    from: Date.parse(`${v.from}T00:00:00+08:00`),
    to: Date.parse(`${v.to}T00:00:00+08:00`) + 86_400_000,
  }))
  .refine((v) => Number.isFinite(v.from) && Number.isFinite(v.to) && v.from < v.to, 'invalid')
  .refine((v) => v.to - v.from <= 3660 * 86_400_000, 'invalid');

/** Recording that an owners' decision did not pass: which one, and what follows (optional note). */
export const notPassedSchema = z.object({ topicId: id, voteId: id, note: optionalHumanText(500, 'lines') });
