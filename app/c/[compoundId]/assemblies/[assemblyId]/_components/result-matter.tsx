import type { AssemblyMatter } from '@/db/assembly/read';
import type { listPendingPaper } from '@/db/voting/paper';
import type { listReceipts } from '@/db/voting/receipts';
import { matterOf } from '@/lib/voting/matters';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { MatterOutcome } from './matter-outcome';
import { assemblyText } from './text';

/**
 * One matter on the result notice, written from its stored result: who took part and who agreed, in
 * owners (人) with their units (户) in brackets and area, the verdict, how many voted through an agent,
 * each candidate's or option's figures, the paper ballots left unconfirmed (not counted, by serial
 * number) and every counted ballot's receipt code.
 */
export async function ResultMatter({
  n,
  matter,
  alternates,
  pending,
  receipts,
}: {
  n: number;
  matter: AssemblyMatter;
  alternates: number;
  pending: ReturnType<typeof listPendingPaper>;
  receipts: ReturnType<typeof listReceipts>;
}) {
  const { t, tv } = await assemblyText();
  const result = parseResult(matter.result);
  if (!result) return null;
  const figures = result.owners ?? result.election ?? result.choice;
  const special = matterOf(matter.matterItem ?? 9) === 'special';
  const label = (key: string) => matter.options.find((o) => o.key === key)?.label ?? key;
  const units = result.units;
  return (
    <section className="space-y-2 print:break-inside-avoid" aria-label={t('matterNo', { n })}>
      <h3 className="font-semibold text-lg">{t('matterHeading', { n, question: matter.question })}</h3>
      <p className="text-sm">
        {t('itemWithKind', {
          item: tv(`matters.${(matter.matterItem ?? 9) as 1}`),
          kind: tv(`matterKinds.${special ? 'special' : 'ordinary'}`),
        })}
      </p>
      {figures && (
        <p>
          {t('result.participation', {
            owners: figures.participating.owners,
            units: units?.participating ?? 0,
            area: figures.participating.area,
            totalOwners: figures.total.owners,
            totalUnits: units?.total ?? 0,
            totalArea: figures.total.area,
          })}
        </p>
      )}
      {result.owners && (
        <p>
          {units?.agree !== null && units?.agree !== undefined
            ? t('result.agree', {
                owners: result.owners.agree.owners,
                units: units.agree,
                area: result.owners.agree.area,
              })
            : t('result.agreeNoUnits', { owners: result.owners.agree.owners, area: result.owners.agree.area })}
        </p>
      )}
      {(result.election || result.choice) && (
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-stone-800 border-b">
              <th className="py-1">{result.election ? t('candidate') : t('option')}</th>
              <th className="py-1 text-right">{t('result.agreeOwners')}</th>
              <th className="py-1 text-right">{t('result.agreeArea')}</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {(result.election?.candidates ?? result.choice?.options ?? []).map((c) => (
              <tr key={c.id} className="border-stone-300 border-b">
                <th className="py-1 font-normal">{label(c.id)}</th>
                <td className="py-1 text-right">{c.agree.owners}</td>
                <td className="py-1 text-right">{c.agree.area}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MatterOutcome result={result} outcome={outcomeOf(result)} options={matter.options} alternates={alternates} />
      {(result.byProxy ?? 0) > 0 && <p className="text-sm">{t('result.byProxy', { count: result.byProxy ?? 0 })}</p>}
      {pending.length > 0 && (
        <p className="text-sm">
          {t('result.notCounted', {
            count: pending.length,
            list: pending.map((p) => t('withDetail', { name: p.serial ?? '', detail: p.place })).join('、'),
          })}
        </p>
      )}
      <details className="text-sm" open>
        <summary className="cursor-pointer">{t('result.receipts', { count: receipts.length })}</summary>
        <ul className="mt-1 grid grid-cols-2 gap-x-3 font-mono sm:grid-cols-4 print:grid-cols-5">
          {receipts.map((r) => (
            <li key={r.receiptCode}>{r.receiptCode}</li>
          ))}
        </ul>
      </details>
      <p className="break-all text-stone-500 text-xs">{tv('resultHash', { hash: matter.resultHash ?? '' })}</p>
    </section>
  );
}
