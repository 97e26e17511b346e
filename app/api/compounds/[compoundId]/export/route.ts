import { getTranslations } from 'next-intl/server';
import { exportRows } from '@/db/followthrough/export';
import { compoundInScope } from '@/server/auth/guards';
import { canViewRegister } from '@/lib/auth/permissions';
import { getActor } from '@/server/auth/session';
import { exportCsv } from '@/lib/export/csv';
import { API_HEADERS, json, otherMethods } from '@/lib/http';
import { shanghaiDay } from '@/lib/time';
import { exportRangeSchema } from '@/lib/followthrough/validation';

export const dynamic = 'force-dynamic';

/**
 * GET /api/compounds/:id/export?from=YYYY-MM-DD&to=YYYY-MM-DD — the compound's topics raised in
 * that range with their decision and follow-through status, as CSV with a BOM for Excel. For those
 * who keep the compound's records (secretary, owners' committee) and the staff above it.
 */
export async function GET(req: Request, ctx: { params: Promise<{ compoundId: string }> }) {
  const actor = await getActor();
  if (!actor) return json({ error: 'signedOut' }, 401);
  const compound = compoundInScope(actor, (await ctx.params).compoundId);
  if (!compound) return json({ error: 'notFound' }, 404);
  if (canViewRegister(actor, compound)) return json({ error: 'forbidden' }, 403);
  const url = new URL(req.url);
  const range = exportRangeSchema.safeParse({
    from: url.searchParams.get('from') ?? '',
    to: url.searchParams.get('to') ?? '',
  });
  if (!range.success)
    return json({ error: 'invalid', message: 'from and to must be dates YYYY-MM-DD, from ≤ to' }, 400);
  const [t, tt] = await Promise.all([getTranslations('follow.csv'), getTranslations('topics')]);
  const rows = exportRows(compound.id, range.data.from, range.data.to);
  const label = (ns: 'statuses' | 'categories', v: string) =>
    tt.has(`${ns}.${v}` as 'statuses.raised') ? tt(`${ns}.${v}` as 'statuses.raised') : v;
  const party = (v: string | null) => (v ? t(`parties.${v as 'property'}`) : '');
  const csv = exportCsv([
    [
      t('id'),
      t('title'),
      t('category'),
      t('status'),
      t('raisedOn'),
      t('author'),
      t('decision'),
      t('responsible'),
      t('deadline'),
      t('percent'),
      t('doneOn'),
      t('average'),
      t('escalations'),
    ],
    ...rows.map((r) => [
      r.id,
      r.title,
      label('categories', r.category),
      label('statuses', r.status),
      shanghaiDay(r.createdAt),
      r.authorName,
      r.decision,
      party(r.party),
      r.deadlineAt === null ? '' : shanghaiDay(r.deadlineAt),
      r.percent,
      r.doneAt === null ? '' : shanghaiDay(r.doneAt),
      r.averageTenths === null ? '' : (r.averageTenths / 10).toFixed(1),
      r.escalations,
    ]),
  ]);
  const name = `yishi-${compound.id}-${url.searchParams.get('from')}-${url.searchParams.get('to')}.csv`;
  return new Response(csv, {
    headers: {
      ...API_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
