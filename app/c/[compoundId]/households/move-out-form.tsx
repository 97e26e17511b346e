'use client';

import { useTranslations } from 'next-intl';
import { moveOutAction } from '../../../join-actions';
import { Button } from '../../../_components/button';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';

/** Records that a tenant or family member has moved out: their role for the unit ends now. */
export function MoveOutButton({
  compoundId,
  membershipId,
  label,
}: {
  compoundId: number;
  membershipId: number;
  label: string;
}) {
  const t = useTranslations('join');
  const { state, pending, onSubmit } = useActionForm(moveOutAction.bind(null, compoundId));
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form onSubmit={onSubmit} className="inline-flex items-center gap-2">
      <input type="hidden" name="membershipId" value={membershipId} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`${t('moveOutNow')}：${label}`}>
        {t('moveOutNow')}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
