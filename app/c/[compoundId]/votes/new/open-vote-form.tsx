'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { VoteKind } from '@/lib/voting/rules';
import { Button, buttonClass } from '../../../../_components/button';
import { CheckboxGroup } from '../../../../_components/checkbox-group';
import { SelectField, TextArea, TextField } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { useActionForm } from '../../../../_components/use-action-form';
import { shanghaiMinute } from '@/lib/time';
import { openVoteAction } from '../actions';

export function OpenVoteForm(props: {
  compoundId: number;
  topicId: number;
  topicTitle: string;
  kinds: VoteKind[];
  buildings: { id: number; name: string }[];
}) {
  const t = useTranslations('votes');
  const router = useRouter();
  const [kind, setKind] = useState<VoteKind>(props.kinds[0] ?? 'consultation');
  const [defaults] = useState(() => {
    const now = Date.now();
    return { start: shanghaiMinute(now), end: shanghaiMinute(now + 7 * 24 * 3_600_000) };
  });
  const { state, pending, onSubmit, fieldError } = useActionForm(openVoteAction.bind(null, props.compoundId));
  useEffect(() => {
    if (state?.ok) router.push(`/c/${props.compoundId}/votes/${state.data.voteId}`);
  }, [state, router, props.compoundId]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <input type="hidden" name="topicId" value={props.topicId} />
      <fieldset>
        <legend className="mb-2 font-medium">{t('kind')}</legend>
        <div className="grid gap-2">
          {props.kinds.map((k) => (
            <label key={k} className="flex min-h-11 items-start gap-3 rounded-lg px-3 py-2 ring-1 ring-stone-200">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                className="mt-1 size-5 accent-brand-700"
              />
              <span>
                {t(`kinds.${k}`)}
                <span className="block text-sm text-stone-600">{t(`kindHints.${k}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldError('kind') && <p className="mt-1 text-brand-700 text-sm">{fieldError('kind')}</p>}
      </fieldset>
      {kind === 'owners' ? (
        <div className="space-y-3 rounded-lg bg-amber-50 p-4 text-amber-950">
          <p>{t('ownersViaAssembly')}</p>
          <Link
            href={`/c/${props.compoundId}/assemblies/new?topic=${props.topicId}`}
            className={buttonClass('primary')}
          >
            {t('callAssembly')}
          </Link>
        </div>
      ) : (
        <>
          <TextArea
            label={t('question')}
            name="question"
            rows={2}
            maxLength={200}
            defaultValue={props.topicTitle}
            error={fieldError('question')}
          />
          {kind === 'consultation' && (
            <>
              <TextArea
                label={t('customOptions')}
                name="customOptions"
                rows={3}
                maxLength={500}
                hint={t('customOptionsHint')}
                error={fieldError('customOptions')}
              />
              <SelectField label={t('choiceMode')} name="choiceMode" defaultValue="single">
                <option value="single">{t('single')}</option>
                <option value="multiple">{t('multiple')}</option>
              </SelectField>
              <CheckboxGroup
                legend={t('scope')}
                hint={t('scopeHint')}
                name="buildingIds"
                columns="grid-cols-2 sm:grid-cols-4"
                items={props.buildings.map((b) => ({ value: b.id, label: b.name }))}
                error={fieldError('buildingIds')}
              />
            </>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t('startsAt')}
              name="startsAt"
              type="datetime-local"
              defaultValue={defaults.start}
              error={fieldError('startsAt')}
            />
            <TextField
              label={t('endsAt')}
              name="endsAt"
              type="datetime-local"
              defaultValue={defaults.end}
              error={fieldError('endsAt')}
            />
          </div>
          <label className="flex min-h-11 items-start gap-3">
            <input type="checkbox" name="secret" className="mt-1.5 size-5 accent-brand-700" />
            <span>
              {t('secret')}
              <span className="block text-sm text-stone-600">{t('secretHint')}</span>
            </span>
          </label>
          <label className="flex min-h-11 items-start gap-3">
            <input type="checkbox" name="allowChange" className="mt-1.5 size-5 accent-brand-700" />
            <span>{t('allowChange')}</span>
          </label>
        </>
      )}
      <FormStatus state={state} />
      {kind !== 'owners' && (
        <Button type="submit" disabled={pending}>
          {t('openSubmit')}
        </Button>
      )}
    </form>
  );
}
