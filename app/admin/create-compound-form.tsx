'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '../_components/button';
import { SelectField } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { useActionForm } from '../_components/use-action-form';
import { createCompoundAction } from './actions';
import { CompoundSettingsFields, DEFAULT_SETTINGS } from './compound-settings-fields';

export function CreateCompoundForm({ communities }: { communities: { id: number; label: string }[] }) {
  const t = useTranslations('admin');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(createCompoundAction, {
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <SelectField label={t('community')} name="communityId" error={fieldError('communityId')} defaultValue="">
        <option value="" disabled>
          {t('chooseCommunity')}
        </option>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <CompoundSettingsFields values={DEFAULT_SETTINGS} fieldError={fieldError} />
      <FormStatus state={state} />
      {state?.ok && (
        <Link href={`/admin/compounds/${state.data.id}`} className="block text-brand-700 underline">
          {t('continueSetup')}
        </Link>
      )}
      <Button type="submit" disabled={pending}>
        {t('createCompound')}
      </Button>
    </form>
  );
}
