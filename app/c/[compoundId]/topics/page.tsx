import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listBuildings } from '@/db/places/places';
import { listTopics, TOPIC_PAGE_SIZE } from '@/db/topics/read';
import { peekCompound, requireCompound } from '@/server/auth/guards';
import { TOPIC_CATEGORIES } from '@/lib/topics/categories';
import { isTopicStatus, TOPIC_STATUSES } from '@/lib/topics/lifecycle';
import { canRaiseTopic } from '@/lib/topics/rules';
import { topicListSchema } from '@/lib/topics/validation';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { buttonClass } from '../../../_components/button';
import { Pager } from '../../../_components/pager';
import { RelativeTimeText } from '../../../_components/relative-time';
import { StatusPill, statusLabel } from '../../../_components/status-badge';

type Props = {
  params: Promise<{ compoundId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const compound = await peekCompound((await params).compoundId);
  const t = await getTranslations('topics');
  return { title: compound ? t('listTitle', { compound: compound.name }) : t('title') };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function TopicListPage({ params, searchParams }: Props) {
  const { compound, roles } = await requireCompound((await params).compoundId);
  const raw = await searchParams;
  const f = topicListSchema.parse({
    status: first(raw.status),
    category: first(raw.category),
    building: first(raw.building),
    q: first(raw.q),
    sort: first(raw.sort),
    page: first(raw.page),
  });
  const status = f.status && isTopicStatus(f.status) ? f.status : undefined;
  const [t, tStatus, format, tApp] = await Promise.all([
    getTranslations('topics'),
    getTranslations('topics.statuses'),
    getFormatter(),
    getTranslations('app'),
  ]);
  const buildings = listBuildings(compound.id);
  const { rows, total } = listTopics(compound.id, { ...f, status });
  const pages = Math.max(1, Math.ceil(total / TOPIC_PAGE_SIZE));
  const base = `/c/${compound.id}/topics`;
  const pageHref = (page: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ status, category: f.category, building: f.building, q: f.q, sort: f.sort })) {
      if (v !== undefined && v !== '') q.set(k, String(v));
    }
    q.set('page', String(page));
    return `${base}?${q}`;
  };
  const select = 'min-h-11 w-full rounded-lg border border-stone-300 bg-white px-2';
  const active = [status, f.category, f.building].filter((v) => v !== undefined).length + (f.sort !== 'new' ? 1 : 0);

  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ href: `/c/${compound.id}`, label: compound.name }, { label: t('title') }]} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-bold text-2xl">{t('listTitle', { compound: compound.name })}</h1>
        {!canRaiseTopic(roles) && (
          <Link href={`${base}/new`} className={buttonClass('primary', 'ml-auto')}>
            {t('raise')}
          </Link>
        )}
      </div>

      <search>
        {/* On a phone the search box comes first and the other filters fold away (open while one is set),
            so the list starts on the first screen; from 640 px they are all in view. */}
        <form className="space-y-2 rounded-xl bg-white p-3 ring-1 ring-stone-200" aria-label={t('filters')}>
          <div className="flex gap-2">
            <input
              type="search"
              name="q"
              defaultValue={f.q ?? ''}
              maxLength={40}
              placeholder={t('searchPlaceholder')}
              aria-label={t('search')}
              className={`${select} min-w-0 flex-1`}
            />
            <button type="submit" className={buttonClass('primary')}>
              {t('apply')}
            </button>
          </div>
          <input
            type="checkbox"
            id="more-filters"
            defaultChecked={active > 0}
            className="peer absolute size-px opacity-0 sm:hidden"
          />
          <label
            htmlFor="more-filters"
            className="inline-flex min-h-11 cursor-pointer items-center gap-1 rounded-lg px-1 font-medium text-brand-700 underline underline-offset-4 peer-focus-visible:outline-3 peer-focus-visible:outline-brand-600 sm:hidden"
          >
            {t('moreFilters', { count: active })}
          </label>
          <div className="hidden grid-cols-2 gap-2 peer-checked:grid sm:grid sm:grid-cols-5">
            <select name="status" defaultValue={status ?? ''} aria-label={t('allStatuses')} className={select}>
              <option value="">{t('allStatuses')}</option>
              {TOPIC_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
            <select name="category" defaultValue={f.category ?? ''} aria-label={t('allCategories')} className={select}>
              <option value="">{t('allCategories')}</option>
              {TOPIC_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`)}
                </option>
              ))}
            </select>
            <select name="building" defaultValue={f.building ?? ''} aria-label={t('allBuildings')} className={select}>
              <option value="">{t('allBuildings')}</option>
              {buildings.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
            <select name="sort" defaultValue={f.sort} aria-label={t('sort')} className={select}>
              {(['new', 'cosigns', 'active'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`sorts.${s}`)}
                </option>
              ))}
            </select>
            <Link href={base} className={buttonClass('ghost', 'col-span-2 sm:col-span-1')}>
              {t('clear')}
            </Link>
          </div>
        </form>
      </search>

      <p className="text-sm text-stone-600" aria-live="polite">
        {t('count', { total })}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-5 text-stone-600 ring-1 ring-stone-200">{t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((r) => (
            <li key={r.id}>
              <Link
                href={`${base}/${r.id}`}
                className="block rounded-xl bg-white p-4 ring-1 ring-stone-200 transition hover:ring-brand-600"
              >
                <span className="flex flex-wrap items-center gap-2">
                  <StatusPill status={r.status} label={statusLabel(tStatus, r.status)} />
                  <span className="text-sm text-stone-600">{t(`categories.${r.category}`)}</span>
                  <span className="text-sm text-stone-600">· {r.buildingName ?? t('wholeCompound')}</span>
                </span>
                <span className="mt-1 block font-semibold text-lg leading-snug">{r.title}</span>
                <span className="mt-1 flex flex-wrap gap-x-3 text-sm text-stone-600">
                  <span>{t('by', { name: r.authorName })}</span>
                  <RelativeTimeText at={r.createdAt} format={format} justNow={tApp('justNow')} />
                  <span>{t('cosignCount', { count: r.cosignCount })}</span>
                  <span>{t('commentCount', { count: r.commentCount })}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={f.page}
        pages={pages}
        href={pageHref}
        labels={{ nav: t('pages'), prev: t('prev'), next: t('next'), pageOf: t('pageOf', { page: f.page, pages }) }}
      />
    </div>
  );
}
