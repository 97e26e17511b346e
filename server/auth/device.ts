import 'server-only';
import { hkdfSync, randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  knownDeviceId,
  rememberDevice,
} from '../../lib/auth/device-cookie';
import { authSecret } from './secret';

/**
 * The device cookie inside next-auth's sign-in (server/auth/options.ts authorize, run by the route
 * handler app/api/auth/[...nextauth]): cookies set there are added to next-auth's response.
 */

let cached: { secret: string; key: Uint8Array } | undefined;

/** Its own key, derived from the session secret, so a device note can never pass for a session token. */
function deviceKey(): Uint8Array {
  const secret = authSecret();
  if (cached?.secret !== secret) {
    cached = { secret, key: new Uint8Array(hkdfSync('sha256', secret, '', 'Yishi device cookie', 32)) };
  }
  return cached.key;
}

/** This browser's id for the account, if it has logged in to it before. */
export async function knownDevice(personId: number, now: number): Promise<string | null> {
  return knownDeviceId((await cookies()).get(DEVICE_COOKIE)?.value, personId, deviceKey(), now);
}

/** After a successful login: this browser is known to the account from now on (its id kept if it had one). */
export async function rememberThisDevice(personId: number, deviceId: string | null, now: number, secure: boolean) {
  const store = await cookies();
  const value = rememberDevice(
    store.get(DEVICE_COOKIE)?.value,
    personId,
    deviceId ?? randomBytes(16).toString('base64url'),
    deviceKey(),
    now,
  );
  store.set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
  });
}
