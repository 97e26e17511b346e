'use client';

import { useTranslations } from 'next-intl';
import type { PositionParty } from '@/lib/topics/rules';
import { Button } from '../../../../_components/button';
import { TextArea } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { positionAction } from './actions';

export function PositionForm(props: { compoundId: number; topicId: number; party: PositionParty; current: string }) {
  const t = useTranslations('topics');
  const { state, pending, onSubmit, fieldError } = useActionForm(positionAction.bind(null, props.compoundId));
  const label = props.current ? t('editPosition') : t('postPosition');
  return (
    <details className="mt-3" open={!props.current}>
      <summary className="cursor-pointer font-medium text-brand-700">{label}</summary>
      <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2">
        <input type="hidden" name="topicId" value={props.topicId} />
        <input type="hidden" name="party" value={props.party} />
        <TextArea
          label={`${t('positionBody')}（${t(`parties.${props.party}`)}）`}
          name="body"
          defaultValue={props.current}
          maxLength={2000}
          rows={4}
          error={fieldError('body')}
        />
        <FormStatus state={state} />
        <Button type="submit" disabled={pending}>
          {label}
        </Button>
      </form>
    </details>
  );
}
