import { healthCheck } from '@/db/health';
import { json, otherMethods } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** 200 once the app and its database answer; 503 otherwise. */
export function GET() {
  try {
    const { compounds } = healthCheck();
    return json({ ok: true, compounds });
  } catch {
    return json({ ok: false }, 503);
  }
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
