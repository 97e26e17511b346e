'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '../../_components/button';
import { TextField } from '../../_components/field';
import { FormStatus } from '../../_components/form-status';
import { useActionForm } from '../../_components/use-action-form';
import { createAccountAction } from './actions';

export function CreateAccountForm() {
  const t = useTranslations('people');
  const { state, pending, onSubmit, formRef, fieldError, besideFields } = useActionForm(createAccountAction, {
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('name')} name="name" maxLength={40} autoComplete="off" error={fieldError('name')} />
        <TextField
          label={t('mobile')}
          name="mobile"
          inputMode="numeric"
          maxLength={11}
          autoComplete="off"
          error={fieldError('mobile')}
        />
      </div>
      <TextField
        label={t('initialPassword')}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t('passwordHint')}
        error={fieldError('password')}
      />
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="partyMember" className="size-5 accent-brand-700" />
        {t('partyMember')}
      </label>
      {state && !state.ok && state.code === 'lookalikeOfficial' && (
        <label className="flex min-h-11 items-center gap-3 rounded-lg bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
          <input type="checkbox" name="confirmLookalike" className="size-5 accent-brand-700" />
          {t('confirmLookalike')}
        </label>
      )}
      <FormStatus state={state} besideFields={besideFields} />
      {state?.ok && (
        <Link href={`/admin/people/${state.data.personId}`} className="block text-brand-700 underline">
          {t('giveRoles')}
        </Link>
      )}
      <Button type="submit" disabled={pending}>
        {t('createAccount')}
      </Button>
    </form>
  );
}
