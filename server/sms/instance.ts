import 'server-only';
import { env } from '../../lib/env';
import { createSmsSender, type SmsSender } from './sender';

let made: { sender: SmsSender | null } | undefined;

/**
 * The process's SMS sender from the environment (lib/env.ts declares the variables), or null: sign-in by SMS is off
 * unless SMS_DRIVER is set. A bad configuration throws at the first use (and at start: instrumentation.ts).
 */
export function smsSender(): SmsSender | null {
  made ??= { sender: createSmsSender(env()) };
  return made.sender;
}
