import { healthCheck } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** 200 once the app and its database answer; 503 otherwise. */
export function GET() {
  try {
    const { compounds } = healthCheck();
    return Response.json({ ok: true, compounds });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
