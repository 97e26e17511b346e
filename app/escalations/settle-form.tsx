'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../_components/button';
import { TextArea } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { useActionForm } from '../_components/use-action-form';
import { settleEscalationAction } from './actions';

export function SettleForm({ escalationId, canForward }: { escalationId: number; canForward: boolean }) {
  const t = useTranslations('follow');
  const [kind, setKind] = useState<'answer' | 'forward'>('answer');
  const { state, pending, onSubmit, fieldError } = useActionForm(settleEscalationAction);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-3 border-stone-200 border-t pt-3">
      <input type="hidden" name="escalationId" value={escalationId} />
      {canForward && (
        <fieldset className="flex flex-wrap gap-2">
          <legend className="sr-only">{t('settleHow')}</legend>
          {(['answer', 'forward'] as const).map((k) => (
            <label
              key={k}
              className="flex min-h-11 items-center gap-2 rounded-lg bg-stone-50 px-3 ring-1 ring-stone-200"
            >
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                className="size-5 accent-brand-700"
              />
              {t(k === 'answer' ? 'answerHere' : 'forwardToStreet')}
            </label>
          ))}
        </fieldset>
      )}
      {!canForward && <input type="hidden" name="kind" value="answer" />}
      <TextArea
        label={kind === 'answer' ? t('answerLabel') : t('forwardReason')}
        name="text"
        rows={3}
        maxLength={1000}
        error={fieldError('text')}
      />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {kind === 'answer' ? t('sendAnswer') : t('forward')}
      </Button>
    </form>
  );
}
