'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../_components/button';
import { TextField } from '../../../_components/field';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { resetPasswordAction, revokeRoleAction } from '../actions';

export function RevokeRoleButton({ membershipId, label }: { membershipId: number; label: string }) {
  const t = useTranslations('people');
  const { state, pending, onSubmit } = useActionForm(revokeRoleAction);
  return (
    <form
      onSubmit={(e) => {
        if (!window.confirm(t('confirmRevoke', { role: label }))) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="ml-auto"
    >
      <input type="hidden" name="membershipId" value={membershipId} />
      <Button type="submit" variant="danger" disabled={pending}>
        {t('revoke')}
        <span className="sr-only">{label}</span>
      </Button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}

export function ResetPasswordForm({ personId }: { personId: number }) {
  const t = useTranslations('people');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(resetPasswordAction, {
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="personId" value={personId} />
      <TextField
        label={t('newPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={fieldError('password')}
      />
      <FormStatus state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('resetPassword')}
      </Button>
    </form>
  );
}
