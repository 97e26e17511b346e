import { z } from 'zod';
import { MOBILE_PATTERN } from '../auth/login-limit';
import { isCommonPassword } from '../auth/password-policy';
import { codePointLabel, findRefused, normaliseText, type TextKind } from './human-text';

/**
 * The one building block for text a person types. In this order: NFC, line breaks and trimming (normaliseText),
 * refusal of control, format and other invisible characters ('invisibleChars', naming the first one), and only
 * then the length limits, so a limit counts what is stored. `kind`: 'line' for a single-line field, 'lines' for a
 * textarea (keeps \n and \t), 'name' for a person's or a place's name (no exception for emoji joiners).
 */
function cleanText(kind: TextKind) {
  return z
    .string({ error: 'required' })
    .transform((s) => normaliseText(s, kind))
    .check((ctx) => {
      const refused = findRefused(ctx.value, kind);
      if (refused === null) return;
      ctx.issues.push({
        code: 'custom',
        message: 'invisibleChars',
        params: { char: codePointLabel(refused) },
        input: ctx.value,
      });
    });
}

/** Required text of 1..max characters (UTF-16 units, as the forms' maxLength counts them). */
export const humanText = (max: number, kind: TextKind = 'line') =>
  cleanText(kind).pipe(z.string().min(1, 'required').max(max, 'tooLong'));

/** Text that may be left empty (absent reads as ''). */
export const optionalHumanText = (max: number, kind: TextKind = 'line') =>
  z
    .string()
    .optional()
    .transform((s) => s ?? '')
    .pipe(cleanText(kind))
    .pipe(z.string().max(max, 'tooLong'));

/** A person's name, as an account, a register or a ballot shows it. */
export const personName = (max = 40) => humanText(max, 'name');

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
