'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ReviewAction } from '@/lib/topics/lifecycle';
import { Button } from '../../../../_components/button';
import { SelectField, TextArea } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { reviewAction } from '../actions';

export function ReviewForm(props: {
  compoundId: number;
  topicId: number;
  actions: ReviewAction[];
  mergeTargets: { id: number; title: string }[];
}) {
  const t = useTranslations('topics.review');
  const [action, setAction] = useState<ReviewAction>(props.actions[0] ?? 'accept');
  const { state, pending, onSubmit, fieldError } = useActionForm(reviewAction.bind(null, props.compoundId));
  return (
    <section aria-labelledby="review-h" className="rounded-xl bg-amber-50 p-5 ring-1 ring-amber-300">
      <h2 id="review-h" className="font-semibold text-lg">
        {t('title')}
      </h2>
      <p className="mb-3 text-sm text-stone-700">{t('hint')}</p>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="topicId" value={props.topicId} />
        <fieldset>
          <legend className="mb-2 font-medium">{t('action')}</legend>
          <div className="grid gap-2">
            {props.actions.map((a) => (
              <label
                key={a}
                className="flex min-h-11 items-center gap-3 rounded-lg bg-white px-3 ring-1 ring-stone-200"
              >
                <input
                  type="radio"
                  name="action"
                  value={a}
                  checked={action === a}
                  onChange={() => setAction(a)}
                  className="size-5 accent-brand-700"
                />
                {t(a)}
              </label>
            ))}
          </div>
        </fieldset>
        {action === 'merge' && (
          <SelectField label={t('mergeInto')} name="mergeInto" defaultValue="" error={fieldError('mergeInto')}>
            <option value="" disabled>
              {t('chooseTopic')}
            </option>
            {props.mergeTargets.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </SelectField>
        )}
        <TextArea
          label={t('reason')}
          name="reason"
          maxLength={500}
          rows={3}
          hint={t('reasonHint')}
          error={fieldError('reason')}
        />
        <FormStatus state={state} />
        <Button type="submit" disabled={pending}>
          {t('submit')}
        </Button>
      </form>
    </section>
  );
}
