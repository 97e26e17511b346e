'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button } from '../../../_components/button';
import { CheckboxGroup } from '../../../_components/checkbox-group';
import { TextField } from '../../../_components/field';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { scheduleMeetingAction } from './actions';

export function ScheduleMeetingForm(props: {
  compoundId: number;
  topics: { id: number; title: string }[];
  invitable: { id: number; label: string }[];
}) {
  const t = useTranslations('meetings');
  const router = useRouter();
  const { state, pending, onSubmit, fieldError, besideFields } = useActionForm(
    scheduleMeetingAction.bind(null, props.compoundId),
  );
  useEffect(() => {
    if (state?.ok) router.push(`/c/${props.compoundId}/meetings/${state.data.meetingId}`);
  }, [state, router, props.compoundId]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField label={t('meetingTitle')} name="title" maxLength={60} error={fieldError('title')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t('startsAt')} name="startsAt" type="datetime-local" error={fieldError('startsAt')} />
        <TextField
          label={t('place')}
          name="place"
          maxLength={60}
          placeholder="社区议事厅"
          error={fieldError('place')}
        />
      </div>
      <CheckboxGroup
        legend={t('agenda')}
        name="topicIds"
        scroll
        items={props.topics.map((x) => ({ value: x.id, label: x.title }))}
        error={fieldError('topicIds')}
      />
      <CheckboxGroup
        legend={t('invitees')}
        name="inviteeIds"
        scroll
        items={props.invitable.map((x) => ({ value: x.id, label: x.label }))}
        error={fieldError('inviteeIds')}
      />
      <TextField
        label={t('extraMobiles')}
        name="extraMobiles"
        hint={t('extraMobilesHint')}
        error={fieldError('extraMobiles')}
      />
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" disabled={pending}>
        {t('schedule')}
      </Button>
    </form>
  );
}
