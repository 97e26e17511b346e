import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ANCHORS_PAGE, compoundAnchors, entryHash } from '@/db/audit/anchors';
import { normaliseTypedHash } from '@/lib/audit/anchors';
import { parseId, peekCompound, requireCompound } from '@/server/auth/guards';
import { Breadcrumb } from '../../../../_components/breadcrumb';
import { Pager } from '../../../../_components/pager';
import { PrintButton } from '../../../../_components/print-button';
import { AnchorHash } from '../../../../_components/anchor-hash';

type Props = {
  params: Promise<{ compoundId: string }>;
  searchParams: Promise<{ page?: string; entry?: string; hash?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const compound = await peekCompound((await params).compoundId);
  const t = await getTranslations('board.anchor');
  return { title: compound ? t('pageTitle', { name: compound.name }) : t('title') };
}

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 200) : '');

/**
 * Every fingerprint of the compound's audit trail the notice board has published, newest first, and
 * a check of one kept on paper against the trail as it is now. The check compares that one entry's
 * hash; checking every link of the chain is `npm run audit:verify`, run by those who keep the server.
 */
export default async function AnchorsPage({ params, searchParams }: Props) {
  const { compound } = await requireCompound((await params).compoundId);
  const sp = await searchParams;
  const [t, format] = await Promise.all([getTranslations('board.anchor'), getFormatter()]);
  const page = Math.max(1, Math.min(10_000, parseId(sp.page) ?? 1));
  const { anchors, total } = compoundAnchors(compound.id, page);
  const pages = Math.max(1, Math.ceil(total / ANCHORS_PAGE));

  const typedEntry = one(sp.entry);
  const typedHash = one(sp.hash);
  const asked = typedEntry !== '' || typedHash !== '';
  const entry = parseId(typedEntry);
  const hash = normaliseTypedHash(typedHash);
  const now = entry !== null && hash !== null ? entryHash(compound.id, entry) : null;
  const check = !asked
    ? null
    : entry === null || hash === null
      ? { ok: false, text: t('checkInvalid') }
      : now === null
        ? { ok: false, text: t('checkNoEntry', { entry }) }
        : now.startsWith(hash)
          ? { ok: true, text: t('checkMatch', { entry, digits: hash.length }) }
          : { ok: false, text: t('checkMismatch', { entry }) };
  const when = (ms: number) => format.dateTime(ms, { dateStyle: 'long', timeStyle: 'short' });
  const input = 'min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3';

  return (
    <div className="print-page space-y-5">
      <Breadcrumb items={[{ href: `/c/${compound.id}/board`, label: t('back') }]} noPrint />
      <header className="flex flex-wrap items-end gap-3">
        <h1 className="font-bold text-2xl">{t('pageTitle', { name: compound.name })}</h1>
        <div className="no-print ml-auto">
          <PrintButton label={t('print')} />
        </div>
      </header>
      <p className="text-stone-700">{t('intro')}</p>

      <section aria-labelledby="a-check" className="no-print space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="a-check" className="font-semibold text-xl">
          {t('checkTitle')}
        </h2>
        <form method="get" className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
          <label className="block">
            <span className="mb-1 block font-medium">{t('entryLabel')}</span>
            <input name="entry" defaultValue={typedEntry} inputMode="numeric" maxLength={12} className={input} />
          </label>
          <label className="block">
            <span className="mb-1 block font-medium">{t('hashLabel')}</span>
            <input name="hash" defaultValue={typedHash} maxLength={200} className={`${input} font-mono`} />
          </label>
          <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium">
            {t('check')}
          </button>
        </form>
        {check && (
          <p
            role="status"
            className={`rounded-md px-3 py-2 ${check.ok ? 'bg-emerald-50 text-emerald-900' : 'bg-brand-50 text-brand-800'}`}
          >
            {check.text}
          </p>
        )}
        <p className="text-sm text-stone-600">{t('checkNote')}</p>
      </section>

      <section aria-labelledby="a-list" className="space-y-3">
        <h2 id="a-list" className="font-semibold text-xl">
          {t('listTitle', { total })}
        </h2>
        {anchors.length === 0 ? (
          <p className="text-stone-600">{t('none')}</p>
        ) : (
          <ol className="space-y-3" data-testid="anchor-list">
            {anchors.map((a) => (
              <li key={a.id} className="rounded-xl bg-white p-4 ring-1 ring-stone-200 print:break-inside-avoid">
                <p className="mb-2">
                  <span className="font-semibold">{when(a.at)}</span>
                  {' · '}
                  {t(`reasons.${a.reason}`)}
                  {' · '}
                  {t('entry', { entry: a.entryId })}
                </p>
                <AnchorHash hash={a.hash} size="sm" />
              </li>
            ))}
          </ol>
        )}
      </section>
      <Pager
        page={page}
        pages={pages}
        href={(n) => `/c/${compound.id}/board/anchors?page=${n}`}
        labels={{ nav: t('pages'), prev: t('prev'), next: t('next'), pageOf: t('pageOf', { page, pages }) }}
        linkClass="underline"
      />
    </div>
  );
}
