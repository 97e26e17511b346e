import { z } from 'zod';
import { TASK_PARTY_KINDS } from '../followthrough/rules';
import { id, intIn, optionalText, text } from './common';
import { shanghaiDateTime } from './topics';

const optionalId = z
  .union([z.literal(''), id])
  .optional()
  .transform((v) => (v ? v : null));

export const decisionSchema = z
  .object({
    topicId: id,
    body: text(2000),
    minutes: optionalText(5000),
    voteId: optionalId,
    party: z.enum(TASK_PARTY_KINDS, { error: 'choose' }),
    companyId: optionalId,
    deadline: shanghaiDateTime,
  })
  .refine((v) => v.party !== 'property' || v.companyId !== null, { path: ['companyId'], message: 'choose' });

export const objectionSchema = z.object({ topicId: id, reason: text(500) });

export const answerObjectionSchema = z.object({
  objectionId: id,
  outcome: z.enum(['upheld', 'dismissed'], { error: 'choose' }),
  answer: text(500),
});

export const acceptTaskSchema = z.object({ topicId: id, note: optionalText(500) });

export const progressSchema = z.object({ topicId: id, body: text(1000), percent: intIn(0, 100) });

export const ratingSchema = z.object({ topicId: id, stars: intIn(1, 5), comment: optionalText(300) });

export const escalateSchema = z.object({ topicId: id, reason: text(500) });

export const settleEscalationSchema = z.object({
  escalationId: id,
  kind: z.enum(['answer', 'forward'], { error: 'choose' }),
  text: text(1000),
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
