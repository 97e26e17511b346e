import type { listObjections } from '@/db/assembly/objections';
import type { AssemblyRow } from '@/db/assembly/read';
import { formatArea } from '@/lib/area';
import type { Roles } from '@/lib/auth/roles';
import { canAnswerRegisterObjection } from '@/lib/assembly/rules';
import { SpecForm } from '../../../../../_components/spec-form';
import { answerRegisterObjectionAction } from '../../register-actions';
import { assemblyText, CARD } from './text';

/**
 * Objections to the register: the committee sees them all and answers each (a correction before the
 * opening changes the frozen electorate; after it an objection is noted against the result); an owner
 * sees their own. After the close every objection is listed for all, as part of the record.
 */
export async function ObjectionsSection({
  compoundId,
  assembly,
  objections,
  committee,
  roles,
  now,
}: {
  compoundId: number;
  assembly: AssemblyRow;
  objections: ReturnType<typeof listObjections>;
  committee: boolean;
  roles: Roles;
  now: number;
}) {
  const { t, when } = await assemblyText();
  if (objections.length === 0 && !committee) return null;
  const beforeOpening = assembly.status === 'announced' && now < assembly.startsAt;
  const m2 = (centi: number | null) => (centi === null ? '' : `${formatArea(centi)} m²`);
  return (
    <section aria-labelledby="objections-h" className={`${CARD} space-y-3`}>
      <h2 id="objections-h" className="font-semibold text-xl">
        {t('objections', { count: objections.length })}
      </h2>
      {objections.length === 0 && <p className="text-stone-600">{t('noObjections')}</p>}
      <ul className="space-y-3">
        {objections.map((o) => {
          const outcome = beforeOpening ? 'corrected' : 'noted';
          const mayAnswer =
            canAnswerRegisterObjection(roles, assembly, { answeredAt: o.answeredAt }, outcome, now) === null;
          return (
            <li key={o.id} className="space-y-2 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
              <p className="font-medium">
                {o.place} · {t(`objectKinds.${o.kind}`)}
                {o.claimedAreaCenti !== null && ` · ${t('claims', { area: m2(o.claimedAreaCenti) })}`}
              </p>
              <p className="text-sm text-stone-600">
                {o.authorName} · {when(o.createdAt)}
              </p>
              <p className="whitespace-pre-wrap">{o.reason}</p>
              {o.outcome && (
                <p className="rounded-md bg-white p-2 text-sm ring-1 ring-stone-200">
                  <strong>{t(`objectionOutcomes.${o.outcome}`)}</strong>
                  {o.outcome === 'corrected' &&
                    o.areaBeforeCenti !== null &&
                    o.areaAfterCenti !== null &&
                    o.areaBeforeCenti !== o.areaAfterCenti &&
                    ` · ${t('areaChanged', { before: m2(o.areaBeforeCenti), after: m2(o.areaAfterCenti) })}`}
                  {' · '}
                  {o.answer} — {o.answererName}
                </p>
              )}
              {mayAnswer && (
                <SpecForm
                  action={answerRegisterObjectionAction.bind(null, compoundId)}
                  hidden={{ objectionId: o.id }}
                  submit={t('answerSubmit')}
                  fields={[
                    {
                      kind: 'radio',
                      name: 'outcome',
                      label: t('answerOutcome'),
                      defaultValue: beforeOpening ? 'corrected' : 'noted',
                      options: (beforeOpening
                        ? (['corrected', 'dismissed'] as const)
                        : (['noted', 'dismissed'] as const)
                      ).map((v) => ({ value: v, label: t(`objectionOutcomes.${v}`) })),
                      reveals:
                        o.kind === 'area' ? { correctedArea: ['corrected'], areaSource: ['corrected'] } : undefined,
                    },
                    ...(o.kind === 'area'
                      ? [
                          {
                            kind: 'text' as const,
                            name: 'correctedArea',
                            label: t('correctedArea'),
                            hint: t('currentArea', { area: m2(o.currentAreaCenti) }),
                            defaultValue: o.claimedAreaCenti === null ? '' : formatArea(o.claimedAreaCenti),
                            maxLength: 12,
                          },
                          {
                            kind: 'select' as const,
                            name: 'areaSource',
                            label: t('areaSource'),
                            defaultValue: 'register',
                            options: (['register', 'survey', 'contract'] as const).map((v) => ({
                              value: v,
                              label: t(`areaSources.${v}`),
                            })),
                          },
                        ]
                      : []),
                    { kind: 'textarea', name: 'answer', label: t('answerText'), maxLength: 500, rows: 2 },
                  ]}
                />
              )}
            </li>
          );
        })}
      </ul>
      {committee && beforeOpening && <p className="text-sm text-stone-600">{t('correctionHint')}</p>}
    </section>
  );
}
