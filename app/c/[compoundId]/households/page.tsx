import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { activationFigures, lockedCodes } from '@/db/activation/codes';
import { getCompoundSettings } from '@/db/places/compounds';
import { listBuildings } from '@/db/places/places';
import { answersJoinRequests, letterAuthority, recordsTransfers, seesHouseholds } from '@/lib/households/rules';
import { peekCompound, requireCompound } from '@/server/auth/guards';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { buttonClass } from '../../../_components/button';
import { JoinQueue } from './join-queue';
import { LettersForm } from './letters-form';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('households');
  const compound = await peekCompound((await params).compoundId);
  return { title: compound ? `${t('title')} · ${compound.name}` : t('title') };
}

/**
 * A compound's households: how many have activated, the activation letters, locked codes, and the requests to
 * join a unit. For community staff over the compound, its owners' committee, grid worker and branch secretary.
 */
export default async function HouseholdsPage({ params }: Props) {
  const { actor, compound, roles } = await requireCompound((await params).compoundId, (a, c) =>
    seesHouseholds(a, c) ? null : 'not_staff',
  );
  const now = Date.now();
  const [t, format] = await Promise.all([getTranslations('households'), getFormatter()]);
  const authority = letterAuthority(actor, compound);
  const figures = activationFigures(compound.id, now);
  const settings = getCompoundSettings(compound.id);
  const share = figures.holders > 0 ? Math.round((figures.activated / figures.holders) * 100) : 0;

  return (
    <div className="space-y-6">
      <div className="no-print space-y-4">
        <Breadcrumb items={[{ href: `/c/${compound.id}`, label: compound.name }, { label: t('title') }]} />
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="font-bold text-2xl">{t('title')}</h1>
          {recordsTransfers(actor, compound) && (
            <Link href={`/c/${compound.id}/households/transfers`} className={buttonClass('secondary')}>
              {t('transfersLink')}
            </Link>
          )}
        </div>
        <section aria-labelledby="progress" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="progress" className="mb-2 font-semibold text-lg">
            {t('progress')}
          </h2>
          <p className="text-stone-700">
            {t('activated', { activated: figures.activated, holders: figures.holders, share })}
          </p>
          <div
            className="mt-2 h-3 w-full overflow-hidden rounded-full bg-stone-200"
            role="progressbar"
            aria-label={t('progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={share}
          >
            <div className="h-full bg-emerald-600" style={{ width: `${share}%` }} />
          </div>
          <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
            {(['open', 'expired', 'locked'] as const).map((k) => (
              <div key={k} className="rounded-lg bg-stone-50 p-2">
                <dt className="text-sm text-stone-600">{t(`codes.${k}`)}</dt>
                <dd className="font-semibold text-xl tabular-nums">{figures[k]}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      {authority && (
        <section
          aria-labelledby="letters"
          className="rounded-xl bg-white p-5 ring-1 ring-stone-200 print:p-0 print:ring-0"
        >
          <div className="no-print">
            <h2 id="letters" className="mb-1 font-semibold text-lg">
              {t('lettersTitle')}
            </h2>
            <p className="mb-4 text-stone-700">
              {t(authority === 'staff' ? 'lettersIntroStaff' : 'lettersIntroCommittee')}
            </p>
            {!settings?.hotline && <p className="mb-4 text-amber-900 text-sm">{t('noHotline')}</p>}
          </div>
          <LettersForm
            compoundId={compound.id}
            compoundName={compound.name}
            hotline={settings?.hotline ?? ''}
            buildings={listBuildings(compound.id)}
          />
        </section>
      )}

      <div className="no-print space-y-6">
        <JoinQueue actor={actor} compound={compound} answers={answersJoinRequests(roles)} />
      </div>

      {authority && (
        <LockedList
          compoundId={compound.id}
          title={t('lockedTitle')}
          empty={t('lockedNone')}
          hint={t('lockedHint')}
          format={format}
        />
      )}
    </div>
  );
}

function LockedList({
  compoundId,
  title,
  empty,
  hint,
  format,
}: {
  compoundId: number;
  title: string;
  empty: string;
  hint: string;
  format: Awaited<ReturnType<typeof getFormatter>>;
}) {
  const locked = lockedCodes(compoundId);
  return (
    <section aria-labelledby="locked" className="no-print rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="locked" className="mb-1 font-semibold text-lg">
        {title}
      </h2>
      {locked.length === 0 ? (
        <p className="text-stone-600">{empty}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-600">{hint}</p>
          <ul className="divide-y divide-stone-200">
            {locked.map((l) => (
              <li key={l.codeId} className="flex flex-wrap gap-x-3 py-2">
                <span className="font-medium">{l.name}</span>
                <span>{l.units}</span>
                <time className="text-stone-600 text-sm" dateTime={new Date(l.lockedAt).toISOString()}>
                  {format.relativeTime(l.lockedAt)}
                </time>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
