import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listTransfers } from '@/db/households/transfers';
import { listBuildings } from '@/db/places/places';
import { recordsTransfers } from '@/lib/households/rules';
import { shanghaiDay } from '@/lib/time';
import { peekCompound, requireCompound } from '@/server/auth/guards';
import { Breadcrumb } from '../../../../_components/breadcrumb';
import { TransferForm } from './transfer-form';
import { TransfersFileForm } from './transfers-file-form';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('transfers');
  const compound = await peekCompound((await params).compoundId);
  return { title: compound ? `${t('title')} · ${compound.name}` : t('title') };
}

/** Changes of owner (过户) of a compound: record one, and the history. Community workers and above only. */
export default async function TransfersPage({ params }: Props) {
  const { compound } = await requireCompound((await params).compoundId, (a, c) =>
    recordsTransfers(a, c) ? null : 'not_staff',
  );
  const [t, th, format] = await Promise.all([
    getTranslations('transfers'),
    getTranslations('households'),
    getFormatter(),
  ]);
  const history = listTransfers(compound.id);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  return (
    <div className="space-y-6">
      <Breadcrumb
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          { href: `/c/${compound.id}/households`, label: th('title') },
          { label: t('title') },
        ]}
      />
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <section aria-labelledby="record" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="record" className="mb-1 font-semibold text-lg">
          {t('recordTitle')}
        </h2>
        <p className="mb-4 text-stone-700">{t('intro')}</p>
        <TransferForm compoundId={compound.id} buildings={listBuildings(compound.id)} today={shanghaiDay(Date.now())} />
      </section>
      <section aria-labelledby="file" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="file" className="mb-1 font-semibold text-lg">
          {t('csvTitle')}
        </h2>
        <TransfersFileForm compoundId={compound.id} />
      </section>
      <section aria-labelledby="history" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="history" className="mb-2 font-semibold text-lg">
          {t('history')}
        </h2>
        {history.length === 0 ? (
          <p className="text-stone-600">{t('none')}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {history.map((h) => (
              <li key={h.id} className="py-2">
                <p>
                  <span className="font-medium">{h.unitLabel}</span>：
                  {t('fromTo', { from: h.fromName ?? t('nobody'), to: h.toName })}
                </p>
                <p className="text-sm text-stone-600">
                  {t('effectiveOn', { date: day(h.effectiveAt) })} · {h.appliedAt ? t('applied') : t('pending')}
                  {h.reference ? ` · ${h.reference}` : ''} · {t('recordedBy', { name: h.recordedBy ?? '' })}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
