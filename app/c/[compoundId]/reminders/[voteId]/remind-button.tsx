'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../_components/button';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { markRemindedAction } from '../actions';

/** One button that notes one household (or a whole building) as reminded. */
export function RemindButton({
  compoundId,
  voteId,
  voterKeys,
  label,
  who,
  variant = 'secondary',
}: {
  compoundId: number;
  voteId: number;
  voterKeys: readonly string[];
  /** What the button says, naming the household or building (its accessible name too). */
  label: string;
  /** Whom it is about, for screen readers (the visible label starts the accessible name). */
  who?: string;
  variant?: 'primary' | 'secondary';
}) {
  const t = useTranslations('reminders');
  const { state, pending, onSubmit } = useActionForm(markRemindedAction.bind(null, compoundId));
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="voteId" value={voteId} />
      {voterKeys.map((k) => (
        <input key={k} type="hidden" name="voterKeys" value={k} />
      ))}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? t('saving') : label}
        {who && !pending && <span className="sr-only"> {who}</span>}
      </Button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}
