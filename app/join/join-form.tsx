'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '../_components/button';
import { SelectField, TextField } from '../_components/field';
import { FormStatus } from '../_components/form-status';
import { useActionForm } from '../_components/use-action-form';
import { fileJoinRequestAction } from './actions';

interface CompoundChoice {
  id: number;
  name: string;
  community: string;
  buildings: { id: number; name: string }[];
}

/** Which home, as whom, until when; and, without an account, the account to open once approved. */
export function JoinForm({ compounds, signedInAs }: { compounds: CompoundChoice[]; signedInAs: string | null }) {
  const t = useTranslations('join');
  const ta = useTranslations('activation');
  const [compoundId, setCompoundId] = useState<number | null>(null);
  const [relation, setRelation] = useState<'tenant' | 'family_member'>('tenant');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(fileJoinRequestAction);
  const buildings = compounds.find((c) => c.id === compoundId)?.buildings ?? [];
  if (state?.ok) {
    return (
      <p role="status" className="rounded-xl bg-emerald-50 p-5 text-emerald-900 ring-1 ring-emerald-200">
        ✓ {state.message}
      </p>
    );
  }
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-xl border border-stone-200 bg-white p-5"
    >
      {signedInAs && <p className="text-stone-700">{t('asYou', { name: signedInAs })}</p>}
      <SelectField
        label={t('compound')}
        name="compoundId"
        defaultValue=""
        onChange={(e) => setCompoundId(Number(e.target.value) || null)}
        error={fieldError('compoundId')}
      >
        <option value="" disabled>
          {t('chooseCompound')}
        </option>
        {compounds.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}（{c.community}）
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t('building')}
          name="buildingId"
          defaultValue=""
          error={fieldError('buildingId')}
          key={compoundId ?? 0}
        >
          <option value="" disabled>
            {t('chooseBuilding')}
          </option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('unit')} name="unit" placeholder="2单元501" maxLength={40} error={fieldError('unit')} />
      </div>
      <fieldset>
        <legend className="mb-1 font-medium">{t('relation')}</legend>
        <div className="flex flex-wrap gap-x-5">
          {(['tenant', 'family_member'] as const).map((r) => (
            <label key={r} className="flex min-h-11 items-center gap-2">
              <input
                type="radio"
                name="relation"
                value={r}
                checked={relation === r}
                onChange={() => setRelation(r)}
                className="size-5 accent-brand-700"
              />
              {t(`relations.${r}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {relation === 'tenant' && (
        <TextField
          label={t('moveOut')}
          name="moveOut"
          type="date"
          hint={t('moveOutHint')}
          error={fieldError('moveOut')}
        />
      )}
      {!signedInAs && (
        <>
          <TextField label={t('name')} name="name" autoComplete="name" maxLength={40} error={fieldError('name')} />
          <TextField
            label={t('mobile')}
            name="mobile"
            inputMode="numeric"
            autoComplete="username"
            maxLength={11}
            error={fieldError('mobile')}
          />
          <TextField
            label={ta('password')}
            name="password"
            type="password"
            autoComplete="new-password"
            hint={ta('passwordHint')}
            error={fieldError('password')}
          />
          <TextField
            label={ta('confirm')}
            name="confirm"
            type="password"
            autoComplete="new-password"
            error={fieldError('confirm')}
          />
          <div>
            <label className="flex items-start gap-3">
              <input type="checkbox" name="privacy" className="mt-1.5 size-5 shrink-0 accent-brand-700" />
              <span>
                {ta('privacy')}（
                <a href="/privacy" target="_blank" rel="noopener" className="text-brand-700 underline">
                  {ta('privacyLink')}
                </a>
                ）
              </span>
            </label>
            {fieldError('privacy') && <p className="mt-1 text-brand-700 text-sm">{fieldError('privacy')}</p>}
          </div>
        </>
      )}
      <p className="text-sm text-stone-600">{t('noVote')}</p>
      <FormStatus state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t('filing') : t('file')}
      </Button>
    </form>
  );
}
