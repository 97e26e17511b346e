import { z } from 'zod';
import { checkbox, humanText, id, intIn, optionalHumanText } from '../validation/common';
import { shanghaiDateTime } from '../topics/validation';

const voterKey = z.string({ error: 'choose' }).regex(/^[hp]:[1-9]\d{0,15}$/, 'choose');
const choice = z.array(z.string().max(10, 'invalid')).max(20, 'range');

export const openVoteSchema = z
  .object({
    topicId: id,
    kind: z.enum(['consultation', 'council', 'owners'], { error: 'choose' }),
    question: humanText(200, 'lines'),
    matterItem: z
      .union([z.literal(''), intIn(1, 9)])
      .optional()
      .transform((v) => (v === '' || v === undefined ? null : v)),
    /** One option per line; empty: agree / disagree / abstain. */
    customOptions: optionalHumanText(500, 'lines'),
    choiceMode: z.enum(['single', 'multiple']).default('single'),
    secret: checkbox,
    allowChange: checkbox,
    buildingIds: z
      .array(id)
      .max(200, 'range')
      .transform((ids) => [...new Set(ids)]),
    startsAt: shanghaiDateTime,
    endsAt: shanghaiDateTime,
  })
  .refine((v) => v.kind !== 'owners' || v.matterItem !== null, { path: ['matterItem'], message: 'choose' })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'endBeforeStart' })
  .transform((v) => {
    const lines =
      v.kind === 'consultation'
        ? v.customOptions
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
        : [];
    return { ...v, customLines: [...new Set(lines)] };
  })
  .refine((v) => v.customLines.length === 0 || (v.customLines.length >= 2 && v.customLines.length <= 10), {
    path: ['customOptions'],
    message: 'optionCount',
  })
  .refine((v) => v.customLines.every((l) => l.length <= 40), { path: ['customOptions'], message: 'tooLong' });

export const ballotSchema = z.object({ voteId: id, voterKey, choice });
export const paperSchema = z.object({ voteId: id, voterKey, serial: humanText(30), choice });
export const confirmPaperSchema = z.object({ voteId: id, voterKey });
export const voteIdSchema = z.object({ voteId: id });
