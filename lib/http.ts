/** Headers every API response carries (pages get theirs from next.config.js and proxy.ts). */
export const API_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cache-Control': 'no-store',
} as const;

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: API_HEADERS });
}
