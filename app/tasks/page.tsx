import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { companyTasks, countCompanyTasks, TASK_LIST_LIMIT } from '@/db/followthrough/worklists';
import { companyIdsOf } from '@/lib/auth/permissions';
import { requireActor } from '@/server/auth/session';
import { lateDays } from '@/lib/followthrough/rules';
import { StatusPill, statusLabel } from '../_components/status-badge';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('follow'))('tasksTitle') };
}

/** The property company's worklist: every task and small matter of every compound it serves. */
export default async function TasksPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const actor = await requireActor();
  const companyIds = companyIdsOf(actor);
  if (companyIds.length === 0) notFound();
  const [t, tStatus, format, ta] = await Promise.all([
    getTranslations('follow'),
    getTranslations('topics.statuses'),
    getFormatter(),
    getTranslations('app'),
  ]);
  const now = Date.now();
  const asked = (await searchParams).page;
  const page = typeof asked === 'string' && /^\d{1,5}$/.test(asked) ? Math.max(1, Number(asked)) : 1;
  const rows = companyTasks(companyIds, now, page);
  const { total, overdue } = countCompanyTasks(companyIds, now);
  const pages = Math.max(1, Math.ceil(total / TASK_LIST_LIMIT));
  return (
    <div className="space-y-4">
      <h1 className="font-bold text-2xl">{t('tasksTitle')}</h1>
      <p className="text-stone-700">{t('tasksSummary', { count: total, overdue })}</p>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('noTasks')}</p>
      ) : (
        <ul className="space-y-3">
          {rows.map((r) => {
            const late = lateDays(r.status, r.deadlineAt, r.overdueAt, now);
            return (
              <li key={r.topicId}>
                <Link
                  href={`/c/${r.compoundId}/topics/${r.topicId}`}
                  className={`block rounded-xl bg-white p-4 ${late !== null ? 'ring-2 ring-brand-700' : 'ring-1 ring-stone-200 hover:ring-stone-500'}`}
                >
                  <span className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusPill status={r.status} label={statusLabel(tStatus, r.status)} />
                    {late !== null && (
                      <span className="rounded-full bg-brand-700 px-2.5 py-0.5 font-medium text-white">
                        {t('overdueDays', { days: late })}
                      </span>
                    )}
                    <span className="text-stone-600">
                      {r.compoundName} · {r.decisionId === null ? t('smallMatter') : t('fromDecision')}
                    </span>
                  </span>
                  <span className="mt-1 block font-semibold text-lg">{r.title}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-3 text-sm text-stone-700">
                    <span>
                      {t('deadline')}
                      {ta('colon')}
                      <time dateTime={new Date(r.deadlineAt).toISOString()}>
                        {format.dateTime(new Date(r.deadlineAt), { dateStyle: 'medium', timeStyle: 'short' })}
                      </time>
                    </span>
                    <span className="flex items-center gap-2">
                      <span aria-hidden className="inline-block h-2 w-24 overflow-hidden rounded bg-stone-200">
                        <span className="block h-2 bg-emerald-600" style={{ width: `${r.percent}%` }} />
                      </span>
                      {t('percentDone', { percent: r.percent })}
                    </span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label={t('taskPage', { page, pages })} className="flex items-center gap-3 text-sm">
          {page > 1 && (
            <Link href={`/tasks?page=${page - 1}`} className="text-brand-700 underline">
              {t('prevPage')}
            </Link>
          )}
          <span className="text-stone-600">{t('taskPage', { page, pages })}</span>
          {page < pages && (
            <Link href={`/tasks?page=${page + 1}`} className="text-brand-700 underline">
              {t('nextPage')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
