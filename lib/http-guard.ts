/**
 * Requests the production server refuses before Next sees them, because Next would answer them
 * with a 500 (security review "Trust II"): a path whose percent-encoding does not decode (Next
 * fails to render its own 400), a method Next's request objects cannot carry (TRACE), a Host it
 * cannot build a URL from, a server action from another origin (Next refuses it by throwing), and a
 * write to a static file (Next fails to render its own 405); and OPTIONS on a page, which Next
 * answers with an empty 400. Pure: the production server (server/http/worker.ts) applies it through server/http/guard.ts.
 */

export interface RequestHead {
  method?: string;
  url?: string;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface Refusal {
  /** 204 only for OPTIONS on a page, which Next answers with an empty 400. */
  status: 204 | 400 | 403 | 405;
  message: string;
  allow?: string;
}

/** The methods Next's route handlers and pages know; any other is refused here. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * A Host (or X-Forwarded-Host) Next and next-auth can build a URL from: host or host:port, as the
 * URL parser reads it (so docker-style names with "_" pass, and "[::1" or port 99999 do not).
 */
export function isValidHost(value: string): boolean {
  if (value === '' || /[\s/\\?#@]/.test(value)) return false;
  try {
    return new URL(`http://${value}`).host !== '';
  } catch {
    return false;
  }
}

function header(req: RequestHead, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end < 0 ? url : url.slice(0, end);
}

/** Whether every segment decodes, as Next decodes route params. */
export function pathDecodes(path: string): boolean {
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * A POST Next may treat as a server action (its own test, getServerActionRequestMetadata): one sent
 * by the client router (a Next-Action header), or a form post without JavaScript (multipart or
 * urlencoded). Under /api/ too: a path no route handler answers is rendered by the not-found page,
 * which handles actions.
 */
export function isPossibleServerAction(req: RequestHead): boolean {
  if (req.method !== 'POST') return false;
  const type = header(req, 'content-type') ?? '';
  return (
    header(req, 'next-action') !== undefined ||
    type.startsWith('multipart/form-data') ||
    type === 'application/x-www-form-urlencoded'
  );
}

/**
 * Next's CSRF rule for server actions (docs: serverActions.allowedOrigins; we allow no other
 * origin): the Origin's host must be the app's own, taken from X-Forwarded-Host or Host. No Origin
 * at all passes, as in Next (browsers always send one on a POST); `null` and garbage do not.
 */
export function isSameOrigin(req: RequestHead): boolean {
  const origin = header(req, 'origin');
  if (origin === undefined) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const own = header(req, 'x-forwarded-host')?.split(',')[0]?.trim() || header(req, 'host');
  return originHost !== '' && own !== undefined && originHost.toLowerCase() === own.toLowerCase();
}

const MESSAGES = {
  target: 'The request target must be a path beginning with "/".',
  encoding: 'Malformed percent-encoding in the path.',
  host: 'Invalid Host or X-Forwarded-Host header.',
  origin: '这个请求来自其他网站，已被拒绝。 This request came from another site and was refused.',
  readOnly: 'Static files can only be read (GET or HEAD).',
} as const;

/**
 * Why this request is refused before Next sees it, or null. `isStaticFile` says whether a path
 * names one of the files Next serves as they are (public/, /_next/static/).
 */
export function refusalOf(req: RequestHead, isStaticFile: (path: string) => boolean): Refusal | null {
  const method = req.method ?? '';
  if (!METHODS.includes(method)) {
    return { status: 405, message: `The method ${method.slice(0, 20)} is not supported.`, allow: METHODS.join(', ') };
  }
  const url = req.url ?? '';
  if (!url.startsWith('/')) return { status: 400, message: MESSAGES.target };
  const path = pathOf(url);
  if (!pathDecodes(path)) return { status: 400, message: MESSAGES.encoding };
  const host = header(req, 'host');
  const forwarded = header(req, 'x-forwarded-host');
  const forwardedHosts = forwarded?.split(',').map((h) => h.trim()) ?? [];
  if ((host !== undefined && !isValidHost(host)) || forwardedHosts.some((h) => !isValidHost(h))) {
    return { status: 400, message: MESSAGES.host };
  }
  if (isPossibleServerAction(req) && !isSameOrigin(req)) return { status: 403, message: MESSAGES.origin };
  if (method === 'OPTIONS' && !path.startsWith('/api/')) return { status: 204, message: '', allow: 'GET, HEAD, POST' };
  if (method !== 'GET' && method !== 'HEAD' && isStaticFile(path)) {
    return { status: 405, message: MESSAGES.readOnly, allow: 'GET, HEAD' };
  }
  return null;
}
