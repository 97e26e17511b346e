import { getTranslations } from 'next-intl/server';
import type { householdVoters } from '@/db/assembly/mine';

/**
 * Why someone who looks at an owners' decision has no ballot, in plain words: a co-owner is told who
 * votes for their household; a tenant why tenants do not vote; anyone else that they are not on the list.
 */
export async function NoBallotSection({
  household,
  isTenant,
}: {
  household: ReturnType<typeof householdVoters>;
  isTenant: boolean;
}) {
  const t = await getTranslations('votes.noBallot');
  const lines = household.length
    ? household.map((h) =>
        h.voterName
          ? t('coOwner', { household: h.holderName, voter: h.voterName })
          : t('noVoter', { household: h.holderName }),
      )
    : [isTenant ? t('tenant') : t('notListed')];
  return (
    <section
      aria-labelledby="no-ballot-h"
      className="space-y-2 rounded-xl bg-sky-50 p-5 text-sky-950 ring-1 ring-sky-200"
    >
      <h2 id="no-ballot-h" className="font-semibold text-lg">
        {t('title')}
      </h2>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </section>
  );
}
