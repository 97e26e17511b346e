import { healthCheck } from '@/db/health';
import { json, otherMethods } from '@/lib/http';

export const dynamic = 'force-dynamic';

/**
 * 200 once the app and its database answer; 503 otherwise. Says which worker answered (1 without
 * workers), so a load balancer or the benchmark can wait until every worker is up.
 */
export function GET() {
  try {
    const { compounds } = healthCheck();
    return json({ ok: true, compounds, worker: Number(process.env.YISHI_WORKER ?? 1) });
  } catch {
    return json({ ok: false }, 503);
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
