'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../_components/button';
import { PhotoField } from '../../../_components/photo-field';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { importUnitsAction } from './actions';

export function ImportForm({ compoundId }: { compoundId: number }) {
  const t = useTranslations('admin');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(importUnitsAction.bind(null, compoundId), {
    resetOnSuccess: true,
  });
  const details = state && !state.ok ? (state.details ?? []) : [];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <PhotoField
        label={t('csvFile')}
        name="file"
        accept=".csv,text/csv"
        multiple={false}
        error={fieldError('file')}
        texts={{ choose: t('chooseFile'), none: t('noFile'), chosen: t('fileChosen') }}
      />
      <FormStatus state={state} />
      {details.length > 0 && (
        <ul
          aria-label={t('importErrors')}
          className="max-h-96 list-none space-y-1 overflow-auto rounded-lg bg-brand-50 p-3 text-brand-800 text-sm"
        >
          {details.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row can carry several errors; the list never reorders
            <li key={i}>{d.text}</li>
          ))}
        </ul>
      )}
      {state && !state.ok && state.code === 'importLookalike' && (
        <label className="flex min-h-11 items-center gap-3 rounded-lg bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
          <input type="checkbox" name="confirmLookalike" className="size-5 accent-brand-700" />
          {t('confirmLookalike')}
        </label>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t('importing') : t('import')}
      </Button>
    </form>
  );
}
