'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../../../_components/button';
import { SelectField, TextField } from '../../../../../_components/field';
import { FormStatus } from '../../../../../_components/form-status';
import { useActionForm } from '../../../../../_components/use-action-form';
import { castBallotAction, closeVoteAction, confirmPaperAction, enterPaperAction } from '../../actions';

type Option = { key: string; label: string };

function Choices({ options, mode, error }: { options: Option[]; mode: 'single' | 'multiple'; error: string | null }) {
  const t = useTranslations('votes');
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="mb-2 font-medium">{mode === 'single' ? t('chooseOne') : t('chooseAny')}</legend>
      <div className="grid gap-2">
        {options.map((o) => (
          <label key={o.key} className="flex min-h-12 items-center gap-3 rounded-lg px-3 text-lg ring-1 ring-stone-300">
            <input
              type={mode === 'single' ? 'radio' : 'checkbox'}
              name="choice"
              value={o.key}
              className="size-6 accent-brand-700"
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && <p className="mt-1 text-brand-700 text-sm">{error}</p>}
    </fieldset>
  );
}

export function BallotForm(props: {
  compoundId: number;
  voteId: number;
  voterKey: string;
  options: Option[];
  mode: 'single' | 'multiple';
  change: boolean;
}) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit, fieldError } = useActionForm(castBallotAction.bind(null, props.compoundId));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="voteId" value={props.voteId} />
      <input type="hidden" name="voterKey" value={props.voterKey} />
      <Choices options={props.options} mode={props.mode} error={fieldError('choice')} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {props.change ? t('changeBallot') : t('castBallot')}
      </Button>
    </form>
  );
}

export function PaperBallotForm(props: {
  compoundId: number;
  voteId: number;
  voters: { key: string; label: string }[];
  options: Option[];
}) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(
    enterPaperAction.bind(null, props.compoundId),
    {
      resetOnSuccess: true,
    },
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg bg-stone-50 p-3">
      <input type="hidden" name="voteId" value={props.voteId} />
      <SelectField label={t('paperHolder')} name="voterKey" defaultValue="" error={fieldError('voterKey')}>
        <option value="" disabled>
          {t('choosePaperHolder')}
        </option>
        {props.voters.map((v) => (
          <option key={v.key} value={v.key}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <TextField label={t('paperSerial')} name="serial" maxLength={30} error={fieldError('serial')} />
      <Choices options={props.options} mode="single" error={fieldError('choice')} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('enterPaper')}
      </Button>
    </form>
  );
}

export function ConfirmPaperButton(props: { compoundId: number; voteId: number; voterKey: string; name: string }) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit } = useActionForm(confirmPaperAction.bind(null, props.compoundId));
  return (
    <form onSubmit={onSubmit} className="ml-auto">
      <input type="hidden" name="voteId" value={props.voteId} />
      <input type="hidden" name="voterKey" value={props.voterKey} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('confirmPaper')}
        <span className="sr-only">{props.name}</span>
      </Button>
      {state && !state.ok && <FormStatus state={state} />}
    </form>
  );
}

export function CloseVoteButton(props: { compoundId: number; voteId: number; ended: boolean }) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit } = useActionForm(closeVoteAction.bind(null, props.compoundId));
  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="voteId" value={props.voteId} />
      <p className="text-sm text-stone-600">{props.ended ? t('closeHint') : t('closeLater')}</p>
      <FormStatus state={state} />
      <Button type="submit" variant="danger" disabled={pending || !props.ended}>
        {t('close')}
      </Button>
    </form>
  );
}

export function PrintButton() {
  const t = useTranslations('votes');
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {t('print')}
    </Button>
  );
}
