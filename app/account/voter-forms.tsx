'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../_components/button';
import { SelectField } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { useActionForm } from '../_components/use-action-form';
import { confirmVoterAction, proposeVoterAction } from './home-actions';

/** A co-owner proposes another co-owner as the household's voter. */
export function ProposeVoterForm({
  holderId,
  others,
}: {
  holderId: number;
  others: { personId: number; name: string }[];
}) {
  const t = useTranslations('myHome');
  const { state, pending, onSubmit, fieldError } = useActionForm(proposeVoterAction);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <input type="hidden" name="holderId" value={holderId} />
      <SelectField
        label={t('newVoter')}
        name="newVoterId"
        defaultValue={others[0]?.personId}
        error={fieldError('newVoterId')}
      >
        {others.map((o) => (
          <option key={o.personId} value={o.personId}>
            {o.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('propose')}
      </Button>
      <div className="w-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}

/** The other co-owner confirms the proposed change. */
export function ConfirmVoterForm({ changeId, label }: { changeId: number; label: string }) {
  const t = useTranslations('myHome');
  const { state, pending, onSubmit } = useActionForm(confirmVoterAction);
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form onSubmit={onSubmit} className="mt-2 flex flex-wrap items-center gap-2">
      <input type="hidden" name="changeId" value={changeId} />
      <Button type="submit" disabled={pending} aria-label={`${t('confirm')}：${label}`}>
        {t('confirm')}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
