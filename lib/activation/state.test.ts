import { describe, expect, it } from 'vitest';
import { MAX_WRONG_NAMES } from './limits';
import {
  ACTIVATION_EVENTS,
  type ActivationCodeRecord,
  activationCodeState,
  activationExpiry,
  canApply,
  holderNameMatches,
  judgeActivation,
} from './state';

const DAY = 24 * 3600 * 1000;
const MADE = Date.UTC(2026, 0, 10, 2);

function record(parts: Partial<ActivationCodeRecord> = {}): ActivationCodeRecord {
  return {
    createdAt: MADE,
    expiresAt: activationExpiry(MADE),
    usedAt: null,
    lockedAt: null,
    revokedAt: null,
    failedNameTries: 0,
    ...parts,
  };
}

describe('activationExpiry', () => {
  it('is 60 days after the letter was made by default', () => {
    expect(activationExpiry(MADE)).toBe(MADE + 60 * DAY);
    expect(activationExpiry(MADE, 7)).toBe(MADE + 7 * DAY);
  });
});

describe('activationCodeState', () => {
  it('is valid until the expiry instant, expired from it', () => {
    const r = record();
    expect(activationCodeState(r, MADE)).toBe('valid');
    expect(activationCodeState(r, r.expiresAt - 1)).toBe('valid');
    expect(activationCodeState(r, r.expiresAt)).toBe('expired');
  });

  it('says used, revoked or locked as recorded', () => {
    expect(activationCodeState(record({ usedAt: MADE + DAY }), MADE + 2 * DAY)).toBe('used');
    expect(activationCodeState(record({ revokedAt: MADE + DAY }), MADE + 2 * DAY)).toBe('revoked');
    expect(activationCodeState(record({ lockedAt: MADE + DAY }), MADE + 2 * DAY)).toBe('locked');
  });

  it('counts a code with MAX_WRONG_NAMES failed names as locked even without a lock time', () => {
    expect(activationCodeState(record({ failedNameTries: MAX_WRONG_NAMES - 1 }), MADE)).toBe('valid');
    expect(activationCodeState(record({ failedNameTries: MAX_WRONG_NAMES }), MADE)).toBe('locked');
  });

  it('gives the most useful state when several apply: used, revoked, locked, expired', () => {
    const late = MADE + 90 * DAY;
    const all = record({ usedAt: MADE + DAY, revokedAt: MADE + 2 * DAY, lockedAt: MADE + DAY });
    expect(activationCodeState(all, late)).toBe('used');
    expect(activationCodeState({ ...all, usedAt: null }, late)).toBe('revoked');
    expect(activationCodeState({ ...all, usedAt: null, revokedAt: null }, late)).toBe('locked');
    expect(activationCodeState(record(), late)).toBe('expired');
  });
});

describe('the transitions', () => {
  it('let only a valid code be tried, and any unused one be replaced', () => {
    expect(ACTIVATION_EVENTS).toEqual({
      valid: ['activate', 'wrong-name', 'revoke'],
      locked: ['revoke'],
      expired: ['revoke'],
      used: [],
      revoked: [],
    });
    expect(canApply('valid', 'activate')).toBe(true);
    expect(canApply('locked', 'activate')).toBe(false);
    expect(canApply('used', 'revoke')).toBe(false);
    expect(canApply('expired', 'revoke')).toBe(true);
  });
});

describe('holderNameMatches', () => {
  it('reads names as the rest of Yishi does: spaces, full-width forms, middle dots and invisible characters aside', () => {
    expect(holderNameMatches('王秋萍', '王秋萍')).toBe(true);
    expect(holderNameMatches(' 王 秋萍\u3000', '王秋萍')).toBe(true);
    expect(holderNameMatches('王秋萍\u200B', '王秋萍')).toBe(true);
    expect(holderNameMatches('阿卜杜・热合曼', '阿卜杜·热合曼')).toBe(true);
    expect(holderNameMatches('Ｊｏｈｎ smith', 'John Smith')).toBe(true);
  });

  it('does not match another name, a part of the name, or nothing', () => {
    expect(holderNameMatches('王秋平', '王秋萍')).toBe(false);
    expect(holderNameMatches('王', '王秋萍')).toBe(false);
    expect(holderNameMatches('', '')).toBe(false);
    expect(holderNameMatches('  ', '')).toBe(false);
  });
});

describe('judgeActivation', () => {
  const NOW = MADE + DAY;

  it('lets the right name through on a valid code', () => {
    expect(judgeActivation(record(), '王秋萍', '王秋萍', NOW)).toEqual({ ok: true });
  });

  it('answers with the state of a code that cannot be tried, whatever the name', () => {
    expect(judgeActivation(record({ usedAt: MADE }), '王秋萍', '王秋萍', NOW)).toEqual({ ok: false, reason: 'used' });
    expect(judgeActivation(record(), '王秋萍', '王秋萍', MADE + 61 * DAY)).toEqual({ ok: false, reason: 'expired' });
    expect(judgeActivation(record({ lockedAt: MADE }), '王秋萍', '王秋萍', NOW)).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect(judgeActivation(record({ revokedAt: MADE }), 'x', '王秋萍', NOW)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('does not count an empty name', () => {
    expect(judgeActivation(record(), ' \u3000', '王秋萍', NOW)).toEqual({ ok: false, reason: 'empty-name' });
  });

  it('counts wrong names, and the fifth locks the code and asks for staff to be told', () => {
    let r = record();
    const seen: { triesLeft: number; lockedNow: boolean }[] = [];
    for (let i = 0; i < MAX_WRONG_NAMES; i++) {
      const j = judgeActivation(r, '李四', '王秋萍', NOW + i);
      if (j.ok || j.reason !== 'wrong-name') throw new Error(`expected a wrong name, got ${JSON.stringify(j)}`);
      seen.push({ triesLeft: j.triesLeft, lockedNow: j.lockedNow });
      r = { ...r, failedNameTries: j.failedNameTries, lockedAt: j.lockedAt };
    }
    expect(seen).toEqual([
      { triesLeft: 4, lockedNow: false },
      { triesLeft: 3, lockedNow: false },
      { triesLeft: 2, lockedNow: false },
      { triesLeft: 1, lockedNow: false },
      { triesLeft: 0, lockedNow: true },
    ]);
    expect(r).toMatchObject({ failedNameTries: 5, lockedAt: NOW + 4 });
    // Locked now: even the right name is refused, and the refusal no longer says anything about names.
    expect(judgeActivation(r, '王秋萍', '王秋萍', NOW + 10)).toEqual({ ok: false, reason: 'locked' });
  });
});
