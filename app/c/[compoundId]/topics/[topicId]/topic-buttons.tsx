'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../_components/button';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { cosignAction, followAction } from '../actions';

export function TopicButtons(props: {
  compoundId: number;
  topicId: number;
  cosignCount: number;
  cosigned: boolean;
  following: boolean;
  canCosign: boolean;
}) {
  const t = useTranslations('topics');
  const cosign = useActionForm(cosignAction.bind(null, props.compoundId));
  const follow = useActionForm(followAction.bind(null, props.compoundId));
  return (
    <div className="space-y-2 border-stone-200 border-t pt-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium tabular-nums">{t('cosignCount', { count: props.cosignCount })}</span>
        {props.canCosign && (
          <form onSubmit={cosign.onSubmit}>
            <input type="hidden" name="topicId" value={props.topicId} />
            <Button type="submit" disabled={cosign.pending}>
              {t('cosign')} +1
            </Button>
          </form>
        )}
        {props.cosigned && (
          <span className="rounded-full bg-brand-50 px-3 py-1 text-brand-800">✓ {t('youCosigned')}</span>
        )}
        <form onSubmit={follow.onSubmit} className="ml-auto">
          <input type="hidden" name="topicId" value={props.topicId} />
          <input type="hidden" name="follow" value={props.following ? '0' : '1'} />
          <Button type="submit" variant="secondary" disabled={follow.pending} aria-pressed={props.following}>
            {props.following ? `★ ${t('following')}` : `☆ ${t('follow')}`}
          </Button>
        </form>
      </div>
      <FormStatus state={cosign.state} />
      {follow.state && !follow.state.ok && <FormStatus state={follow.state} />}
    </div>
  );
}
