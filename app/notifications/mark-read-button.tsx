'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../_components/button';
import { useActionForm } from '../_components/use-action-form';
import { markAllReadAction } from './actions';

export function MarkReadButton() {
  const t = useTranslations('notifications');
  const { pending, onSubmit } = useActionForm(markAllReadAction);
  return (
    <form onSubmit={onSubmit}>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('markAllRead')}
      </Button>
    </form>
  );
}
