'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../_components/button';
import { SelectField, TextArea } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { useActionForm } from '../_components/use-action-form';
import { requestCorrectionAction } from './home-actions';

/** Ask staff to correct something the platform holds: the area of a home, a name, a unit. */
export function CorrectionForm({ units }: { units: { unitId: number; label: string }[] }) {
  const t = useTranslations('myHome');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(requestCorrectionAction, {
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField label={t('correctionTopic')} name="topic" defaultValue="area" error={fieldError('topic')}>
          {(['area', 'name', 'unit', 'other'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`topics.${k}`)}
            </option>
          ))}
        </SelectField>
        {units.length > 0 && (
          <SelectField label={t('correctionUnit')} name="unitId" defaultValue="" error={fieldError('unitId')}>
            <option value="">{t('noUnit')}</option>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.label}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <TextArea
        label={t('correctionBody')}
        name="body"
        maxLength={500}
        hint={t('correctionHint')}
        error={fieldError('body')}
      />
      <FormStatus state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('sendCorrection')}
      </Button>
    </form>
  );
}
