'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../_components/button';
import { PhotoField } from '../../../../_components/photo-field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { importTransfersAction } from './actions';

/** A register extract's changes of owner, as a CSV file: all rows or none. */
export function TransfersFileForm({ compoundId }: { compoundId: number }) {
  const t = useTranslations('transfers');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(
    importTransfersAction.bind(null, compoundId),
    {
      resetOnSuccess: true,
    },
  );
  const details = state && !state.ok ? (state.details ?? []) : [];
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <PhotoField
        label={t('csvFile')}
        name="file"
        accept=".csv,text/csv"
        multiple={false}
        hint={t('csvHint')}
        error={fieldError('file')}
        texts={{ choose: t('chooseFile'), none: t('noFile'), chosen: t('fileChosen') }}
      />
      <FormStatus state={state} />
      {details.length > 0 && (
        <ul
          aria-label={t('csvErrors')}
          className="max-h-72 space-y-1 overflow-auto rounded-lg bg-brand-50 p-3 text-brand-800 text-sm"
        >
          {details.map((d) => (
            <li key={`${d.line}-${d.text}`}>{d.text}</li>
          ))}
        </ul>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('recording') : t('csvImport')}
      </Button>
    </form>
  );
}
