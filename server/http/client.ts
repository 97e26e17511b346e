import 'server-only';
import { headers } from 'next/headers';
import { addressBucket } from '../../lib/activation/limits';

/**
 * The client's address for a server action or page, read as next-auth's authorize reads it
 * (server/auth/options.ts): the production server has replaced X-Forwarded-For with the one address its
 * TRUSTED_PROXIES rule found (docs/decisions/0014); under `next dev` it is whatever the client sent.
 */
export async function clientAddress(): Promise<string> {
  const value = (await headers()).get('x-forwarded-for') ?? '';
  return value.split(',').at(-1)?.trim() || 'unknown';
}

/** The key an address's attempts are counted under (an IPv6 client by its /64). */
export async function clientBucket(): Promise<string> {
  return addressBucket(await clientAddress());
}

/** The site's public origin, for links that leave the screen (a QR code on paper): NEXTAUTH_URL, else the request's. */
export async function publicOrigin(): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}
