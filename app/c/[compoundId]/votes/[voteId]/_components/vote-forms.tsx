'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { Button } from '../../../../../_components/button';
import { SelectField, TextArea, TextField } from '../../../../../_components/field';
import { FormStatus } from '../../../../../_components/form-status';
import { useActionForm } from '../../../../../_components/use-action-form';
import { castBallotAction, closeVoteAction, confirmPaperAction, enterPaperAction } from '../../actions';
import { confirmPaperBatchAction, enterPaperBatchAction } from '../../paper-actions';

type Option = { key: string; label: string };

function Choices({
  options,
  mode,
  maxMarks,
  error,
  onChange,
}: {
  options: Option[];
  mode: 'single' | 'multiple';
  maxMarks?: number | null;
  error: string | null;
  onChange?: () => void;
}) {
  const t = useTranslations('votes');
  return (
    <fieldset aria-invalid={error ? true : undefined}>
      <legend className="mb-2 font-medium">
        {mode === 'single' ? t('chooseOne') : maxMarks ? t('chooseUpTo', { max: maxMarks }) : t('chooseAny')}
      </legend>
      <div className="grid gap-2">
        {options.map((o) => (
          <label key={o.key} className="flex min-h-12 items-center gap-3 rounded-lg px-3 text-lg ring-1 ring-stone-300">
            <input
              type={mode === 'single' ? 'radio' : 'checkbox'}
              name="choice"
              value={o.key}
              onChange={onChange}
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

/**
 * One ballot. When it cannot be changed afterwards (`final`), sending it first shows what was chosen
 * and asks to confirm; changing a choice goes back a step.
 */
export function BallotForm(props: {
  compoundId: number;
  voteId: number;
  voterKey: string;
  options: Option[];
  mode: 'single' | 'multiple';
  maxMarks?: number | null;
  change: boolean;
  final?: boolean;
}) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit, fieldError } = useActionForm(castBallotAction.bind(null, props.compoundId));
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [missing, setMissing] = useState(false);
  const label = (key: string) => props.options.find((o) => o.key === key)?.label ?? key;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    if (props.final && confirming === null) {
      e.preventDefault();
      const chosen = new FormData(e.currentTarget).getAll('choice').map(String);
      setMissing(chosen.length === 0);
      if (chosen.length > 0) setConfirming(chosen);
      return;
    }
    onSubmit(e);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <input type="hidden" name="voteId" value={props.voteId} />
      <input type="hidden" name="voterKey" value={props.voterKey} />
      <Choices
        options={props.options}
        mode={props.mode}
        maxMarks={props.maxMarks}
        error={fieldError('choice') ?? (missing ? t('chooseFirst') : null)}
        onChange={() => {
          setConfirming(null);
          setMissing(false);
        }}
      />
      {confirming && (
        <section
          aria-labelledby={`confirm-${props.voterKey}`}
          aria-live="polite"
          className="space-y-2 rounded-lg bg-amber-50 p-3 ring-1 ring-amber-300"
        >
          <p id={`confirm-${props.voterKey}`} className="font-semibold text-amber-950">
            {t('confirmTitle')}
          </p>
          <p className="text-amber-950">{t('confirmText', { choice: confirming.map(label).join('、') })}</p>
        </section>
      )}
      <FormStatus state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} className="w-full sm:w-auto">
          {confirming ? t('confirmSubmit') : props.change ? t('changeBallot') : t('castBallot')}
        </Button>
        {confirming && (
          <Button variant="secondary" onClick={() => setConfirming(null)} className="w-full sm:w-auto">
            {t('confirmBack')}
          </Button>
        )}
      </div>
    </form>
  );
}

export function PaperBallotForm(props: {
  compoundId: number;
  voteId: number;
  voters: { key: string; label: string }[];
  options: Option[];
  mode: 'single' | 'multiple';
  maxMarks: number | null;
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
      <Choices options={props.options} mode={props.mode} maxMarks={props.maxMarks} error={fieldError('choice')} />
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

/** The committee types in a stack of paper ballots at once: one line each, "serial unit choice". */
export function PaperBatchForm(props: { compoundId: number; voteId: number; example: string }) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(
    enterPaperBatchAction.bind(null, props.compoundId),
    { resetOnSuccess: true },
  );
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-lg bg-stone-50 p-3">
      <input type="hidden" name="voteId" value={props.voteId} />
      <TextArea
        label={t('paperBatch')}
        name="lines"
        rows={6}
        maxLength={20_000}
        hint={t('paperBatchHint', { example: props.example })}
        error={fieldError('lines')}
        className="font-mono"
      />
      <FormStatus state={state} />
      {state && !state.ok && state.details && state.details.length > 0 && (
        <ul className="list-disc pl-5 text-brand-800 text-sm">
          {state.details.map((d) => (
            <li key={`${d.line ?? 0}-${d.text}`}>{d.text}</li>
          ))}
        </ul>
      )}
      <Button type="submit" disabled={pending}>
        {t('paperBatchSubmit')}
      </Button>
    </form>
  );
}

/** A second committee member confirms several paper ballots others entered, after checking each against its paper. */
export function ConfirmPaperBatchForm(props: {
  compoundId: number;
  voteId: number;
  ballots: { voterKey: string; label: string }[];
}) {
  const t = useTranslations('votes');
  const { state, pending, onSubmit } = useActionForm(confirmPaperBatchAction.bind(null, props.compoundId));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const all = props.ballots.length > 0 && selected.size === props.ballots.length;
  const toggle = (key: string) => {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setSelected(next);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="voteId" value={props.voteId} />
      <label className="flex min-h-11 items-center gap-2 font-medium">
        <input
          type="checkbox"
          checked={all}
          onChange={() => setSelected(all ? new Set() : new Set(props.ballots.map((b) => b.voterKey)))}
          className="size-5 accent-brand-700"
        />
        {t('selectAll', { count: props.ballots.length })}
      </label>
      <ul className="divide-y divide-stone-200">
        {props.ballots.map((b) => (
          <li key={b.voterKey}>
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                name="voterKeys"
                value={b.voterKey}
                checked={selected.has(b.voterKey)}
                onChange={() => toggle(b.voterKey)}
                className="size-5 accent-brand-700"
              />
              {b.label}
            </label>
          </li>
        ))}
      </ul>
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('confirmSelected')}
      </Button>
    </form>
  );
}
