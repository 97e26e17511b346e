import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import { resolveDataDir } from '@/db/client';
import { env } from '@/lib/env';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

let keys: VapidKeys | undefined;

/**
 * The server's VAPID key pair, which push services use to know pushes come from this server:
 * VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY when set; otherwise a pair made on first start and kept
 * beside the database (like the session secret), so subscriptions survive a restart.
 */
export function vapidKeys(): VapidKeys {
  if (keys) return keys;
  const e = env();
  if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) {
    keys = { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT };
    return keys;
  }
  const file = path.join(resolveDataDir(), '.vapid.json');
  const read = () => JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
  let pair: { publicKey: string; privateKey: string };
  try {
    pair = read();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = webpush.generateVAPIDKeys();
    try {
      fs.writeFileSync(file, JSON.stringify(fresh), { mode: 0o600, flag: 'wx' });
      pair = fresh;
    } catch {
      // Another worker wrote it first.
      pair = read();
    }
  }
  keys = { ...pair, subject: e.VAPID_SUBJECT };
  return keys;
}
