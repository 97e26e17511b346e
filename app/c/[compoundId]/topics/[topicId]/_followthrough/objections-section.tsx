import type { ObjectionView } from '@/db/followthrough/read';
import type { FollowThroughAbilities } from '@/lib/followthrough/abilities';
import { SpecForm } from '../../../../../_components/spec-form';
import { CARD, followText } from './follow-text';
import { answerObjectionAction, objectAction } from './objection-actions';

/** Objections (异议) with their answers, the deciders' answer forms and a resident's objection form. */
export async function ObjectionsSection(props: {
  compoundId: number;
  topicId: number;
  objections: readonly ObjectionView[];
  may: Pick<FollowThroughAbilities, 'answerable' | 'object'>;
}) {
  const { compoundId, topicId, objections, may } = props;
  if (objections.length === 0 && !may.object) return null;
  const { t, when, colon } = await followText();
  return (
    <section aria-labelledby="objections-h" className={`${CARD} space-y-3`}>
      <h3 id="objections-h" className="font-semibold text-lg">
        {t('objections')}
      </h3>
      {objections.length === 0 && <p className="text-stone-600">{t('noObjections')}</p>}
      <ul className="space-y-3">
        {objections.map((o) => (
          <li key={o.id} className="rounded-lg bg-stone-50 p-3">
            <p className="text-sm text-stone-600">
              {o.authorName} · {when(o.createdAt)}
            </p>
            <p className="whitespace-pre-wrap">{o.reason}</p>
            {o.outcome === null ? (
              <p className="mt-1 text-amber-800 text-sm">{t('objectionWaiting')}</p>
            ) : (
              <p className="mt-2 rounded-md bg-white p-2 ring-1 ring-stone-200">
                <span className="font-medium">
                  {t('answerBy', {
                    outcome: o.outcome === 'upheld' ? t('upheld') : t('dismissed'),
                    name: o.answererName ?? '',
                  })}
                  {colon}
                </span>
                {o.answer}
              </p>
            )}
            {may.answerable.includes(o.id) && (
              <SpecForm
                action={answerObjectionAction.bind(null, compoundId)}
                hidden={{ objectionId: o.id }}
                className="mt-2"
                fields={[
                  {
                    kind: 'radio',
                    name: 'outcome',
                    label: t('answerObjection'),
                    options: [
                      { value: 'dismissed', label: t('dismiss') },
                      { value: 'upheld', label: t('uphold') },
                    ],
                  },
                  { kind: 'textarea', name: 'answer', label: t('answerReason'), maxLength: 500 },
                ]}
                submit={t('sendAnswer')}
              />
            )}
          </li>
        ))}
      </ul>
      {may.object && (
        <SpecForm
          action={objectAction.bind(null, compoundId)}
          hidden={{ topicId }}
          fields={[{ kind: 'textarea', name: 'reason', label: t('objectionReason'), maxLength: 500 }]}
          submit={t('object')}
          variant="secondary"
        />
      )}
    </section>
  );
}
