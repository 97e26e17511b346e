'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../_components/button';
import { CheckboxGroup } from '../../../../_components/checkbox-group';
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
      <CheckboxGroup
        legend={t('whoAttended')}
        name="attendeeIds"
        columns="sm:grid-cols-3"
        items={props.invitees.map((i) => ({ value: i.id, label: i.name, checked: i.attended }))}
        error={fieldError('attendeeIds')}
      />
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
