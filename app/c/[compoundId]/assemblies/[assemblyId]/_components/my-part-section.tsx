import type { householdVoters, myUnits } from '@/db/assembly/mine';
import type { AssemblyRow } from '@/db/assembly/read';
import { SpecForm } from '../../../../../_components/spec-form';
import { registerObjectionAction } from '../../register-actions';
import { assemblyText, CARD } from './text';

/**
 * One's own entry in the frozen register, so an owner can check it before the vote opens and object:
 * the units, their areas, whose they are; who votes for a household one belongs to without being its
 * voter; and why a tenant has no ballot.
 */
export async function MyPartSection({
  compoundId,
  assembly,
  units,
  household,
  isTenant,
}: {
  compoundId: number;
  assembly: AssemblyRow;
  units: ReturnType<typeof myUnits>;
  household: ReturnType<typeof householdVoters>;
  isTenant: boolean;
}) {
  const { t, area, when } = await assemblyText();
  if (units.length === 0 && household.length === 0 && !isTenant) return null;
  return (
    <section aria-labelledby="mine-h" className={`${CARD} space-y-3`}>
      <h2 id="mine-h" className="font-semibold text-xl">
        {t('myPart')}
      </h2>
      {isTenant && units.length === 0 && <p className="rounded-lg bg-sky-50 p-3 text-sky-900">{t('tenantWhy')}</p>}
      {household.map((h) => (
        <p key={h.holderName} className="rounded-lg bg-sky-50 p-3 text-sky-900">
          {h.voterName ? t('householdVoter', { household: h.holderName, voter: h.voterName }) : t('householdNoVoter')}
        </p>
      ))}
      {units.length > 0 && (
        <>
          <ul className="divide-y divide-stone-200">
            {units.map((u) => (
              <li key={u.unitId} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-medium">{u.place}</span>
                <span className="tabular-nums">{area(u.areaCenti)}</span>
                <span className="w-full text-sm text-stone-600">{t('registeredTo', { name: u.holderName })}</span>
              </li>
            ))}
          </ul>
          {assembly.status !== 'closed' && (
            <details className="rounded-lg bg-amber-50 p-3" open={false}>
              <summary className="cursor-pointer font-medium text-amber-900">{t('objectTitle')}</summary>
              <p className="my-2 text-sm text-amber-900">
                {assembly.status === 'announced'
                  ? t('objectHint', { date: when(assembly.objectionsUntil) })
                  : t('objectAfterOpening')}
              </p>
              <SpecForm
                action={registerObjectionAction.bind(null, compoundId)}
                hidden={{ assemblyId: assembly.id }}
                submit={t('objectSubmit')}
                fields={[
                  {
                    kind: 'select',
                    name: 'unitId',
                    label: t('objectUnit'),
                    defaultValue: String(units[0]?.unitId ?? ''),
                    options: units.map((u) => ({
                      value: String(u.unitId),
                      label: t('withDetail', { name: u.place, detail: area(u.areaCenti) }),
                    })),
                  },
                  {
                    kind: 'radio',
                    name: 'kind',
                    label: t('objectKind'),
                    defaultValue: 'area',
                    options: [
                      { value: 'area', label: t('objectKinds.area') },
                      { value: 'holder', label: t('objectKinds.holder') },
                    ],
                    reveals: { claimedArea: ['area'] },
                  },
                  {
                    kind: 'text',
                    name: 'claimedArea',
                    label: t('claimedArea'),
                    hint: t('claimedAreaHint'),
                    maxLength: 12,
                  },
                  { kind: 'textarea', name: 'reason', label: t('objectReason'), maxLength: 500, rows: 3 },
                ]}
              />
            </details>
          )}
        </>
      )}
    </section>
  );
}
