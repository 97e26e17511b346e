import { z } from 'zod';
import { parseClockTime } from './quiet-hours';

/**
 * A device's push subscription as the browser's PushSubscription.toJSON() gives it. The server will
 * POST to the endpoint, so it must be one of the push services it knows (never an address inside
 * the network: that would let anyone make the server call it).
 */

/** The browsers' push services (Chrome/Edge via FCM and WNS, Firefox, Safari). */
export const DEFAULT_PUSH_SERVICES = [
  'https://fcm.googleapis.com',
  'https://updates.push.services.mozilla.com',
  'https://web.push.apple.com',
  'https://*.notify.windows.com',
  'https://*.push.apple.com',
] as const;

/**
 * Whether `endpoint` is on an allowed push service. An allowed entry is an origin, or
 * `https://*.domain` for any subdomain of it. No user info, no other scheme or port than the entry's.
 */
export function isAllowedEndpoint(endpoint: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return allowed.some((entry) => {
    const wild = /^(https?):\/\/\*\.(.+)$/.exec(entry);
    if (wild) {
      const [, scheme, domain] = wild;
      return url.protocol === `${scheme}:` && url.port === '' && url.hostname.endsWith(`.${domain}`);
    }
    try {
      return new URL(entry).origin === url.origin;
    } catch {
      return false;
    }
  });
}

/** base64url of exactly `bytes` bytes (no padding), as the Push API encodes keys. */
const base64urlOf = (bytes: number) =>
  z
    .string()
    .length(Math.ceil((bytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]+$/, 'invalid');

export function subscriptionSchema(allowed: readonly string[]) {
  return z.object({
    endpoint: z
      .string()
      .max(2048, 'invalid')
      .refine((e) => isAllowedEndpoint(e, allowed), 'pushServiceUnknown'),
    /** The device's P-256 public key, uncompressed: 65 bytes. */
    p256dh: base64urlOf(65),
    /** The shared auth secret: 16 bytes. */
    auth: base64urlOf(16),
    locale: z.enum(['zh-CN', 'en']).catch('zh-CN'),
  });
}

export const endpointSchema = z.object({ endpoint: z.string().min(1).max(2048) });

const clockTime = z
  .string({ message: 'required' })
  .trim()
  .min(1, { message: 'required', abort: true })
  .refine((t) => parseClockTime(t) !== null, 'timeOfDay')
  .transform((t) => parseClockTime(t) ?? 0);

/** The quiet-hours form: a checkbox and two times of day (HH:MM). */
export const quietHoursSchema = z.object({
  quietEnabled: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === '1'),
  quietFrom: clockTime,
  quietTo: clockTime,
});
