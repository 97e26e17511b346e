import { z } from 'zod';
import { shanghaiDay } from '../time';
import { checkbox, humanText, id, mobile, newPassword, optionalHumanText, personName } from '../validation/common';

/** A date from <input type="date">, read as the start of that day in Asia/Shanghai. */
export const shanghaiDate = z
  .string({ error: 'required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid')
  .transform((s) => ({ text: s, at: Date.parse(`${s}T00:00:00+08:00`) }))
  .refine(({ text, at }) => Number.isFinite(at) && shanghaiDay(at) === text, 'invalid')
  .transform(({ at }) => at);

const blankAsMissing = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalId = z.preprocess(blankAsMissing, id.optional());
const optionalDate = z.preprocess(blankAsMissing, shanghaiDate.optional());

export const lettersSchema = z
  .object({
    scope: z.enum(['compound', 'building', 'units'], { error: 'choose' }),
    buildingId: optionalId,
    units: optionalHumanText(20_000, 'lines'),
  })
  .refine((v) => v.scope !== 'building' || v.buildingId !== undefined, { path: ['buildingId'], message: 'choose' })
  .refine((v) => v.scope !== 'units' || v.units.trim() !== '', { path: ['units'], message: 'required' });

/** The password and its repetition, and the privacy notice accepted: the end of every self-service form. */
const newAccount = {
  password: newPassword,
  confirm: z.string({ error: 'required' }),
  privacy: checkbox.refine((v) => v, 'mustAccept'),
};

export const activationSchema = z
  .object({
    // The code is read by lib/activation/code.ts normaliseTypedCode, which names what is wrong with it.
    code: z.string({ error: 'required' }).max(200, 'tooLong'),
    name: personName(),
    mobile,
    ...newAccount,
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });

const joinFields = {
  compoundId: id,
  buildingId: id,
  unit: humanText(40),
  relation: z.enum(['tenant', 'family_member'], { error: 'choose' }),
  moveOut: optionalDate,
};

/** Asking to join a unit while signed in: the account is who asks. */
export const joinSignedInSchema = z.object(joinFields);

/** Asking without an account: the account to open once the request is approved. */
export const joinNewSchema = z
  .object({ ...joinFields, name: personName(), mobile, ...newAccount })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });

export const answerJoinSchema = z.object({
  requestId: id,
  answer: z.enum(['approve', 'decline'], { error: 'choose' }),
  reason: optionalHumanText(200),
});

export const moveOutSchema = z.object({ membershipId: id, date: optionalDate });

export const transferSchema = z.object({
  buildingId: id,
  unit: humanText(40),
  effective: shanghaiDate,
  owners: humanText(1000, 'lines'),
  voter: z.preprocess(blankAsMissing, mobile.optional()),
  reference: optionalHumanText(60),
});

export const proposeVoterSchema = z.object({ holderId: id, newVoterId: id });
export const confirmVoterSchema = z.object({ changeId: id });

export const correctionSchema = z.object({
  topic: z.enum(['area', 'name', 'unit', 'other'], { error: 'choose' }),
  unitId: optionalId,
  body: humanText(500, 'lines'),
});

export const answerCorrectionSchema = z.object({ requestId: id, answer: humanText(500, 'lines') });

export const smsRequestSchema = z.object({ mobile });
