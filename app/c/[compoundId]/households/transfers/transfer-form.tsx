'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../_components/button';
import { SelectField, TextArea, TextField } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { recordTransferAction } from './actions';

/** One change of owner, as the register extract states it. */
export function TransferForm({
  compoundId,
  buildings,
  today,
}: {
  compoundId: number;
  buildings: { id: number; name: string }[];
  today: string;
}) {
  const t = useTranslations('transfers');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(recordTransferAction.bind(null, compoundId), {
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <SelectField label={t('building')} name="buildingId" defaultValue="" error={fieldError('buildingId')}>
          <option value="" disabled>
            {t('chooseBuilding')}
          </option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('unit')} name="unit" placeholder="2单元501" maxLength={40} error={fieldError('unit')} />
      </div>
      <TextField
        label={t('effective')}
        name="effective"
        type="date"
        defaultValue={today}
        hint={t('effectiveHint')}
        error={fieldError('effective')}
      />
      <TextArea label={t('owners')} name="owners" rows={2} hint={t('ownersHint')} error={fieldError('owners')} />
      <TextField
        label={t('voter')}
        name="voter"
        inputMode="numeric"
        maxLength={11}
        hint={t('voterHint')}
        error={fieldError('voter')}
      />
      <TextField label={t('reference')} name="reference" maxLength={60} error={fieldError('reference')} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? t('recording') : t('record')}
      </Button>
    </form>
  );
}
