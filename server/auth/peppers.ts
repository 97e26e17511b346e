import 'server-only';
import { hkdfSync } from 'node:crypto';
import { authSecret } from './secret';

/**
 * Keys for the HMACs that store activation and SMS codes (lib/activation/hash.ts, lib/sms/code.ts), derived from the
 * server secret with HKDF, each for its own purpose: a stolen database alone cannot be searched for open codes.
 * Changing NEXTAUTH_SECRET (or losing DATA_DIR/.auth-secret) makes every outstanding letter and SMS code unusable.
 */
const cache = new Map<string, { secret: string; key: Uint8Array }>();

function derive(info: string): Uint8Array {
  const secret = authSecret();
  const hit = cache.get(info);
  if (hit?.secret === secret) return hit.key;
  const key = new Uint8Array(hkdfSync('sha256', secret, '', info, 32));
  cache.set(info, { secret, key });
  return key;
}

export const activationPepper = () => derive('Yishi activation code pepper');
export const smsPepper = () => derive('Yishi SMS code pepper');
