'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Button } from '../../../../_components/button';
import { TextArea, TextField } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { commentAction, hideAction, reportAction } from './actions';

export function CommentForm({
  compoundId,
  topicId,
  parentId,
  onDone,
}: {
  compoundId: number;
  topicId: number;
  parentId?: number;
  /** Called once it is posted (a reply box then closes: the reply is in the thread). */
  onDone?: (message: string) => void;
}) {
  const t = useTranslations('topics');
  const { state, pending, onSubmit, formRef, fieldError, besideFields } = useActionForm(
    commentAction.bind(null, compoundId),
    { resetOnSuccess: true },
  );
  useEffect(() => {
    if (state?.ok && onDone) onDone(state.message ?? '');
  }, [state, onDone]);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="mt-3 space-y-2">
      <input type="hidden" name="topicId" value={topicId} />
      {parentId && <input type="hidden" name="parentId" value={parentId} />}
      <TextArea
        label={parentId ? t('replyLabel') : t('commentLabel')}
        name="body"
        maxLength={1000}
        rows={parentId ? 2 : 3}
        error={fieldError('body')}
      />
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" disabled={pending}>
        {parentId ? t('send') : t('comment')}
      </Button>
    </form>
  );
}

function ReasonForm(props: {
  action: typeof reportAction;
  compoundId: number;
  commentId: number;
  label: string;
  submit: string;
  onDone: (message: string) => void;
}) {
  const { state, pending, onSubmit, fieldError, besideFields } = useActionForm(
    props.action.bind(null, props.compoundId),
  );
  useEffect(() => {
    if (state?.ok) props.onDone(state.message ?? '');
  }, [state, props.onDone]);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2 space-y-2 rounded-lg bg-white p-2 ring-1 ring-stone-200">
      <input type="hidden" name="commentId" value={props.commentId} />
      <TextField label={props.label} name="reason" maxLength={200} error={fieldError('reason')} />
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" variant="danger" disabled={pending}>
        {props.submit}
      </Button>
    </form>
  );
}

type Panel = 'reply' | 'report' | 'hide' | null;

export function CommentTools(props: {
  compoundId: number;
  topicId: number;
  commentId: number;
  authorName: string;
  canReply: boolean;
  canReport: boolean;
  reported: boolean;
  canHide: boolean;
}) {
  const t = useTranslations('topics');
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const toggle = (p: Panel) => {
    setDone(null);
    setPanel((cur) => (cur === p ? null : p));
  };
  // Sent: the box closes (what was sent is now in the thread), and says so once.
  const close = useCallback((message: string) => {
    setPanel(null);
    setDone(message);
  }, []);
  if (!props.canReply && !props.canReport && !props.canHide && !props.reported) return null;
  const tool = 'min-h-11 rounded px-2 text-sm text-stone-700 hover:bg-stone-200';
  return (
    <div className="mt-1">
      <div className="flex flex-wrap gap-1">
        {props.canReply && (
          <button type="button" className={tool} aria-expanded={panel === 'reply'} onClick={() => toggle('reply')}>
            {t('reply')}
            <span className="sr-only">{props.authorName}</span>
          </button>
        )}
        {props.canReport && (
          <button type="button" className={tool} aria-expanded={panel === 'report'} onClick={() => toggle('report')}>
            {t('report')}
            <span className="sr-only">{props.authorName}</span>
          </button>
        )}
        {props.reported && <span className="px-2 text-sm text-stone-500">{t('youReported')}</span>}
        {props.canHide && (
          <button type="button" className={tool} aria-expanded={panel === 'hide'} onClick={() => toggle('hide')}>
            {t('hide')}
            <span className="sr-only">{props.authorName}</span>
          </button>
        )}
      </div>
      {panel === 'reply' && (
        <CommentForm compoundId={props.compoundId} topicId={props.topicId} parentId={props.commentId} onDone={close} />
      )}
      {panel === 'report' && (
        <ReasonForm
          action={reportAction}
          compoundId={props.compoundId}
          commentId={props.commentId}
          label={t('reportReason')}
          submit={t('report')}
          onDone={close}
        />
      )}
      {panel === 'hide' && (
        <ReasonForm
          action={hideAction}
          compoundId={props.compoundId}
          commentId={props.commentId}
          label={t('hideReason')}
          onDone={close}
          submit={t('hide')}
        />
      )}
      {done && (
        <p role="status" className="mt-1 text-emerald-900 text-sm">
          ✓ {done}
        </p>
      )}
    </div>
  );
}
