'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../_components/button';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { CompoundSettingsFields, type SettingsValues } from '../../compound-settings-fields';
import { updateCompoundAction } from './actions';

export function SettingsForm({ compoundId, values }: { compoundId: number; values: SettingsValues }) {
  const t = useTranslations('admin');
  const { state, pending, onSubmit, fieldError } = useActionForm(updateCompoundAction.bind(null, compoundId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <CompoundSettingsFields values={values} fieldError={fieldError} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
