import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listBuildings } from '@/db/places/places';
import { listRegister, REGISTER_PAGE_SIZE } from '@/db/places/register';
import { formatArea } from '@/lib/area';
import { parseId, peekCompound, requireCompound } from '@/server/auth/guards';
import { canViewRegister } from '@/lib/auth/permissions';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { Pager } from '../../../_components/pager';

type Props = {
  params: Promise<{ compoundId: string }>;
  searchParams: Promise<{ b?: string; page?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('register');
  const compound = await peekCompound((await params).compoundId);
  return { title: compound ? `${t('title')} · ${compound.name}` : t('title') };
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { compound } = await requireCompound((await params).compoundId, canViewRegister);
  const sp = await searchParams;
  const t = await getTranslations('register');
  const buildings = listBuildings(compound.id);
  const wanted = parseId(sp.b);
  const buildingId = buildings.some((b) => b.id === wanted) ? wanted : null;
  const page = Math.max(1, Math.min(10_000, parseId(sp.page) ?? 1));
  const { rows, total } = listRegister(compound.id, buildingId, page);
  const pages = Math.max(1, Math.ceil(total / REGISTER_PAGE_SIZE));
  const href = (b: number | null, p = 1) => `/c/${compound.id}/register?${b ? `b=${b}&` : ''}page=${p}`;

  return (
    <div className="space-y-4">
      <Breadcrumb items={[{ href: `/c/${compound.id}`, label: compound.name }, { label: t('title') }]} />
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <nav aria-label={t('byBuilding')} className="flex flex-wrap gap-2">
        {[{ id: null, name: t('all') }, ...buildings].map((b) => (
          <Link
            key={b.id ?? 'all'}
            href={href(b.id)}
            aria-current={b.id === buildingId ? 'page' : undefined}
            className={`rounded-full px-3 py-1.5 ring-1 ${b.id === buildingId ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white ring-stone-300'}`}
          >
            {b.name}
          </Link>
        ))}
      </nav>
      <p className="text-stone-600 text-sm">{t('count', { total })}</p>
      <ul className="space-y-2 sm:hidden">
        {rows.map((u) => (
          <li key={u.id} className="rounded-lg bg-white p-3 ring-1 ring-stone-200">
            <div className="flex justify-between font-medium">
              <span>
                {u.building}
                {u.number}
              </span>
              <span className="tabular-nums">{formatArea(u.areaCenti)} m²</span>
            </div>
            <div className="text-sm text-stone-700">
              {u.holderName ?? t('noHolder')}
              {u.holderKind && u.holderKind !== 'person' ? ` · ${t(`kinds.${u.holderKind}`)}` : ''}
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto rounded-xl bg-white ring-1 ring-stone-200 sm:block">
        <table className="w-full text-left">
          <thead className="bg-stone-100 text-sm">
            <tr>
              <th className="px-3 py-2">{t('unit')}</th>
              <th className="px-3 py-2">{t('floor')}</th>
              <th className="px-3 py-2 text-right">{t('area')}</th>
              <th className="px-3 py-2">{t('source')}</th>
              <th className="px-3 py-2">{t('holder')}</th>
              <th className="px-3 py-2">{t('voter')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((u) => (
              <tr key={u.id}>
                <td className="px-3 py-2">
                  {u.building}
                  {u.number}
                </td>
                <td className="px-3 py-2 tabular-nums">{u.floor}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatArea(u.areaCenti)}</td>
                <td className="px-3 py-2">{t(`sources.${u.areaSource}`)}</td>
                <td className="px-3 py-2">
                  {u.holderName ?? t('noHolder')}
                  {u.holderKind && u.holderKind !== 'person' && (
                    <span className="ml-2 rounded bg-stone-100 px-1.5 text-sm">{t(`kinds.${u.holderKind}`)}</span>
                  )}
                </td>
                <td className="px-3 py-2">{u.voterName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        page={page}
        pages={pages}
        href={(n) => href(buildingId, n)}
        labels={{ nav: t('pages'), prev: t('prev'), next: t('next'), pageOf: t('pageOf', { page, pages }) }}
        linkClass="underline"
      />
    </div>
  );
}
