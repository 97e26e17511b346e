import { z } from 'zod';
import { MOBILE_PATTERN } from '../auth/login-limit';
import { isCommonPassword } from '../auth/password-policy';

/** Trimmed text of 1..max characters (counted as characters, not bytes). */
export const text = (max: number) =>
  z
    .string({ error: 'required' })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, 'required').max(max, 'tooLong'));

export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((s) => (s ?? '').trim())
    .pipe(z.string().max(max, 'tooLong'));

export const id = z.coerce.number({ error: 'choose' }).int('choose').positive('choose').max(Number.MAX_SAFE_INTEGER);

export const intIn = (min: number, max: number) =>
  z.coerce.number({ error: 'number' }).int('number').min(min, 'range').max(max, 'range');

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('1'), z.literal(''), z.null()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

export const mobile = z
  .string({ error: 'required' })
  .transform((s) => s.trim())
  .pipe(z.string().regex(MOBILE_PATTERN, 'mobile'));

export const newPassword = z
  .string({ error: 'required' })
  .min(8, 'passwordShort')
  .max(128, 'passwordTooLong')
  .refine((p) => !isCommonPassword(p), 'passwordCommon');

/** Parses a route or form id; anything but a positive integer is simply "not found". */
export function parseId(value: unknown): number | null {
  const s = String(value ?? '');
  if (!/^[1-9]\d{0,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}
