'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../_components/button';
import { TextField } from '../../_components/field';
import { FormStatus } from '../../_components/form-status';
import { useActionForm } from '../../_components/use-action-form';
import { saveQuietHoursAction } from './actions';

/** Quiet hours (免打扰): on or off, from and to, in the person's own time (Beijing time). */
export function QuietHoursForm({ enabled, from, to }: { enabled: boolean; from: string; to: string }) {
  const t = useTranslations('push');
  const { state, pending, onSubmit, formRef, fieldError, besideFields } = useActionForm(saveQuietHoursAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4">
      <label className="flex min-h-11 items-center gap-3">
        <input type="checkbox" name="quietEnabled" defaultChecked={enabled} className="size-6 accent-brand-700" />
        <span>{t('quietEnabled')}</span>
      </label>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          label={t('quietFrom')}
          name="quietFrom"
          type="time"
          defaultValue={from}
          error={fieldError('quietFrom')}
        />
        <TextField label={t('quietTo')} name="quietTo" type="time" defaultValue={to} error={fieldError('quietTo')} />
      </div>
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" disabled={pending}>
        {t('saveQuiet')}
      </Button>
    </form>
  );
}
