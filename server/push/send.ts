import 'server-only';
import webpush from 'web-push';
import { vapidKeys } from './vapid';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushMessage {
  title: string;
  body: string;
  /** Where a tap on the notification opens. */
  url: string;
  /** A later push with the same tag replaces this one on the phone. */
  tag: string;
}

/** What the push service answered: delivered, the device is gone, or try again later. */
export type PushOutcome = 'sent' | 'gone' | 'retry';

/**
 * Encrypts (aes128gcm) and signs (VAPID) one message for one device with web-push, and posts it
 * with fetch: web-push's own sender speaks only https, and the tests' push-service stub is plain
 * http on the loopback. Real push services are https either way.
 */
export async function sendPush(target: PushTarget, message: PushMessage, ttlSeconds: number): Promise<PushOutcome> {
  const v = vapidKeys();
  const details = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(message),
    {
      vapidDetails: { subject: v.subject, publicKey: v.publicKey, privateKey: v.privateKey },
      TTL: ttlSeconds,
      urgency: 'normal',
      topic: message.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || undefined,
    },
  );
  try {
    const res = await fetch(details.endpoint, {
      method: details.method,
      headers: details.headers as Record<string, string>,
      body: new Uint8Array(details.body),
      redirect: 'error',
      signal: AbortSignal.timeout(10_000),
    });
    if (res.status === 404 || res.status === 410) return 'gone';
    return res.ok ? 'sent' : 'retry';
  } catch {
    return 'retry';
  }
}
