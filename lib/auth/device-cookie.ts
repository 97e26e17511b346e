import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The device cookie (docs/decisions/0014, after OWASP's "device cookies"): a browser that has
 * logged in to an account carries a signed note saying so, and skips that account's failed-login
 * slow-down. Nothing is stored on the server; the note names the person, when it was written and a
 * random id for this browser and account (its failures are counted under that id). One browser may
 * hold notes for a few accounts (a family sharing a phone). Pure: the key, the time and the random
 * id are passed in.
 */

export const DEVICE_COOKIE = 'yishi-device';
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;
const MAX_ACCOUNTS = 5;
const SEPARATOR = '~';

interface Note {
  personId: number;
  issuedAt: number;
  deviceId: string;
  text: string;
}

function mac(body: string, key: Uint8Array): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The notes that are genuine and not too old, newest first as written. */
function validNotes(cookie: string | undefined, key: Uint8Array, now: number): Note[] {
  const out: Note[] = [];
  for (const text of (cookie ?? '').split(SEPARATOR).slice(0, MAX_ACCOUNTS)) {
    const m = /^(\d{1,12})\.([0-9a-z]{1,12})\.([\w-]{8,64})\.([\w-]{43})$/.exec(text);
    if (!m) continue;
    const [, person = '', issued = '', deviceId = '', signature = ''] = m;
    if (!sameText(signature, mac(`${person}.${issued}.${deviceId}`, key))) continue;
    const issuedAt = Number.parseInt(issued, 36) * 1000;
    if (issuedAt > now + 60_000 || now - issuedAt > DEVICE_COOKIE_MAX_AGE_SECONDS * 1000) continue;
    out.push({ personId: Number(person), issuedAt, deviceId, text });
  }
  return out;
}

/** This browser's id for the account, when its cookie carries a genuine, current note for it. */
export function knownDeviceId(cookie: string | undefined, personId: number, key: Uint8Array, now: number) {
  return validNotes(cookie, key, now).find((n) => n.personId === personId)?.deviceId ?? null;
}

/** The cookie after a successful login: a fresh note for the account first, the other accounts' kept. */
export function rememberDevice(
  cookie: string | undefined,
  personId: number,
  deviceId: string,
  key: Uint8Array,
  now: number,
): string {
  const issued = Math.floor(now / 1000).toString(36);
  const body = `${personId}.${issued}.${deviceId}`;
  const others = validNotes(cookie, key, now).filter((n) => n.personId !== personId);
  return [`${body}.${mac(body, key)}`, ...others.map((n) => n.text)].slice(0, MAX_ACCOUNTS).join(SEPARATOR);
}
