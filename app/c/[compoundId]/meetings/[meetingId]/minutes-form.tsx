'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../_components/button';
import { TextArea } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { recordMinutesAction } from '../actions';

export function MinutesForm(props: {
  compoundId: number;
  meetingId: number;
  invitees: { id: number; name: string; attended: boolean }[];
  minutes: string;
}) {
  const t = useTranslations('meetings');
  const { state, pending, onSubmit, fieldError } = useActionForm(recordMinutesAction.bind(null, props.compoundId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="meetingId" value={props.meetingId} />
      <fieldset>
        <legend className="mb-2 font-medium">{t('whoAttended')}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {props.invitees.map((i) => (
            <label key={i.id} className="flex min-h-11 items-center gap-3 rounded-lg px-3 ring-1 ring-stone-200">
              <input
                type="checkbox"
                name="attendeeIds"
                value={i.id}
                defaultChecked={i.attended}
                className="size-5 accent-brand-700"
              />
              {i.name}
            </label>
          ))}
        </div>
        {fieldError('attendeeIds') && <p className="mt-1 text-brand-700 text-sm">{fieldError('attendeeIds')}</p>}
      </fieldset>
      <TextArea
        label={t('minutes')}
        name="minutes"
        rows={8}
        maxLength={5000}
        defaultValue={props.minutes}
        hint={t('minutesHint')}
        error={fieldError('minutes')}
      />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('saveMinutes')}
      </Button>
    </form>
  );
}
