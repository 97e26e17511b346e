'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../_components/button';
import { TextArea } from '../../_components/field';
import { FormStatus } from '../../_components/form-status';
import { useActionForm } from '../../_components/use-action-form';
import { answerCorrectionAction } from './actions';

export function AnswerCorrectionForm({ requestId }: { requestId: number }) {
  const t = useTranslations('corrections');
  const { state, pending, onSubmit, fieldError } = useActionForm(answerCorrectionAction);
  if (state?.ok) return <FormStatus state={state} />;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="requestId" value={requestId} />
      <TextArea label={t('answer')} name="answer" maxLength={500} rows={2} error={fieldError('answer')} />
      <FormStatus state={state} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('send')}
      </Button>
    </form>
  );
}
