'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { answerJoinRequestAction } from '../join-actions';
import { Button } from './button';
import { TextField } from './field';
import { FormStatus } from './form-status';
import { useActionForm } from './use-action-form';

export interface JoinRequestItem {
  id: number;
  name: string;
  /** Masked unless the viewer is staff within reach (lib/activation/mask.ts). */
  mobile: string;
  relation: 'tenant' | 'family_member';
  unitLabel: string;
  compoundName?: string;
  moveOutAt: number | null;
  createdAt: number;
}

/**
 * Requests to join a unit, each with approve and decline; the reason goes to the requester when declined. One action
 * state for the list: an answered request leaves the list when the page refreshes, and the answer stays said above it.
 */
/** `now` comes from the server, so the relative times read the same in its HTML and in the browser. */
export function JoinRequests({ items, now }: { items: JoinRequestItem[]; now: number }) {
  const t = useTranslations('join');
  const { state, pending, onSubmit } = useActionForm(answerJoinRequestAction);
  return (
    <>
      <div className="mb-2">
        <FormStatus state={state} />
      </div>
      {items.length === 0 ? (
        <p className="text-stone-600">{t('queueNone')}</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {items.map((r) => (
            <JoinRequestRow key={r.id} item={r} now={now} pending={pending} onSubmit={onSubmit} />
          ))}
        </ul>
      )}
    </>
  );
}

function JoinRequestRow({
  item,
  now,
  pending,
  onSubmit,
}: {
  item: JoinRequestItem;
  now: number;
  pending: boolean;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
}) {
  const t = useTranslations('join');
  const format = useFormatter();
  const relation = t(`relations.${item.relation}`);
  const unit = item.compoundName ? `${item.compoundName} ${item.unitLabel}` : item.unitLabel;
  return (
    <li className="space-y-2 py-3">
      <p className="font-medium">{t('requestLine', { name: item.name, relation, unit })}</p>
      <p className="text-sm text-stone-600">
        <span className="tabular-nums">{item.mobile}</span>
        {item.moveOutAt !== null &&
          ` · ${t('moveOutOn', { date: format.dateTime(new Date(item.moveOutAt), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) })}`}
        {' · '}
        {format.relativeTime(item.createdAt, now)}
      </p>
      <form onSubmit={onSubmit} noValidate className="space-y-2">
        <input type="hidden" name="requestId" value={item.id} />
        <TextField label={t('reason')} name="reason" maxLength={200} />
        <div className="flex gap-2">
          <Button type="submit" name="answer" value="approve" disabled={pending}>
            {t('approve')}
          </Button>
          <Button type="submit" name="answer" value="decline" variant="secondary" disabled={pending}>
            {t('decline')}
          </Button>
        </div>
      </form>
    </li>
  );
}
