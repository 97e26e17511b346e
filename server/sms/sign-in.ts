import 'server-only';
import { randomBytes } from 'node:crypto';
import { findLoginByMobile } from '@/db/auth/sessions';
import { latestSmsCode, recordSmsCode, recordSmsTry, smsHistory, consumeSmsCode } from '@/db/sms/codes';
import {
  canSendSmsCode,
  checkSmsCode,
  generateSmsCode,
  hashSmsCode,
  SMS_CAP_WINDOW_MS,
  type SmsCheck,
  type SmsSendRefusal,
} from '@/lib/sms/code';
import { smsPepper } from '../auth/peppers';
import { smsSender } from './instance';
import { SmsSendError } from './types';

export type SmsRequestOutcome =
  /** Answered the same whether or not the number has an account: "if it has one, a code was sent". */
  | { ok: true; resendAfterSeconds: number }
  | { ok: false; reason: 'off' | 'failed' }
  | { ok: false; reason: SmsSendRefusal; retryAfterSeconds: number };

/**
 * Asks for a sign-in code for `mobile`. The caps apply alike to numbers with and without an account, and the answer
 * is the same: nothing tells a caller whether the number is registered. A code is sent only to an account.
 */
export async function requestSmsCode(mobile: string, bucket: string, now: number): Promise<SmsRequestOutcome> {
  const sender = smsSender();
  if (!sender) return { ok: false, reason: 'off' };
  const decision = canSendSmsCode(smsHistory(mobile, bucket, now - SMS_CAP_WINDOW_MS), now);
  if (!decision.ok) return decision;
  const person = findLoginByMobile(mobile);
  const account = Boolean(person?.passwordHash && !person.disabled);
  const code = generateSmsCode(randomBytes);
  recordSmsCode(
    { mobile, address: bucket, codeHash: hashSmsCode(mobile, code, smsPepper()), sent: account },
    now,
    now - 2 * SMS_CAP_WINDOW_MS,
  );
  if (account) {
    try {
      await sender.send(mobile, code, 'sign-in');
    } catch (error) {
      if (!(error instanceof SmsSendError)) throw error;
      console.error(`[yishi] ${error.message}`);
      return { ok: false, reason: 'failed' };
    }
  }
  return { ok: true, resendAfterSeconds: 60 };
}

/** One try of a typed code for `mobile`: the person to sign in, or why not. */
export function checkSmsSignIn(
  mobile: string,
  typed: string,
  now: number,
): { ok: true; person: NonNullable<ReturnType<typeof findLoginByMobile>> } | Exclude<SmsCheck, { ok: true }> {
  if (!smsSender()) return { ok: false, reason: 'no-code' };
  const issued = latestSmsCode(mobile);
  const check = checkSmsCode(issued, mobile, typed, smsPepper(), now);
  if (!check.ok) {
    if (check.reason === 'wrong' && issued) recordSmsTry(issued.id, check.tries);
    return check;
  }
  const person = findLoginByMobile(mobile);
  if (!issued || !person?.passwordHash || person.disabled || !consumeSmsCode(issued.id, now)) {
    return { ok: false, reason: 'used' };
  }
  return { ok: true, person };
}
