import 'server-only';
import { loadSessionActor, touchSession } from '@/db/auth/sessions';
import { env } from '@/lib/env';
import type { Actor } from '../../lib/auth/permissions';

/** Seen-at is written at most this often, so a busy page does not write on every request. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The person a server-side session stands for, or null: revoked (logout, password change), idle
 * too long, or too old. Free of Next's request context: pages, actions and the ballot fast path
 * (docs/decisions/0009) all decide through here.
 */
export function actorOfSession(sid: string, now: number): Actor | null {
  const record = loadSessionActor(sid);
  if (!record || record.revokedAt !== null) return null;
  const { SESSION_IDLE_MINUTES, SESSION_MAX_HOURS } = env();
  if (now - record.lastSeenAt > SESSION_IDLE_MINUTES * 60_000) return null;
  if (now - record.createdAt > SESSION_MAX_HOURS * 3_600_000) return null;
  if (now - record.lastSeenAt > TOUCH_EVERY_MS) touchSession(sid, now);
  return record.actor;
}
