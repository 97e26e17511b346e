import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { pushSubscriptions } from '../schema';

export interface DeviceSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  locale: 'zh-CN' | 'en';
}

/**
 * Subscribes this device for the person. An endpoint names one browser on one device: when someone
 * else logs in on it and subscribes, it is theirs from then on (the previous person no longer
 * gets pushes on a phone they handed over). One transaction with its audit entry.
 */
export function saveSubscription(personId: number, s: DeviceSubscription, now: number): void {
  writeTransaction((tx) => {
    tx.insert(pushSubscriptions)
      .values({ personId, ...s, createdAt: now })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: { personId, p256dh: s.p256dh, auth: s.auth, locale: s.locale, createdAt: now },
      })
      .run();
    appendAudit(tx, {
      compoundId: null,
      actorId: personId,
      at: now,
      entity: 'person',
      entityId: personId,
      action: 'push_subscribe',
      data: { service: new URL(s.endpoint).origin },
    });
  });
}

/** Unsubscribes one of the person's devices; false when it was not theirs (or already gone). */
export function removeSubscription(personId: number, endpoint: string, now: number): boolean {
  return writeTransaction((tx) => {
    const res = tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.personId, personId), eq(pushSubscriptions.endpoint, endpoint)))
      .run();
    if (res.changes === 0) return false;
    appendAudit(tx, {
      compoundId: null,
      actorId: personId,
      at: now,
      entity: 'person',
      entityId: personId,
      action: 'push_unsubscribe',
    });
    return true;
  });
}

/** Whether this endpoint is subscribed for this person (the settings page's "on this device"). */
export function hasSubscription(personId: number, endpoint: string): boolean {
  return Boolean(
    getDb()
      .select({ id: pushSubscriptions.id })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.personId, personId), eq(pushSubscriptions.endpoint, endpoint)))
      .get(),
  );
}

export function countSubscriptions(personId: number): number {
  return (
    getDb().get<{ n: number }>(sql`select count(*) as n from push_subscriptions where person_id = ${personId}`)?.n ?? 0
  );
}

export function subscriptionsOf(personId: number) {
  return getDb()
    .select({
      id: pushSubscriptions.id,
      endpoint: pushSubscriptions.endpoint,
      p256dh: pushSubscriptions.p256dh,
      auth: pushSubscriptions.auth,
      locale: pushSubscriptions.locale,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.personId, personId))
    .all();
}

/** The push service says the device is gone (404/410): it is forgotten, not retried. */
export function forgetSubscription(id: number): void {
  getDb().delete(pushSubscriptions).where(eq(pushSubscriptions.id, id)).run();
}

export function markSent(id: number, now: number): void {
  getDb().update(pushSubscriptions).set({ lastSentAt: now }).where(eq(pushSubscriptions.id, id)).run();
}
