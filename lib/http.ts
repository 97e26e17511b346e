/** Headers every API response carries (pages get theirs from next.config.js and proxy.ts). */
export const API_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'no-store',
} as const;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: API_HEADERS });
}

/**
 * Handlers for the methods a route does not take, with a message and an Allow header (Next's own
 * 405 has neither): `export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');`
 */
export function otherMethods(allow: string) {
  const refuse = () =>
    Response.json(
      { ok: false, message: `This address answers ${allow} only.` },
      { status: 405, headers: { ...API_HEADERS, Allow: allow } },
    );
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
