import { z } from 'zod';
import { TOPIC_CATEGORIES } from './categories';
import { REVIEW_ACTIONS } from './lifecycle';
import { shanghaiMinute } from '../time';
import { humanText, id, optionalHumanText } from '../validation/common';
import { cleanSearch } from '../validation/human-text';

export const raiseTopicSchema = z.object({
  title: humanText(60),
  description: humanText(2000, 'lines'),
  category: z.enum(TOPIC_CATEGORIES, { error: 'choose' }),
  /** Empty: the whole compound. */
  buildingId: z
    .union([z.literal(''), id])
    .optional()
    .transform((v) => (v ? v : null)),
});

export const reviewSchema = z
  .object({
    topicId: id,
    action: z.enum(REVIEW_ACTIONS, { error: 'choose' }),
    reason: optionalHumanText(500, 'lines'),
    mergeInto: z
      .union([z.literal(''), id])
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.action !== 'reject' || v.reason !== '', { path: ['reason'], message: 'required' })
  .refine((v) => v.action !== 'merge' || v.mergeInto !== null, { path: ['mergeInto'], message: 'choose' });

export const topicIdSchema = z.object({ topicId: id });

export const commentSchema = z.object({
  topicId: id,
  body: humanText(1000, 'lines'),
  parentId: z
    .union([z.literal(''), id])
    .optional()
    .transform((v) => (v ? v : null)),
});

export const positionSchema = z.object({
  topicId: id,
  party: z.enum(['branch', 'property', 'committee'], { error: 'choose' }),
  body: humanText(2000, 'lines'),
});

export const reportSchema = z.object({ commentId: id, reason: humanText(200) });
export const hideSchema = z.object({ commentId: id, reason: humanText(200) });

/** A local date-time from <input type="datetime-local">, read as Asia/Shanghai (UTC+8, no DST). */
export const shanghaiDateTime = z
  .string({ error: 'required' })
  // An empty field is missing, not malformed: "required", not "not in the right format".
  .min(1, { message: 'required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid')
  .transform((s) => ({ text: s, at: Date.parse(`${s}:00+08:00`) }))
  // Date.parse rolls 2026-02-30 over into March; a real date reads back as what was typed.
  .refine(({ text, at }) => Number.isFinite(at) && shanghaiMinute(at) === text, 'invalid')
  .transform(({ at }) => at);

export const meetingSchema = z.object({
  title: humanText(60),
  startsAt: shanghaiDateTime,
  place: humanText(60),
  topicIds: z
    .array(id)
    .min(1, 'choose')
    .max(20, 'range')
    .transform((ids) => [...new Set(ids)]),
  inviteeIds: z
    .array(id)
    .max(200, 'range')
    .transform((ids) => [...new Set(ids)]),
  extraMobiles: optionalHumanText(600),
});

export const minutesSchema = z.object({
  meetingId: id,
  minutes: humanText(5000, 'lines'),
  attendeeIds: z.array(id).max(500, 'range'),
});

export const topicListSchema = z.object({
  status: z.string().max(20).optional().catch(undefined),
  category: z.enum(TOPIC_CATEGORIES).optional().catch(undefined),
  building: z.coerce.number().int().positive().optional().catch(undefined),
  /** A search box refuses nothing: invisible characters are dropped, and the text is cut to 40 characters. */
  q: z
    .string()
    .optional()
    .transform((s) => (s === undefined ? undefined : cleanSearch(s, 40) || undefined))
    .catch(undefined),
  sort: z.enum(['new', 'cosigns', 'active']).default('new').catch('new'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
