import { getTranslations } from 'next-intl/server';
import { districtMinimum } from '@/db/assembly/rules';
import type { Actor } from '@/lib/auth/permissions';
import { SpecForm } from '../_components/spec-form';
import { setDistrictMinimumAction } from './district-rules-actions';

/** A district admin sets the shortest notice period before an owners' assembly votes, for every compound of the district. */
export async function DistrictRules({ actor }: { actor: Actor }) {
  const ids = actor.memberships.filter((m) => m.role === 'district_admin').map((m) => m.scopeId);
  if (ids.length === 0) return null;
  const t = await getTranslations('assembly.districtForm');
  return (
    <>
      {ids.map((id) => {
        const d = districtMinimum(id);
        if (!d) return null;
        return (
          <section
            key={id}
            aria-labelledby={`district-${id}`}
            className="rounded-xl bg-white p-5 ring-1 ring-stone-200"
          >
            <h2 id={`district-${id}`} className="mb-2 font-semibold text-lg">
              {t('title', { name: d.name })}
            </h2>
            <p className="mb-3 text-sm text-stone-600">{t('intro')}</p>
            <SpecForm
              action={setDistrictMinimumAction}
              hidden={{ districtId: id }}
              resetOnSuccess={false}
              submit={t('save')}
              fields={[
                {
                  kind: 'number',
                  name: 'minAssemblyNoticeDays',
                  label: t('days'),
                  defaultValue: String(d.days),
                  min: 15,
                  max: 90,
                },
              ]}
            />
          </section>
        );
      })}
    </>
  );
}
