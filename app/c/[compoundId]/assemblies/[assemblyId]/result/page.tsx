import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listObjections } from '@/db/assembly/objections';
import { anchorOf, assemblyMatters, electorateOf, getAssembly } from '@/db/assembly/read';
import { listPendingPaper } from '@/db/voting/paper';
import { listReceipts } from '@/db/voting/receipts';
import { parseId, requireCompound } from '@/server/auth/guards';
import { PrintButton } from '../../../../../_components/print-button';
import { AnchorHash } from '../../../../../_components/anchor-hash';
import { ResultMatter } from '../_components/result-matter';
import { assemblyText } from '../_components/text';

type Props = { params: Promise<{ compoundId: string; assemblyId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('assembly'))('resultNotice') };
}

/**
 * The result notice (表决结果公告) as an A4 page to post and keep: how the assembly was called, each
 * matter's counted figures and verdict, the objections to the register, every receipt code, and the
 * audit anchor published at the close, so anyone can later check nothing was rewritten.
 */
export default async function ResultNoticePage({ params }: Props) {
  const p = await params;
  const { compound } = await requireCompound(p.compoundId);
  const id = parseId(p.assemblyId);
  const assembly = id ? getAssembly(compound.id, id) : undefined;
  if (assembly?.status !== 'closed') notFound();
  const { t, when, day, area } = await assemblyText();
  const matters = assemblyMatters(assembly.id);
  const electorate = electorateOf(assembly.id);
  const objections = listObjections(assembly.id, null);
  const anchor = anchorOf(compound.id, assembly.closeAnchorId);
  return (
    <div className="print-page mx-auto max-w-[210mm] space-y-4 bg-white p-6 ring-1 ring-stone-200 print:ring-0 sm:p-10">
      <div className="no-print flex flex-wrap gap-2">
        <Link href={`/c/${compound.id}/assemblies/${assembly.id}`} className="text-brand-700 underline">
          ← {assembly.title}
        </Link>
        <span className="ml-auto">
          <PrintButton label={t('print')} />
        </span>
      </div>
      <header className="border-stone-800 border-b-2 pb-3 text-center">
        <p className="text-lg">{compound.name}</p>
        <h1 className="font-bold text-2xl tracking-wide">{t('resultNotice')}</h1>
        <p>{assembly.title}</p>
      </header>
      <p>
        {t('result.lead', {
          announced: day(assembly.announcedAt),
          start: when(assembly.startsAt),
          end: when(assembly.closedAt ?? assembly.endsAt),
          owners: electorate.holders,
          units: electorate.units,
          area: area(electorate.areaCenti),
        })}
      </p>
      {matters.map((m, i) => (
        <ResultMatter
          key={m.id}
          n={i + 1}
          matter={m}
          alternates={assembly.committeeAlternates}
          pending={listPendingPaper(m.id)}
          receipts={listReceipts(m.id)}
        />
      ))}
      <section className="space-y-1">
        <h2 className="font-semibold">{t('objections', { count: objections.length })}</h2>
        {objections.length === 0 ? (
          <p>{t('noObjections')}</p>
        ) : (
          <ul className="list-disc pl-5">
            {objections.map((o) => (
              <li key={o.id}>
                {t('objectionLine', {
                  place: o.place,
                  kind: t(`objectKinds.${o.kind}`),
                  outcome: o.outcome ? t(`objectionOutcomes.${o.outcome}`) : t('unanswered'),
                  answer: o.answer ?? '',
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      {anchor && (
        <section className="space-y-1">
          <h2 className="font-semibold">{t('result.anchor')}</h2>
          <p className="text-sm">{t('result.anchorLead', { entry: anchor.entryId, date: when(anchor.at) })}</p>
          <AnchorHash hash={anchor.hash} size="sm" />
        </section>
      )}
      <p>
        {t('result.publication', {
          from: day(assembly.closedAt ?? assembly.endsAt),
          to: day(assembly.resultUntil ?? assembly.endsAt),
        })}
      </p>
      <footer className="pt-6 text-right">
        <p>{t('result.issuers', { compound: compound.name })}</p>
        <p>{day(assembly.closedAt ?? assembly.endsAt)}</p>
      </footer>
    </div>
  );
}
