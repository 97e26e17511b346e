import 'server-only';
import { eq } from 'drizzle-orm';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '@/lib/notifications/quiet-hours';
import { appendAudit } from '../audit/append';
import { getDb, writeTransaction } from '../client';
import { notificationSettings } from '../schema';

export function quietHoursOf(personId: number): QuietHours {
  const row = getDb()
    .select({
      enabled: notificationSettings.quietEnabled,
      from: notificationSettings.quietFrom,
      to: notificationSettings.quietTo,
    })
    .from(notificationSettings)
    .where(eq(notificationSettings.personId, personId))
    .get();
  return row ?? DEFAULT_QUIET_HOURS;
}

export function saveQuietHours(personId: number, q: QuietHours, now: number): void {
  writeTransaction((tx) => {
    const values = { quietEnabled: q.enabled, quietFrom: q.from, quietTo: q.to, updatedAt: now };
    tx.insert(notificationSettings)
      .values({ personId, ...values })
      .onConflictDoUpdate({ target: notificationSettings.personId, set: values })
      .run();
    appendAudit(tx, {
      compoundId: null,
      actorId: personId,
      at: now,
      entity: 'person',
      entityId: personId,
      action: 'notification_settings',
      data: q,
    });
  });
}
