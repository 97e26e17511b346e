import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { maskMobile } from '../../lib/activation/mask';
import { SMS_CODE_TTL_MS } from '../../lib/sms/code';
import { type SmsDeps, SmsSendError, type SmsSender } from './types';

/**
 * The http driver: one signed POST per message to a gateway (or a small relay in front of a commercial one such
 * as Aliyun or Tencent Cloud SMS, which speak their own signing schemes).
 *
 *   POST SMS_HTTP_URL
 *   Content-Type: application/json
 *   X-Yishi-Timestamp: <unix seconds>
 *   X-Yishi-Nonce: <22 characters, base64url of 16 random bytes>
 *   X-Yishi-Signature: <hex HMAC-SHA-256 with SMS_HTTP_KEY of "<timestamp>\n<nonce>\n<body>">
 *
 *   {"to":"13800000004","template":"SMS_123","params":{"code":"123456","minutes":5},"purpose":"sign-in",
 *    "sender":"议事"}            (sender only when SMS_HTTP_SENDER is set)
 *
 * The gateway should refuse a timestamp more than SIGNATURE_MAX_SKEW_SECONDS away from its clock and a nonce it
 * has seen within that time (verifySmsSignature does the first). Any 2xx means accepted; anything else, a
 * network error or no answer within the timeout is an SmsSendError. No retries.
 */

export interface HttpSmsConfig {
  url: string;
  key: string;
  template: string;
  sender: string | null;
  timeoutMs: number;
}

export const SIGNATURE_MAX_SKEW_SECONDS = 300;
const SNIPPET = 200;

export function signSmsRequest(key: string, timestamp: string, nonce: string, body: string): string {
  return createHmac('sha256', key).update(`${timestamp}\n${nonce}\n${body}`).digest('hex');
}

/** For a gateway or relay (and the tests): the signature is right and the timestamp fresh. */
export function verifySmsSignature(
  request: { key: string; timestamp: string; nonce: string; body: string; signature: string },
  nowMs: number,
): boolean {
  if (!/^\d{1,12}$/.test(request.timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(request.timestamp)) > SIGNATURE_MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(signSmsRequest(request.key, request.timestamp, request.nonce, request.body));
  const actual = Buffer.from(request.signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export function httpSmsSender(config: HttpSmsConfig, deps: SmsDeps = {}): SmsSender {
  const fetchImpl = deps.fetch ?? fetch;
  const now = deps.now ?? Date.now;
  const nonce = deps.nonce ?? (() => randomBytes(16).toString('base64url'));
  return {
    driver: 'http',
    async send(mobile, code, purpose) {
      const params = { code, minutes: Math.round(SMS_CODE_TTL_MS / 60_000) };
      const message = {
        to: mobile,
        template: config.template,
        params,
        purpose,
        ...(config.sender && { sender: config.sender }),
      };
      const body = JSON.stringify(message);
      const timestamp = String(Math.floor(now() / 1000));
      const once = nonce();
      const to = maskMobile(mobile);
      let response: Response;
      try {
        response = await fetchImpl(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-yishi-timestamp': timestamp,
            'x-yishi-nonce': once,
            'x-yishi-signature': signSmsRequest(config.key, timestamp, once, body),
          },
          body,
          redirect: 'error',
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') {
          throw new SmsSendError(`SMS gateway did not answer within ${config.timeoutMs} ms (to ${to})`);
        }
        const reason =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
        throw new SmsSendError(`SMS gateway unreachable (to ${to}): ${reason}`);
      }
      // Read to the end either way, so the connection is freed; the gateway's words help whoever reads the log.
      const text = await response.text().catch(() => '');
      if (!response.ok) {
        // A gateway may echo the parameters back: the code must not reach the log.
        const said = text.slice(0, SNIPPET).replaceAll(code, '******').replace(/\s+/g, ' ').trim();
        throw new SmsSendError(
          `SMS gateway answered ${response.status} ${response.statusText} (to ${to})${said ? `: ${said}` : ''}`,
        );
      }
    },
  };
}
