'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../_components/button';
import { TextField } from '../../../_components/field';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { setServicesAction } from './actions';

export function ServicesForm({
  compoundId,
  companies,
  serving,
}: {
  compoundId: number;
  companies: { id: number; name: string }[];
  serving: number[];
}) {
  const t = useTranslations('admin');
  const { state, pending, onSubmit, fieldError } = useActionForm(setServicesAction.bind(null, compoundId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset>
        <legend className="mb-2 font-medium">{t('servingCompanies')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {companies.map((c) => (
            <label key={c.id} className="flex min-h-11 items-center gap-3 rounded-lg px-2 ring-1 ring-stone-200">
              <input
                type="checkbox"
                name="companyIds"
                value={c.id}
                defaultChecked={serving.includes(c.id)}
                className="size-5 accent-brand-700"
              />
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('newCompany')}
        name="newCompany"
        maxLength={60}
        hint={t('newCompanyHint')}
        error={fieldError('newCompany')}
      />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
    </form>
  );
}
