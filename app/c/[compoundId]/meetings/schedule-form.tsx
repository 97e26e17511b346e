'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button } from '../../../_components/button';
import { TextField } from '../../../_components/field';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { scheduleMeetingAction } from './actions';

function Checkboxes({
  legend,
  name,
  items,
  error,
}: {
  legend: string;
  name: string;
  items: { id: number; label: string }[];
  error: string | null;
}) {
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="mb-2 font-medium">{legend}</legend>
      <div className="grid max-h-72 gap-2 overflow-auto sm:grid-cols-2">
        {items.map((i) => (
          <label key={i.id} className="flex min-h-11 items-center gap-3 rounded-lg px-3 ring-1 ring-stone-200">
            <input type="checkbox" name={name} value={i.id} className="size-5 shrink-0 accent-brand-700" />
            {i.label}
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-brand-700 text-sm">{error}</p>}
    </fieldset>
  );
}

export function ScheduleMeetingForm(props: {
  compoundId: number;
  topics: { id: number; title: string }[];
  invitable: { id: number; label: string }[];
}) {
  const t = useTranslations('meetings');
  const router = useRouter();
  const { state, pending, onSubmit, fieldError } = useActionForm(scheduleMeetingAction.bind(null, props.compoundId));
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
      <Checkboxes
        legend={t('agenda')}
        name="topicIds"
        items={props.topics.map((x) => ({ id: x.id, label: x.title }))}
        error={fieldError('topicIds')}
      />
      <Checkboxes legend={t('invitees')} name="inviteeIds" items={props.invitable} error={fieldError('inviteeIds')} />
      <TextField
        label={t('extraMobiles')}
        name="extraMobiles"
        hint={t('extraMobilesHint')}
        error={fieldError('extraMobiles')}
      />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('schedule')}
      </Button>
    </form>
  );
}
