import { getFormatter, getTranslations } from 'next-intl/server';
import { coOwnersOf, myTenancies, myUnits } from '@/db/households/home';
import { joinRequestsForVoter, myJoinRequests } from '@/db/households/join';
import { pendingVoterChanges } from '@/db/households/voter-change';
import { formatArea } from '@/lib/area';
import { maskMobile } from '@/lib/activation/mask';
import { votingWay } from '@/lib/households/rules';
import { JoinRequests } from '../_components/join-requests';
import { ConfirmVoterForm, ProposeVoterForm } from './voter-forms';

/**
 * "My home" (我的房屋): the person's units with their area and its source, how they vote for each, the requests
 * waiting for them or made by them, and how to object to a wrong area.
 */
export async function MyHome({ personId }: { personId: number }) {
  const [t, tr, treg, troles, format] = await Promise.all([
    getTranslations('myHome'),
    getTranslations('join'),
    getTranslations('register'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const units = myUnits(personId);
  const coOwners = coOwnersOf(personId);
  const changes = pendingVoterChanges(personId);
  const tenancies = myTenancies(personId);
  const toAnswer = joinRequestsForVoter(personId).map((r) => ({ ...r, mobile: maskMobile(r.mobile) }));
  const mine = myJoinRequests(personId);
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' });
  // A confirmed proxy in an assembly that has not closed speaks for the household there (docs/decisions/0017).
  const how = (u: (typeof units)[number]) => {
    const way = votingWay(personId, u.voterId, u.proxyAgentId);
    return way === 'co_owner' ? t('way.co_owner', { name: u.voterName ?? '' }) : t(`way.${way}`);
  };
  return (
    <section aria-labelledby="my-home" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="my-home" className="mb-3 font-semibold text-lg">
        {t('title')}
      </h2>
      {units.length === 0 && tenancies.length === 0 ? (
        <p className="text-stone-600">{t('none')}</p>
      ) : (
        <ul className="space-y-3">
          {units.map((u) => {
            const others = coOwners.filter((c) => c.holderId === u.holderId && c.personId !== u.voterId);
            const change = changes.find((c) => c.holderId === u.holderId);
            const confirmed = change ? (JSON.parse(change.confirmedBy) as number[]).includes(personId) : false;
            return (
              <li key={u.unitId} className="rounded-lg bg-stone-50 p-3">
                <p className="font-medium">
                  {u.compoundName} {u.label}
                </p>
                <p className="text-stone-700">
                  {t('area', { area: formatArea(u.areaCenti), source: treg(`sources.${u.areaSource}`) })}
                  {' · '}
                  {treg(`kinds.${u.holderKind}`)}
                </p>
                <p className="text-stone-700">{how(u)}</p>
                {change && (
                  <div className="mt-1 text-amber-950 text-sm">
                    {t('changePending', { by: change.proposedByName, name: change.newVoterName })}
                    {!confirmed && <ConfirmVoterForm changeId={change.id} label={change.newVoterName} />}
                  </div>
                )}
                {u.holderKind === 'co_owners' && !change && others.length > 0 && (
                  <details className="mt-1 text-sm">
                    <summary className="cursor-pointer text-brand-700">{t('changeVoter')}</summary>
                    <p className="mt-1 text-stone-600">{t('changeVoterHint')}</p>
                    <ProposeVoterForm holderId={u.holderId} others={others} />
                  </details>
                )}
              </li>
            );
          })}
          {tenancies.map((m) => (
            <li key={m.membershipId} className="rounded-lg bg-stone-50 p-3">
              <p className="font-medium">
                {m.compoundName} {m.label ?? ''}
              </p>
              <p className="text-stone-700">
                {troles(m.role)}
                {m.endsAt !== null ? ` · ${tr('until', { date: day(m.endsAt) })}` : ''} · {t('way.none')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {(toAnswer.length > 0 || units.some((u) => u.voterId === personId)) && (
        <div className="mt-5">
          <h3 className="mb-1 font-semibold">{t('toAnswer')}</h3>
          <JoinRequests items={toAnswer} now={Date.now()} />
        </div>
      )}
      {mine.length > 0 && (
        <div className="mt-5">
          <h3 className="mb-1 font-semibold">{t('myRequests')}</h3>
          <ul className="text-stone-700">
            {mine.map((r) => (
              <li key={r.id}>
                {r.compoundName} {r.unitLabel} · {tr(`relations.${r.relation as 'tenant'}`)} ·{' '}
                {t(`status.${r.status as 'pending'}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {units.length > 0 && <p className="mt-4 text-sm text-stone-600">{t('areaObjection')}</p>}
    </section>
  );
}
