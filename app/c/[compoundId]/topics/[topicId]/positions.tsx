import { getFormatter, getTranslations } from 'next-intl/server';
import type { PositionParty } from '@/lib/topics/rules';
import { PositionForm } from './position-form';

const PARTIES: PositionParty[] = ['branch', 'property', 'committee'];

interface Position {
  id: number;
  party: PositionParty;
  body: string;
  authorName: string;
  updatedAt: number;
  /** Every version, newest first (the first is the current text). */
  revisions: { body: string; authorName: string; createdAt: number }[];
}

/** The "3" parties' official positions, apart from the thread, each with its edit history. */
export async function Positions(props: {
  compoundId: number;
  topicId: number;
  positions: Position[];
  myParties: PositionParty[];
}) {
  const [t, format] = await Promise.all([getTranslations('topics'), getFormatter()]);
  const byParty = new Map(props.positions.map((p) => [p.party, p]));
  return (
    <section aria-labelledby="positions-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="positions-h" className="font-semibold text-lg">
        {t('positions')}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t('positionsHint')}</p>
      <ul className="grid gap-3 md:grid-cols-3">
        {PARTIES.map((party) => {
          const p = byParty.get(party);
          const older = p?.revisions.slice(1) ?? [];
          return (
            <li
              key={party}
              aria-label={t(`parties.${party}`)}
              className="flex flex-col rounded-lg border-brand-700 border-t-4 bg-stone-50 p-3"
            >
              <h3 className="font-semibold">{t(`parties.${party}`)}</h3>
              {p ? (
                <>
                  <p className="mt-1 whitespace-pre-wrap">{p.body}</p>
                  <p className="mt-2 text-sm text-stone-600">
                    {p.authorName} ·{' '}
                    {format.dateTime(new Date(p.updatedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                    {older.length > 0 && ` ${t('edited', { count: older.length })}`}
                  </p>
                  {older.length > 0 && (
                    <details className="mt-2 text-sm">
                      <summary className="cursor-pointer text-brand-700">{t('history')}</summary>
                      <ol className="mt-1 space-y-2">
                        {older.map((h) => (
                          <li key={`${h.createdAt}-${h.body.length}`} className="border-stone-300 border-l-2 pl-2">
                            <p className="whitespace-pre-wrap text-stone-700">{h.body}</p>
                            <p className="text-stone-500">
                              {h.authorName} ·{' '}
                              {format.dateTime(new Date(h.createdAt), { dateStyle: 'medium', timeStyle: 'short' })}
                            </p>
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </>
              ) : (
                <p className="mt-1 text-stone-500">{t('noPosition')}</p>
              )}
              {props.myParties.includes(party) && (
                <PositionForm
                  compoundId={props.compoundId}
                  topicId={props.topicId}
                  party={party}
                  current={p?.body ?? ''}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
