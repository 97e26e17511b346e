import { getFormatter, getTranslations } from 'next-intl/server';
import type { VoteView } from '@/db/voting/read';
import type { findReceipt, listReceipts } from '@/db/voting/receipts';
import type { VoteResult } from '@/lib/voting/count';
import { outcomeOf } from '@/lib/voting/outcome';
import { MatterOutcome } from '../../../assemblies/[assemblyId]/_components/matter-outcome';
import { choiceTextOf } from './choice-text';
import { MatterFigures, OwnersResult, TallyResult } from './results';
import { PrintButton } from './vote-forms';

/**
 * The stored result of a closed vote, printable; a receipt code looked up (counted, with its choice,
 * or not found), every code for download and, when few, listed; and the result's sha256.
 */
export async function ResultSection({
  compoundId,
  vote,
  result,
  lookup,
  found,
  receiptCount,
  receipts,
  alternates,
}: {
  compoundId: number;
  vote: VoteView;
  result: VoteResult;
  /** The receipt code asked for ('' when none). */
  lookup: string;
  found: ReturnType<typeof findReceipt> | undefined;
  receiptCount: number;
  receipts: ReturnType<typeof listReceipts>;
  /** An election's alternates (候补) under the assembly's rules. */
  alternates: number;
}) {
  const [t, format] = await Promise.all([getTranslations('votes'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long', timeStyle: 'short' });
  const choiceText = choiceTextOf(vote.options);
  return (
    <section
      aria-labelledby="result-h"
      className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200 print:ring-0"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="result-h" className="font-semibold text-xl">
          {t('result')}
        </h2>
        <div className="no-print ml-auto">
          <PrintButton />
        </div>
      </div>
      <p className="text-sm text-stone-600">{t('closedAt', { at: vote.closedAt ? when(vote.closedAt) : '' })}</p>
      {result.election || result.choice ? (
        <>
          <MatterOutcome result={result} outcome={outcomeOf(result)} options={vote.options} alternates={alternates} />
          <MatterFigures result={result} options={vote.options} />
        </>
      ) : result.owners ? (
        <OwnersResult result={result} options={vote.options} />
      ) : (
        <TallyResult result={result} options={vote.options} />
      )}
      <div className="space-y-2 text-sm">
        <form method="get" className="flex flex-wrap items-end gap-2">
          <label className="block">
            <span className="mb-1 block font-medium">{t('checkReceipt')}</span>
            <input
              name="receipt"
              defaultValue={lookup}
              placeholder="ABCD-1234"
              maxLength={20}
              className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 font-mono uppercase"
            />
          </label>
          <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium">
            {t('check')}
          </button>
        </form>
        {lookup && (
          <p
            role="status"
            className={`rounded-md px-3 py-2 ${found ? 'bg-emerald-50 text-emerald-900' : 'bg-brand-50 text-brand-800'}`}
          >
            {found
              ? `${t('receiptCounted', { code: found.receiptCode, choice: choiceText(found.choice) })}${found.byProxy ? ` ${t('receiptByAgent')}` : ''}`
              : t('receiptNotFound', { code: lookup })}
          </p>
        )}
        <a href={`/api/compounds/${compoundId}/votes/${vote.id}/receipts`} className="text-brand-700 underline">
          {t('downloadReceipts', { count: receiptCount })}
        </a>
      </div>
      {receipts.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">{t('receipts', { count: receipts.length })}</summary>
          <p className="my-2 text-stone-600">{t('receiptsHint')}</p>
          <ul className="grid grid-cols-2 gap-1 font-mono sm:grid-cols-4">
            {receipts.map((r) => (
              <li key={r.receiptCode}>
                {r.receiptCode} {choiceText(r.choice)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="break-all text-stone-500 text-xs">{t('resultHash', { hash: vote.resultHash ?? '' })}</p>
    </section>
  );
}
