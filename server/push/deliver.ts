import 'server-only';
import { createTranslator } from 'next-intl';
import { donePush, type DuePush, listDuePushes, postponePush, retryPush } from '@/db/push/outbox';
import { forgetSubscription, markSent, subscriptionsOf } from '@/db/push/subscriptions';
import type { Locale } from '@/i18n/locales';
import { DEFAULT_QUIET_HOURS, nextSendTime } from '@/lib/notifications/quiet-hours';
import { notificationHref, notificationText } from '@/lib/notifications/text';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { type PushMessage, sendPush } from './send';

/** A push not delivered within this long is dropped: a stale "vote closes tomorrow" helps nobody. */
const GIVE_UP_AFTER_MS = 24 * 3_600_000;
const MAX_ATTEMPTS = 5;

const MESSAGES = { 'zh-CN': zh, en } as const;

function messageFor(p: DuePush, locale: Locale): PushMessage {
  const messages = MESSAGES[locale];
  const t = createTranslator({ locale, messages, namespace: 'notifications' });
  const topics = createTranslator({ locale, messages, namespace: 'topics' });
  const app = createTranslator({ locale, messages, namespace: 'app' });
  const assembly = createTranslator({ locale, messages, namespace: 'assembly' });
  const join = createTranslator({ locale, messages, namespace: 'join' });
  const words = {
    t: (key: string, values?: Record<string, string | number>) => t(key as 'reply', values),
    status: (s: string) =>
      topics.has(`statuses.${s}` as 'statuses.raised') ? topics(`statuses.${s}` as 'statuses.raised') : '',
    party: (s: string) =>
      topics.has(`parties.${s}` as 'parties.branch') ? topics(`parties.${s}` as 'parties.branch') : '',
    objectionOutcome: (s: string) =>
      assembly.has(`objectionOutcomes.${s}` as 'objectionOutcomes.noted')
        ? assembly(`objectionOutcomes.${s}` as 'objectionOutcomes.noted')
        : '',
    relation: (r: 'tenant' | 'family_member') => join(`relations.${r}`),
  };
  return {
    title: app('name'),
    body: notificationText(p, words),
    url: notificationHref(p),
    tag: `n${p.notificationId}`,
  };
}

export interface DeliveryReport {
  sent: number;
  postponed: number;
  dropped: number;
  retried: number;
}

/**
 * Sends the pushes that are due: each to every device the person subscribed, in the language that
 * device asked in — unless the person is in their quiet hours (it waits for them to end), has read
 * it in the app meanwhile, or it is too old. A device the push service no longer knows is
 * forgotten; other failures are retried with a growing wait, then given up.
 */
export async function deliverDuePushes(now: number): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, postponed: 0, dropped: 0, retried: 0 };
  for (const p of listDuePushes(now)) {
    if (p.readAt !== null || now - p.createdAt > GIVE_UP_AFTER_MS || p.attempts >= MAX_ATTEMPTS) {
      donePush(p.outboxId);
      report.dropped++;
      continue;
    }
    const quiet =
      p.quietEnabled === null
        ? DEFAULT_QUIET_HOURS
        : { enabled: p.quietEnabled === 1, from: p.quietFrom ?? 0, to: p.quietTo ?? 0 };
    const at = nextSendTime(now, quiet);
    if (at > now) {
      postponePush(p.outboxId, at);
      report.postponed++;
      continue;
    }
    let failed = false;
    const ttl = Math.max(60, Math.floor((GIVE_UP_AFTER_MS - (now - p.createdAt)) / 1000));
    for (const device of subscriptionsOf(p.personId)) {
      const outcome = await sendPush(device, messageFor(p, device.locale), ttl);
      if (outcome === 'sent') markSent(device.id, now);
      else if (outcome === 'gone') forgetSubscription(device.id);
      else failed = true;
    }
    if (failed) {
      retryPush(p.outboxId, now + 30_000 * 2 ** p.attempts);
      report.retried++;
    } else {
      donePush(p.outboxId);
      report.sent++;
    }
  }
  return report;
}

let running = false;

/** Every few seconds in the server process (instrumentation.ts), one round at a time. */
export function startPushSender(intervalMs = 5_000): void {
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDuePushes(Date.now());
    } catch (error) {
      console.error('[yishi] push delivery failed', error);
    } finally {
      running = false;
    }
  };
  setInterval(run, intervalMs).unref();
}
