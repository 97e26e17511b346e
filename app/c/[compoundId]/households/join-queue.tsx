import { getFormatter, getTranslations } from 'next-intl/server';
import type { CompoundSummary } from '@/db/places/places';
import { pendingJoinRequests } from '@/db/households/join';
import { residentsOfCompound } from '@/db/households/tenancy';
import { maskMobile } from '@/lib/activation/mask';
import { type Actor, staffOverCompound } from '@/lib/auth/permissions';
import { JoinRequests } from '../../../_components/join-requests';
import { MoveOutButton } from './move-out-form';

/**
 * The compound's requests to join a unit and the tenants and family members living there. Mobiles are shown whole
 * only to staff over the compound (the privacy notice says so); the grid worker and secretary see them masked.
 */
export async function JoinQueue({
  actor,
  compound,
  answers,
}: {
  actor: Actor;
  compound: CompoundSummary;
  answers: boolean;
}) {
  const [t, tr, format] = await Promise.all([getTranslations('join'), getTranslations('roles'), getFormatter()]);
  const whole = staffOverCompound(actor, compound);
  const shown = (mobile: string) => (whole ? mobile : maskMobile(mobile));
  const requests = pendingJoinRequests(compound.id).map((r) => ({ ...r, mobile: shown(r.mobile) }));
  const residents = residentsOfCompound(compound.id);
  return (
    <>
      {answers && (
        <section aria-labelledby="join-queue" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="join-queue" className="mb-2 font-semibold text-lg">
            {t('queueTitle')}
          </h2>
          <JoinRequests items={requests} now={Date.now()} />
        </section>
      )}
      <section aria-labelledby="residents" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="residents" className="mb-2 font-semibold text-lg">
          {t('residentsTitle')}
        </h2>
        {residents.length === 0 ? (
          <p className="text-stone-600">{t('residentsNone')}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {residents.map((r) => (
              <li key={r.membershipId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="font-medium">{r.name}</span>
                <span>{tr(r.role)}</span>
                <span className="text-stone-700">{r.unitLabel ?? ''}</span>
                <span className="text-sm text-stone-600 tabular-nums">{shown(r.mobile)}</span>
                {r.endsAt !== null && (
                  <span className="text-sm text-stone-600">
                    {t('until', {
                      date: format.dateTime(new Date(r.endsAt), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }),
                    })}
                  </span>
                )}
                <span className="ml-auto">
                  <MoveOutButton compoundId={compound.id} membershipId={r.membershipId} label={r.name} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
