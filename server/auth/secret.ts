import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { resolveDataDir } from '@/db/client';
import { env } from '@/lib/env';

let secret: string | undefined;

/**
 * The key that signs session tokens: NEXTAUTH_SECRET when set; otherwise a random key made on
 * first start and kept beside the database, so a fresh install is safe without configuration.
 */
export function authSecret(): string {
  if (secret) return secret;
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) {
    secret = fromEnv;
    return secret;
  }
  const file = path.join(resolveDataDir(), '.auth-secret');
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = randomBytes(48).toString('base64url');
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      secret = fresh;
    } catch {
      // Another worker wrote it first.
      secret = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return secret;
}
