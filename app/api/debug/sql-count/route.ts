import { sqlStatementCount } from '@/db/client';
import { json, otherMethods } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Statements executed so far; only when the server runs with YISHI_COUNT_SQL=1 (bench and development). */
export function GET() {
  const count = sqlStatementCount();
  if (count === null) return new Response('Not found', { status: 404 });
  return json({ count });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
