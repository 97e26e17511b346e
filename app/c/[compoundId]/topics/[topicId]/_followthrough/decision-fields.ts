import type { DecisionView, FollowThrough } from '@/db/followthrough/read';
import { decisionChoices } from '@/lib/followthrough/decision-basis';
import { DAY_MS, TASK_PARTIES } from '@/lib/followthrough/rules';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { shanghaiMinute } from '@/lib/time';
import type { FieldSpec } from '../../../../../_components/spec-form';
import { followText } from './follow-text';

/**
 * The decision form: its text, the closed vote it rests on, minutes, who carries it out and by
 * when; filled in from the draft when the deciders revise it, else a month from now.
 */
export async function decisionFields(props: {
  compound: { companyIds: readonly number[] };
  data: Pick<FollowThrough, 'closedVotes' | 'companies'>;
  draft: DecisionView | null;
  now: number;
}): Promise<FieldSpec[]> {
  const { compound, draft, now } = props;
  const votes = props.data.closedVotes;
  const names = new Map(props.data.companies.map((c) => [c.id, c.name]));
  const { t } = await followText();
  // Only what the decision may rest on is offered: a passed owners' decision when the topic went to one.
  const choices = decisionChoices(
    votes.map((v) => ({ id: v.id, kind: v.kind, outcome: outcomeOf(parseResult(v.result)) })),
  );
  const basis = votes.filter((v) => choices.basis.some((b) => b.id === v.id));
  const label = (v: (typeof votes)[number]) =>
    v.kind === 'owners' ? t('votePassedLabel', { question: v.question }) : v.question;
  return [
    { kind: 'textarea', name: 'body', label: t('decisionBody'), maxLength: 2000, rows: 4, defaultValue: draft?.body },
    {
      kind: 'select',
      name: 'voteId',
      label: t('restsOnVote'),
      hint: choices.allowNone ? undefined : t('basisHint'),
      defaultValue: String(draft?.voteId ?? basis[0]?.id ?? ''),
      options: [
        ...(choices.allowNone ? [{ value: '', label: t('noVote') }] : []),
        ...basis.map((v) => ({ value: String(v.id), label: label(v) })),
      ],
    },
    {
      kind: 'textarea',
      name: 'minutes',
      label: t('minutes'),
      hint: t('minutesHint'),
      maxLength: 5000,
      rows: 4,
      defaultValue: draft?.minutes,
    },
    {
      kind: 'select',
      name: 'party',
      label: t('responsible'),
      defaultValue: draft?.party ?? 'property',
      options: TASK_PARTIES.map((p) => ({ value: p, label: t(`parties.${p}`) })),
      reveals: { companyId: ['property'] },
    },
    {
      kind: 'select',
      name: 'companyId',
      label: t('company'),
      defaultValue: String(draft?.companyId ?? compound.companyIds[0] ?? ''),
      options: compound.companyIds.map((id) => ({ value: String(id), label: names.get(id) ?? String(id) })),
    },
    {
      kind: 'datetime',
      name: 'deadline',
      label: t('deadline'),
      defaultValue: draft ? shanghaiMinute(draft.deadlineAt) : shanghaiMinute(now + 30 * DAY_MS),
    },
  ];
}
