import { exportPersonData } from '@/db/households/privacy';
import { exportCsv } from '@/lib/export/csv';
import { API_HEADERS, json, otherMethods } from '@/lib/http';
import { getActor } from '@/server/auth/session';

export const dynamic = 'force-dynamic';

/**
 * GET /api/me/data?format=json|csv — everything the platform holds about the person asking (个人信息保护法 Art. 45):
 * their own data only, whoever they are. CSV: one row per value (section, row, field, value), UTF-8 with a BOM.
 */
export async function GET(req: Request) {
  const actor = await getActor();
  if (!actor) return json({ error: 'signedOut' }, 401);
  const format = new URL(req.url).searchParams.get('format') ?? 'json';
  if (format !== 'json' && format !== 'csv')
    return json({ error: 'invalid', message: 'format must be json or csv' }, 400);
  const data = exportPersonData(actor.personId);
  const name = `yishi-my-data-${actor.personId}.${format}`;
  const disposition = { 'Content-Disposition': `attachment; filename="${name}"` };
  if (format === 'json') {
    return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2), {
      headers: { ...API_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...disposition },
    });
  }
  const rows: (string | number | null)[][] = [['section', 'row', 'field', 'value']];
  for (const [section, list] of Object.entries(data)) {
    list.forEach((row, i) => {
      for (const [field, value] of Object.entries(row)) {
        rows.push([section, i + 1, field, value === null || value === undefined ? '' : String(value)]);
      }
    });
  }
  return new Response(exportCsv(rows), {
    headers: { ...API_HEADERS, 'Content-Type': 'text/csv; charset=utf-8', ...disposition },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
