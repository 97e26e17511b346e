import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator } from 'use-intl/core';
import { DEFAULT_LOCALE, isLocale } from '@/i18n/locales';
import { SESSION_COOKIE_NAMES, sessionIdFromToken } from '@/lib/auth/jwe';
import { authSecret } from '@/server/auth/secret';
import { actorOfSession } from '@/server/auth/session-record';
import { API_HEADERS } from '@/lib/http';
import en from '@/messages/en.json';
import zh from '@/messages/zh-CN.json';
import { matchBallotsRoute } from './address';
import { answerBallot } from './answer';
import type { Say } from './use-case';

/**
 * The ballot route served by the production server (server/http/worker.ts) before Next's router:
 * the same address (address.ts), the same answerBallot, the same session check and the same
 * messages, without Next's per-request pipeline (docs/decisions/0009).
 */

/** A ballot is a few dozen bytes; anything near this is not one. */
const MAX_BODY = 16 * 1024;
const MESSAGES = { en, 'zh-CN': zh } as const;

export function isBallotPost(method: string | undefined, url: string | undefined): boolean {
  return method === 'POST' && matchBallotsRoute(url ?? '') !== null;
}

function cookiesOf(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** Translators per language, made once: a ballot that goes through needs no message at all. */
const says = new Map<string, Say>();

function sayIn(wanted: string | undefined): Say {
  const locale = wanted && isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  let say = says.get(locale);
  if (!say) {
    const errors = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'errors' });
    const validation = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'validation' });
    say = {
      errors: (k, v) => errors(k as 'notFound', v),
      validation: (k, v) => validation(k as 'invalid', v),
    };
    says.set(locale, say);
  }
  return say;
}

/** A path segment as Next would hand it to the route, or null when its percent-encoding is malformed. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...API_HEADERS, ...headers });
  res.end(body);
}

export async function serveBallot(req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const route = matchBallotsRoute(req.url ?? '');
    if (!route) return send(res, 404, '{"ok":false,"message":"Not found"}');
    const compoundId = decodeSegment(route.compoundId);
    const voteId = decodeSegment(route.voteId);
    if (compoundId === null || voteId === null) {
      return send(res, 400, '{"ok":false,"message":"Malformed percent-encoding in the path"}');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, '{"ok":false,"message":"Request body too large"}');
      chunks.push(chunk as Buffer);
    }
    const cookies = cookiesOf(req.headers.cookie);
    const token = SESSION_COOKIE_NAMES.map((n) => cookies.get(n)).find(Boolean);
    const answer = await answerBallot(
      req.headers['content-type'] ?? null,
      Buffer.concat(chunks).toString('utf8'),
      compoundId,
      voteId,
      async () => {
        const sid = token ? await sessionIdFromToken(token, authSecret()) : null;
        return sid ? actorOfSession(sid, Date.now()) : null;
      },
      async () => sayIn(cookies.get('locale')),
    );
    send(res, answer.status, JSON.stringify(answer.body), API_HEADERS);
  } catch (error) {
    console.error('[yishi] ballot fast path failed', error);
    if (!res.headersSent) send(res, 500, '{"ok":false,"message":"Internal error"}');
    else res.end();
  }
}
