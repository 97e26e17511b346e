import 'server-only';
import { hash } from '@node-rs/argon2';
import { activateWithCode } from '@/db/activation/activate';
import {
  addressKey,
  codeKey,
  failureTallies,
  recordCodeFailure,
  recordUnknownCode,
  recordWrongName,
  UNKNOWN_KEY,
} from '@/db/activation/attempts';
import { findCodeByHash, holderMembersOf } from '@/db/activation/codes';
import { normaliseTypedCode } from '@/lib/activation/code';
import { hashActivationCode } from '@/lib/activation/hash';
import { ACTIVATION_WINDOW_MS, activationGate } from '@/lib/activation/limits';
import { holderNameMatches, judgeActivation } from '@/lib/activation/state';
import { PRIVACY_VERSION } from '@/lib/households/privacy';
import { activationPepper } from '../auth/peppers';

export interface ActivationInput {
  code: string;
  name: string;
  mobile: string;
  password: string;
}

/** What went wrong, as a message key under `activation.errors`, the field it belongs to and its values. */
export type ActivationOutcome =
  | { ok: true }
  | { ok: false; key: string; field?: 'code' | 'name' | 'mobile'; values?: Record<string, string | number> };

const NO_TALLY = { n: 0, first: 0 };

/**
 * One attempt at /activate, in the order that reveals least (docs/decisions/0018-households.md):
 * 1. the code's shape and check symbol — a typo is answered at once and counts nowhere;
 * 2. the limits per address, per code and everywhere — refused while closed, not counted;
 * 3. the code itself — unknown, expired, used, revoked or locked, each with its own message, counted;
 * 4. the holder's name — wrong names count towards the lock (staff are told at the fifth);
 * 5. the mobile — it must not be another account's;
 * then the account is opened in one transaction. Nothing says whether a unit or a name exists beyond what the
 * code itself proves.
 */
export async function activate(input: ActivationInput, bucket: string, now: number): Promise<ActivationOutcome> {
  const typed = normaliseTypedCode(input.code);
  if (!typed.ok) {
    if (typed.reason === 'symbol')
      return { ok: false, key: 'codeSymbol', field: 'code', values: { char: typed.char, position: typed.position } };
    if (typed.reason === 'length')
      return { ok: false, key: 'codeLength', field: 'code', values: { length: typed.length } };
    if (typed.reason === 'empty') return { ok: false, key: 'codeEmpty', field: 'code' };
    return { ok: false, key: 'codeCheck', field: 'code' };
  }
  const since = now - ACTIVATION_WINDOW_MS;
  const prune = now - 2 * ACTIVATION_WINDOW_MS;
  const code = findCodeByHash(hashActivationCode(typed.code, activationPepper()));
  const keys = [addressKey(bucket), UNKNOWN_KEY, ...(code ? [codeKey(code.id)] : [])];
  const tallies = failureTallies(keys, since);
  const gate = activationGate(
    {
      address: tallies.get(addressKey(bucket)) ?? NO_TALLY,
      code: code ? (tallies.get(codeKey(code.id)) ?? NO_TALLY) : null,
      unknownCodes: tallies.get(UNKNOWN_KEY) ?? NO_TALLY,
    },
    now,
  );
  if (!gate.open) {
    return { ok: false, key: `wait_${gate.reason}`, values: { minutes: Math.ceil(gate.retryAfterSeconds / 60) } };
  }
  if (!code) {
    recordUnknownCode(bucket, now, prune);
    return { ok: false, key: 'codeUnknown', field: 'code' };
  }
  const members = holderMembersOf(code.holderId);
  const member = members.find((m) => holderNameMatches(input.name, m.name));
  const judged = judgeActivation(code, input.name, member?.name ?? '', now);
  if (!judged.ok) {
    if (judged.reason === 'empty-name') return { ok: false, key: 'nameEmpty', field: 'name' };
    if (judged.reason === 'wrong-name') {
      recordWrongName(code, judged, bucket, now, prune);
      return judged.lockedNow
        ? { ok: false, key: 'codeLockedNow', field: 'name' }
        : { ok: false, key: 'nameWrong', field: 'name', values: { left: judged.triesLeft } };
    }
    recordCodeFailure(code, judged.reason, bucket, now, prune);
    return { ok: false, key: `code_${judged.reason}`, field: 'code' };
  }
  if (!member) return { ok: false, key: 'nameWrong', field: 'name', values: { left: 0 } };
  if (member.hasAccount) {
    recordCodeFailure(code, 'already-active', bucket, now, prune);
    return { ok: false, key: 'alreadyActive', field: 'name' };
  }
  const outcome = activateWithCode(
    {
      codeId: code.id,
      personId: member.personId,
      mobile: input.mobile,
      passwordHash: await hash(input.password),
      privacyVersion: PRIVACY_VERSION,
      address: bucket,
    },
    now,
  );
  if (outcome === 'ok') return { ok: true };
  if (outcome === 'mobile-taken') {
    recordCodeFailure(code, 'mobile-taken', bucket, now, prune);
    return { ok: false, key: 'mobileTaken', field: 'mobile' };
  }
  if (outcome === 'already-active') return { ok: false, key: 'alreadyActive', field: 'name' };
  return { ok: false, key: 'code_used', field: 'code' };
}
