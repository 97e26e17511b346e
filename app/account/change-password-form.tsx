'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../_components/button';
import { TextField } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { useActionForm } from '../_components/use-action-form';
import { changePasswordAction } from './actions';

export function ChangePasswordForm() {
  const t = useTranslations('account');
  const { state, pending, onSubmit, formRef, fieldError, besideFields } = useActionForm(changePasswordAction, {
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        label={t('current')}
        name="current"
        type="password"
        autoComplete="current-password"
        error={fieldError('current')}
      />
      <TextField
        label={t('new')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('hint')}
        error={fieldError('password')}
      />
      <TextField
        label={t('confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        error={fieldError('confirm')}
      />
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" disabled={pending}>
        {t('changePassword')}
      </Button>
    </form>
  );
}
