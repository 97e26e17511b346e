import type { DecisionView, FollowThrough } from '@/db/followthrough/read';
import { DAY_MS, TASK_PARTIES } from '@/lib/followthrough/rules';
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
  return [
    { kind: 'textarea', name: 'body', label: t('decisionBody'), maxLength: 2000, rows: 4, defaultValue: draft?.body },
    {
      kind: 'select',
      name: 'voteId',
      label: t('restsOnVote'),
      defaultValue: String(draft?.voteId ?? votes[0]?.id ?? ''),
      options: [{ value: '', label: t('noVote') }, ...votes.map((v) => ({ value: String(v.id), label: v.question }))],
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
