import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FIGURE_LIST_LIMIT, figureTopics } from '@/db/dashboard/lists';
import { parseId } from '@/server/auth/guards';
import { isFigureKey } from '@/lib/dashboard/funnel';
import { parsePeriod } from '@/lib/dashboard/period';
import { TOPIC_CATEGORIES } from '@/lib/topics/categories';
import { buttonClass } from '../../../../_components/button';
import { Pager } from '../../../../_components/pager';
import { StatusBadge } from '../../../../_components/status-badge';
import { dashboardHref, figureHref } from '../../../_components/links';
import { PlaceBreadcrumb } from '../../../_components/place-breadcrumb';
import { requireDashboard } from '@/server/dashboard';

type Props = {
  params: Promise<{ level: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dash'))('listTitlePlain') };
}

/** The topics behind one of a dashboard's figures: the same predicate that counted them, paged. */
export default async function FigureTopicsPage({ params, searchParams }: Props) {
  const { level, id } = await params;
  const { actor, node } = await requireDashboard(level, id);
  const q = await searchParams;
  const now = Date.now();
  const period = parsePeriod({ from: first(q.from), to: first(q.to) }, now);
  const figRaw = first(q.fig) ?? '';
  const fig = isFigureKey(figRaw) ? figRaw : 'raised';
  const categoryRaw = first(q.category);
  const category = (TOPIC_CATEGORIES as readonly string[]).includes(categoryRaw ?? '') ? categoryRaw : undefined;
  const buildingId = node.level === 'compound' ? (parseId(first(q.building)) ?? undefined) : undefined;
  const page = Math.min(10_000, parseId(first(q.page)) ?? 1);
  const [t, tt, format] = await Promise.all([getTranslations('dash'), getTranslations('topics'), getFormatter()]);
  const { rows, total } = figureTopics({ level: node.level, id: node.id }, fig, period, { category, buildingId }, page);
  const pages = Math.max(1, Math.ceil(total / FIGURE_LIST_LIMIT));
  const extra: Record<string, string> = {};
  if (category) extra.category = category;
  if (buildingId !== undefined) extra.building = String(buildingId);
  const pageHref = (n: number) => `${figureHref(node, fig, period, extra)}&page=${n}`;
  const figureName = t(`fig.${fig}`);

  return (
    <div className="space-y-4">
      <PlaceBreadcrumb actor={actor} node={node} here={figureName} />
      <h1 className="font-bold text-2xl">
        {t('listTitle', { name: node.name, figure: figureName })}
        {category && ` · ${tt(`categories.${category}` as 'categories.other')}`}
      </h1>
      <p className="text-stone-600">
        {fig === 'overdue' ? t('listNow') : t('listPeriod', { from: period.fromDay, to: period.toDay })}
      </p>
      <p className="font-medium" aria-live="polite" data-testid="figure-total">
        {t('listCount', { n: total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('listEmpty')}</p>
      ) : (
        <ul className="space-y-2" data-testid="figure-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link
                href={`/c/${r.compoundId}/topics/${r.id}`}
                className="block rounded-xl bg-white p-4 ring-1 ring-stone-200 transition hover:ring-brand-600"
              >
                <span className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={r.status} />
                  <span className="text-sm text-stone-600">
                    {tt.has(`categories.${r.category}` as 'categories.other')
                      ? tt(`categories.${r.category}` as 'categories.other')
                      : r.category}
                  </span>
                  {node.level !== 'compound' && <span className="text-sm text-stone-600">· {r.compoundName}</span>}
                </span>
                <span className="mt-1 block font-semibold text-lg leading-snug">{r.title}</span>
                <span className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-600">
                  <span>{t('raisedOn', { date: format.dateTime(r.createdAt, { dateStyle: 'medium' }) })}</span>
                  {r.deadlineAt !== null && (
                    <span className={r.doneAt === null && r.deadlineAt < now ? 'font-semibold text-brand-700' : ''}>
                      {t('deadline', { date: format.dateTime(r.deadlineAt, { dateStyle: 'medium' }) })}
                    </span>
                  )}
                  {r.percent !== null && <span>{t('percentDone', { n: r.percent })}</span>}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={page}
        pages={pages}
        href={pageHref}
        labels={{ nav: t('pages'), prev: tt('prev'), next: tt('next'), pageOf: tt('pageOf', { page, pages }) }}
      />
      <Link href={dashboardHref(node.level, node.id, period)} className={buttonClass('ghost')}>
        {t('back')}
      </Link>
    </div>
  );
}
