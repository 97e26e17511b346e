import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { anchorOf, assemblyMatters, boardAssemblies } from '@/db/assembly/read';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { AnchorHash } from '../../../_components/anchor-hash';

/**
 * The owners' assemblies on the notice board: each notice while it runs (when voting opens, until when
 * the register can be objected to), and after the close its result for the compound's notice period —
 * each matter's counted figures and verdict, where to read every receipt code, and the audit anchor
 * published at the close.
 */
export async function AssembliesSection({
  compoundId,
  now,
  className,
}: {
  compoundId: number;
  now: number;
  className: string;
}) {
  const list = boardAssemblies(compoundId, now);
  if (list.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('assembly'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="b-assemblies" className={className}>
      <h2 id="b-assemblies" className="mb-3 font-semibold text-xl">
        {t('board.title', { n: list.length })}
      </h2>
      <ul className="space-y-5" data-testid="board-assemblies">
        {list.map((a) => {
          const matters = a.status === 'closed' ? assemblyMatters(a.id) : [];
          const anchor = a.status === 'closed' ? anchorOf(compoundId, a.closeAnchorId) : undefined;
          return (
            <li key={a.id} className="space-y-2">
              <Link
                href={`/c/${compoundId}/assemblies/${a.id}`}
                className="font-semibold text-lg underline underline-offset-4"
              >
                {a.title}
              </Link>
              {a.status === 'announced' && (
                <p>
                  {t('board.notice', {
                    start: when(a.startsAt),
                    end: when(a.endsAt),
                    objections: when(a.objectionsUntil),
                  })}
                </p>
              )}
              {a.status === 'open' && <p>{t('board.voting', { end: when(a.endsAt) })}</p>}
              {a.status === 'closed' && (
                <>
                  <p className="text-sm">{t('board.published', { until: when(a.resultUntil ?? now) })}</p>
                  <ul className="space-y-1">
                    {matters.map((m) => {
                      const result = parseResult(m.result);
                      const figures = result?.owners ?? result?.election ?? result?.choice;
                      const outcome = outcomeOf(result);
                      return (
                        <li key={m.id}>
                          <span className="font-semibold">
                            {outcome === 'passed' ? '✓ ' : '✕ '}
                            {result?.election
                              ? t('board.elected', { count: result.election.elected.length })
                              : t(outcome === 'passed' ? 'outcome.passed' : 'outcome.failed')}
                          </span>{' '}
                          {m.question}
                          {figures && (
                            <span className="block text-sm text-stone-700">
                              {t('result.participation', {
                                owners: figures.participating.owners,
                                units: result?.units?.participating ?? 0,
                                area: figures.participating.area,
                                totalOwners: figures.total.owners,
                                totalUnits: result?.units?.total ?? 0,
                                totalArea: figures.total.area,
                              })}
                            </span>
                          )}
                          <a
                            href={`/api/compounds/${compoundId}/votes/${m.id}/receipts`}
                            className="no-print text-brand-700 text-sm underline"
                          >
                            {t('board.receipts')}
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                  {anchor && (
                    <div className="text-sm">
                      <p>{t('board.anchor', { entry: anchor.entryId, date: when(anchor.at) })}</p>
                      <AnchorHash hash={anchor.hash} size="sm" />
                    </div>
                  )}
                  <Link href={`/c/${compoundId}/assemblies/${a.id}/result`} className="text-brand-700 underline">
                    {t('resultNotice')}
                  </Link>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
