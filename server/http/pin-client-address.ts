import 'server-only';
import type { IncomingMessage } from 'node:http';
import { env } from '@/lib/env';
import { clientAddress } from '../../lib/auth/client-address';

/**
 * For the production server (server/http/worker.ts), on every request before anything reads it:
 * X-Forwarded-For becomes the one client address the TRUSTED_PROXIES rule finds, and whatever the
 * client sent is gone. Next, next-auth's sign-in and the ballot fast path downstream then see the
 * true client by reading that header.
 */
export function pinClientAddress(req: IncomingMessage): void {
  const forwardedFor = req.headersDistinct['x-forwarded-for'] ?? [];
  const address = clientAddress(req.socket.remoteAddress, forwardedFor, env().TRUSTED_PROXIES);
  req.headers['x-forwarded-for'] = address;
  req.headersDistinct['x-forwarded-for'] = [address];
}

/** Reads and checks the settings at start, so a bad TRUSTED_PROXIES stops the server, not a request. */
export function checkClientAddressSettings(): void {
  env();
}
