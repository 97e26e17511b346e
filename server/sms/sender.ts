import { httpSmsSender } from './http-driver';
import { logSmsSender } from './log-driver';
import { SmsConfigError, type SmsDeps, type SmsSender } from './types';

export { recentLogCodes } from './log-driver';
export * from './types';

/**
 * Sending SMS codes. Sign-in by SMS is offered only when a sender is configured: createSmsSender returns null
 * otherwise. The environment (to be declared in lib/env.ts):
 *
 *   SMS_DRIVER           unset, '' or 'off': no SMS (the default). 'log': each code is written to the server log
 *                        and kept in memory for a dev-only page (development and the demo; never for real people).
 *                        'http': a real gateway, below.
 *   SMS_HTTP_URL         the gateway endpoint, https (plain http only to localhost / 127.0.0.1 / ::1, for a relay on
 *                        the same machine and for tests). Redirects are refused, so a signed request goes nowhere else.
 *   SMS_HTTP_KEY         shared secret, at least 32 characters; signs each request (HMAC-SHA-256, see http-driver.ts).
 *   SMS_HTTP_TEMPLATE    the gateway's template id for the sign-in message (e.g. "SMS_123456789").
 *   SMS_HTTP_SENDER      optional: the signature name Chinese gateways put in brackets (【议事】), as registered there.
 *   SMS_HTTP_TIMEOUT_MS  optional, default 5000 (1000–30000). No retries: the person can ask again after 60 s.
 */

export interface SmsEnv {
  SMS_DRIVER?: string;
  SMS_HTTP_URL?: string;
  SMS_HTTP_KEY?: string;
  SMS_HTTP_TEMPLATE?: string;
  SMS_HTTP_SENDER?: string;
  SMS_HTTP_TIMEOUT_MS?: string;
}

export const DEFAULT_SMS_TIMEOUT_MS = 5000;
const MIN_KEY_LENGTH = 32;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function createSmsSender(env: SmsEnv, deps: SmsDeps = {}): SmsSender | null {
  const driver = (env.SMS_DRIVER ?? '').trim().toLowerCase();
  if (driver === '' || driver === 'off') return null;
  if (driver === 'log') return logSmsSender(deps);
  if (driver !== 'http') throw new SmsConfigError(`SMS_DRIVER must be log, http or off, not "${env.SMS_DRIVER}"`);

  const url = parseUrl(env.SMS_HTTP_URL);
  const key = env.SMS_HTTP_KEY ?? '';
  if (key.length < MIN_KEY_LENGTH) {
    throw new SmsConfigError(`SMS_HTTP_KEY must be at least ${MIN_KEY_LENGTH} characters when SMS_DRIVER=http`);
  }
  const template = (env.SMS_HTTP_TEMPLATE ?? '').trim();
  if (template === '') throw new SmsConfigError('SMS_HTTP_TEMPLATE is required when SMS_DRIVER=http');
  const sender = (env.SMS_HTTP_SENDER ?? '').trim() || null;
  const timeoutMs = parseTimeout(env.SMS_HTTP_TIMEOUT_MS);
  return httpSmsSender({ url, key, template, sender, timeoutMs }, deps);
}

function parseUrl(text: string | undefined): string {
  let url: URL;
  try {
    url = new URL(text ?? '');
  } catch {
    throw new SmsConfigError('SMS_HTTP_URL must be a full URL (https://…) when SMS_DRIVER=http');
  }
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !local) {
    throw new SmsConfigError('SMS_HTTP_URL must use https (plain http only to localhost)');
  }
  if (url.username || url.password) throw new SmsConfigError('SMS_HTTP_URL must not carry credentials');
  return url.href;
}

function parseTimeout(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_SMS_TIMEOUT_MS;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 1000 || ms > 30_000) {
    throw new SmsConfigError('SMS_HTTP_TIMEOUT_MS must be a whole number of milliseconds from 1000 to 30000');
  }
  return ms;
}
