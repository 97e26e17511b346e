import type { EscalationView } from '@/db/followthrough/read';
import type { FollowThroughAbilities } from '@/lib/followthrough/abilities';
import { SpecForm } from '../../../../../_components/spec-form';
import { escalateAction } from './escalation-actions';
import { CARD, followText } from './follow-text';

/** Escalations (大事全网联动) with the answers that came back, and the deciders' form to send a matter up. */
export async function EscalationSection(props: {
  compoundId: number;
  topicId: number;
  escalations: readonly EscalationView[];
  may: Pick<FollowThroughAbilities, 'escalate'>;
}) {
  const { compoundId, topicId, escalations, may } = props;
  if (escalations.length === 0 && !may.escalate) return null;
  const { t, when, colon } = await followText();
  return (
    <section aria-labelledby="escalations-h" className={`${CARD} space-y-3`}>
      <h3 id="escalations-h" className="font-semibold text-lg">
        {t('escalations')}
      </h3>
      <ul className="space-y-3">
        {escalations.map((e) => (
          <li key={e.id} className="rounded-lg bg-stone-50 p-3">
            <p className="text-sm text-stone-600">
              {t(`levels.${e.level}`)} · {e.auto ? t('auto') : e.raisedByName} · {when(e.raisedAt)}
            </p>
            <p className="whitespace-pre-wrap">{e.auto ? t('autoReason', { days: e.reason }) : e.reason}</p>
            {e.state === 'open' && <p className="mt-1 text-amber-800 text-sm">{t('escalationWaiting')}</p>}
            {e.state !== 'open' && e.answer && (
              <p className="mt-2 rounded-md bg-white p-2 ring-1 ring-stone-200">
                <span className="font-medium">
                  {e.state === 'forwarded'
                    ? t('forwardedBy', { name: e.answererName ?? '' })
                    : t('answeredBy', { name: e.answererName ?? '' })}
                  {e.answeredAt !== null && ` · ${when(e.answeredAt)}`}
                  {colon}
                </span>
                {e.answer}
              </p>
            )}
          </li>
        ))}
      </ul>
      {may.escalate && (
        <details>
          <summary className="cursor-pointer font-medium text-brand-700">{t('escalate')}</summary>
          <SpecForm
            action={escalateAction.bind(null, compoundId)}
            hidden={{ topicId }}
            className="mt-2"
            fields={[{ kind: 'textarea', name: 'reason', label: t('escalationReason'), maxLength: 500 }]}
            submit={t('escalate')}
            variant="danger"
          />
        </details>
      )}
    </section>
  );
}
