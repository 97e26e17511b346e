import { getTranslations } from 'next-intl/server';
import { assemblyRulesOf } from '@/db/assembly/rules';
import { SpecForm } from '../../../_components/spec-form';
import { updateAssemblyRulesAction } from './assembly-rules-actions';

/** The compound's owners' assembly rules (docs/domain/owners-assembly.md), with the district's minimum stated. */
export async function AssemblyRulesSection({ compoundId }: { compoundId: number }) {
  const settings = assemblyRulesOf(compoundId);
  if (!settings) return null;
  const t = await getTranslations('assembly.rulesForm');
  const r = settings.rules;
  const number = (name: string, value: number, min: number, max: number, hint?: string) => ({
    kind: 'number' as const,
    name,
    label: t(name as 'assemblyNoticeDays'),
    defaultValue: String(value),
    min,
    max,
    hint,
  });
  return (
    <section aria-labelledby="assembly-rules" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="assembly-rules" className="mb-2 font-semibold text-lg">
        {t('title')}
      </h2>
      <p className="mb-4 text-sm text-stone-600">{t('intro', { days: settings.districtMin })}</p>
      <SpecForm
        action={updateAssemblyRulesAction.bind(null, compoundId)}
        resetOnSuccess={false}
        submit={t('save')}
        fields={[
          number(
            'assemblyNoticeDays',
            settings.compoundNoticeDays,
            settings.districtMin,
            90,
            t('noticeHint', { days: settings.districtMin }),
          ),
          number('votingMinDays', r.votingMinDays, 1, 60),
          number('maxProxies', r.maxProxies, 1, 10),
          number('committeeSeats', r.committeeSeats, 5, 11, t('seatsHint')),
          number('committeeAlternates', r.committeeAlternates, 0, 5),
          number('handoverDays', r.handoverDays, 0, 60, t('handoverHint')),
        ]}
      />
    </section>
  );
}
