import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { deliveryList } from '@/db/assembly/mine';
import { getAssembly } from '@/db/assembly/read';
import { canSeeDeliveryList } from '@/lib/assembly/rules';
import { parseId, requireCompound } from '@/server/auth/guards';
import { PrintButton } from '../../../../../_components/print-button';

type Props = { params: Promise<{ compoundId: string; assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('assembly'))('deliveryList') };
}

/**
 * The grid worker's delivery list for door-to-door paper notices (指导规则 Art. 26: the written ballot
 * is delivered to each owner, and posted where it cannot be): one A4 sheet per building, every unit of
 * the frozen electorate with its owner, and a column to sign for receipt. The signed sheets are the
 * record of delivery.
 */
export default async function DeliveryPage({ params }: Props) {
  const p = await params;
  const { compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.assemblyId);
  const assembly = id ? getAssembly(compound.id, id) : undefined;
  if (!assembly || canSeeDeliveryList(roles)) notFound();
  const [t, format] = await Promise.all([getTranslations('assembly'), getFormatter()]);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long' });
  const rows = deliveryList(assembly.id);
  const buildings = [...new Set(rows.map((r) => r.building))];
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center gap-3">
        <Link href={`/c/${compound.id}/assemblies/${assembly.id}`} className="text-brand-700 underline">
          ← {assembly.title}
        </Link>
        <span className="ml-auto">
          <PrintButton label={t('print')} />
        </span>
      </div>
      {buildings.map((b) => {
        const list = rows.filter((r) => r.building === b);
        return (
          <section
            key={b}
            aria-label={t('deliveryFor', { building: b })}
            className="print-page break-after-page space-y-3 bg-white p-5 ring-1 ring-stone-200 print:ring-0"
          >
            <header className="text-center">
              <p>{compound.name}</p>
              <h1 className="font-bold text-xl">{t('deliveryTitle', { title: assembly.title })}</h1>
              <p className="text-sm">
                {t('deliveryFor', { building: b })} ·{' '}
                {t('deliveryMeta', { count: list.length, date: day(assembly.announcedAt) })}
              </p>
            </header>
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-stone-800 border-b-2">
                  <th className="py-2">{t('unit')}</th>
                  <th className="py-2">{t('owner')}</th>
                  <th className="py-2">{t('signature')}</th>
                  <th className="py-2">{t('signedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.number} className="h-12 border-stone-300 border-b">
                    <td className="py-2 tabular-nums">{r.number}</td>
                    <td className="py-2">{r.holderName}</td>
                    <td className="w-1/3 py-2" />
                    <td className="w-1/6 py-2" />
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="text-sm">{t('deliveryFooter')}</p>
          </section>
        );
      })}
    </div>
  );
}
