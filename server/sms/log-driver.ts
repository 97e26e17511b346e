import { maskMobile } from '../../lib/activation/mask';
import type { SmsDeps, SmsPurpose, SmsSender } from './types';

/**
 * The log driver, for development and the demo: no message leaves the machine; the code is written to the server
 * log and kept in memory so a dev-only page can show it. Never for real residents: anyone who reads the log can
 * sign in as them.
 */

export interface LoggedSmsCode {
  mobile: string;
  code: string;
  purpose: SmsPurpose;
  sentAt: number;
}

const KEEP = 20;
// On globalThis: Next may load this module once per bundle layer, and the page must see what the action sent.
// Per process, though: with WEB_CONCURRENCY > 1 each worker keeps its own.
const STORE = Symbol.for('yishi.sms.log-driver.recent');
type Holder = { [STORE]?: LoggedSmsCode[] };

function recent(): LoggedSmsCode[] {
  const holder = globalThis as Holder;
  holder[STORE] ??= [];
  return holder[STORE];
}

/** The last codes the log driver sent in this process, newest first. */
export function recentLogCodes(): readonly LoggedSmsCode[] {
  return [...recent()];
}

export function logSmsSender(deps: Pick<SmsDeps, 'log' | 'now'> = {}): SmsSender {
  const log = deps.log ?? ((line: string) => console.info(line));
  const now = deps.now ?? Date.now;
  return {
    driver: 'log',
    async send(mobile, code, purpose) {
      log(`[yishi] SMS to ${maskMobile(mobile)}: ${code} (${purpose})`);
      const list = recent();
      list.unshift({ mobile, code, purpose, sentAt: now() });
      list.length = Math.min(list.length, KEEP);
    },
  };
}
