import Link from 'next/link';
import type { DecisionView, FollowThrough } from '@/db/followthrough/read';
import type { FollowThroughAbilities } from '@/lib/followthrough/abilities';
import { decisionChoices } from '@/lib/followthrough/decision-basis';
import type { Roles } from '@/lib/auth/roles';
import { planMove } from '@/lib/topics/lifecycle';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { DAY_MS } from '@/lib/followthrough/rules';
import type { TopicStatus } from '@/lib/topics/lifecycle';
import { buttonClass } from '../../../../../_components/button';
import { SpecForm } from '../../../../../_components/spec-form';
import { publishDecisionAction, recordDecisionAction, recordNotPassedAction } from './decision-actions';
import { decisionFields } from './decision-fields';
import { CARD, followText } from './follow-text';

/** Step 5: the decision with its notice period (公示), and the deciders' button to publish it. */
export async function DecisionSection(props: {
  compoundId: number;
  topic: { id: number; status: TopicStatus };
  decision: DecisionView | null;
  may: Pick<FollowThroughAbilities, 'publish'>;
  now: number;
}) {
  const { compoundId, topic, decision, may, now } = props;
  if (!decision) return null;
  const { t, when, partyLabel } = await followText();
  return (
    <article aria-labelledby="decision-h" className={`${CARD} space-y-2`}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="decision-h" className="font-semibold text-lg">
          {t('decision')}
        </h3>
        <Link
          href={`/c/${compoundId}/topics/${topic.id}/notice`}
          className={buttonClass('secondary', 'ml-auto no-print')}
        >
          {t('printNotice')}
        </Link>
      </div>
      {decision.voteVerdict === 'passed' && <p className="font-semibold text-emerald-900">✓ {t('restsOnPassed')}</p>}
      <p className="whitespace-pre-wrap text-lg">{decision.body}</p>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {decision.voteId !== null && (
          <>
            <dt className="text-stone-600">{t('restsOnVote')}</dt>
            <dd>
              <Link href={`/c/${compoundId}/votes/${decision.voteId}`} className="text-brand-700 underline">
                {decision.voteQuestion}
              </Link>
            </dd>
          </>
        )}
        <dt className="text-stone-600">{t('responsible')}</dt>
        <dd>{partyLabel(decision.party, decision.companyName)}</dd>
        <dt className="text-stone-600">{t('deadline')}</dt>
        <dd>{when(decision.deadlineAt)}</dd>
        <dt className="text-stone-600">{t('recordedBy')}</dt>
        <dd>
          {decision.recorderName} · {when(decision.recordedAt)}
        </dd>
      </dl>
      {decision.minutes && (
        <details>
          <summary className="cursor-pointer font-medium">{t('minutes')}</summary>
          <p className="mt-1 whitespace-pre-wrap">{decision.minutes}</p>
        </details>
      )}
      {decision.noticeEndsAt !== null && topic.status === 'publicised' && (
        <p className="rounded-lg bg-sky-50 p-3 text-sky-900">
          {now < decision.noticeEndsAt
            ? t('noticeUntil', {
                time: when(decision.noticeEndsAt),
                days: Math.ceil((decision.noticeEndsAt - now) / DAY_MS),
              })
            : t('noticeOverPending')}
        </p>
      )}
      {topic.status === 'decided' && <p className="rounded-lg bg-amber-50 p-3 text-amber-900">{t('draftHint')}</p>}
      {may.publish && (
        <SpecForm
          action={publishDecisionAction.bind(null, compoundId)}
          hidden={{ topicId: topic.id }}
          fields={[]}
          submit={t('publish')}
        />
      )}
    </article>
  );
}

/**
 * Step 5: the form the deciders record the decision with, or revise it with until it is published. On a
 * topic whose owners' decisions all failed, only the record that it did not pass is offered, and the form
 * says why (a decision can never contradict its vote).
 */
export async function RecordDecision(props: {
  compound: { id: number; companyIds: readonly number[] };
  topic: { id: number; status: TopicStatus };
  data: Pick<FollowThrough, 'decision' | 'closedVotes' | 'companies'>;
  may: Pick<FollowThroughAbilities, 'decide'>;
  roles: Roles;
  now: number;
}) {
  const { compound, topic, data, may, now } = props;
  const { t } = await followText();
  const votes = data.closedVotes.map((v) => ({ id: v.id, kind: v.kind, outcome: outcomeOf(parseResult(v.result)) }));
  const choices = decisionChoices(votes);
  if (!choices.canDecide) {
    if (!planMove('record_not_passed', topic.status, props.roles).ok) return null;
    const failed = data.closedVotes.filter((v) => choices.notPassed.some((f) => f.id === v.id));
    return (
      <section aria-labelledby="not-passed-h" className={`${CARD} space-y-3 bg-amber-50 ring-amber-300`}>
        <h3 id="not-passed-h" className="font-semibold text-lg">
          {t('notPassedTitle')}
        </h3>
        <p>{t('notPassedWhy')}</p>
        <SpecForm
          action={recordNotPassedAction.bind(null, compound.id)}
          hidden={{ topicId: topic.id }}
          submit={t('notPassedSubmit')}
          fields={[
            {
              kind: 'select',
              name: 'voteId',
              label: t('notPassedVote'),
              defaultValue: String(failed[0]?.id ?? ''),
              options: failed.map((v) => ({
                value: String(v.id),
                label: t('voteFailedLabel', { question: v.question }),
              })),
            },
            {
              kind: 'textarea',
              name: 'note',
              label: t('notPassedNote'),
              hint: t('notPassedNoteHint'),
              maxLength: 500,
              rows: 3,
            },
          ]}
        />
      </section>
    );
  }
  if (!may.decide) return null;
  const draft = topic.status === 'decided' ? data.decision : null;
  return (
    <details className={`${CARD} bg-amber-50 ring-amber-300`} open={topic.status !== 'decided'}>
      <summary className="cursor-pointer font-semibold text-lg">
        {topic.status === 'decided' ? t('reviseDecision') : t('recordDecision')}
      </summary>
      <SpecForm
        action={recordDecisionAction.bind(null, compound.id)}
        hidden={{ topicId: topic.id }}
        fields={await decisionFields({ compound, data, draft, now })}
        submit={t('saveDecision')}
        resetOnSuccess={false}
        className="mt-3"
      />
    </details>
  );
}
