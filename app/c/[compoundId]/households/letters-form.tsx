'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/app/_components/button';
import { SelectField, TextArea } from '@/app/_components/field';
import { FormStatus } from '@/app/_components/form-status';
import { useActionForm } from '@/app/_components/use-action-form';
import { generateLettersAction } from './letter-actions';
import { LetterSheets } from './letter-sheets';

type Scope = 'building' | 'compound' | 'units';

/** Staff choose whose letters to make; the sheets appear below, ready to print. */
export function LettersForm({
  compoundId,
  compoundName,
  hotline,
  buildings,
}: {
  compoundId: number;
  compoundName: string;
  hotline: string;
  buildings: { id: number; name: string; units: number }[];
}) {
  const t = useTranslations('letters');
  const [scope, setScope] = useState<Scope>('building');
  const { state, pending, onSubmit, formRef, fieldError } = useActionForm(generateLettersAction.bind(null, compoundId));
  const batch = state?.ok ? state.data : null;
  return (
    <>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="no-print space-y-4">
        <fieldset>
          <legend className="mb-2 font-medium">{t('scope')}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {(['building', 'compound', 'units'] as const).map((s) => (
              <label key={s} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name="scope"
                  value={s}
                  checked={scope === s}
                  onChange={() => setScope(s)}
                  className="size-5 accent-brand-700"
                />
                {t(`scopes.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {scope === 'building' && (
          <SelectField label={t('building')} name="buildingId" error={fieldError('buildingId')} defaultValue="">
            <option value="" disabled>
              {t('chooseBuilding')}
            </option>
            {buildings.map((b) => (
              <option key={b.id} value={b.id}>
                {t('buildingOption', { name: b.name, units: b.units })}
              </option>
            ))}
          </SelectField>
        )}
        {scope === 'units' && (
          <TextArea label={t('units')} name="units" hint={t('unitsHint')} error={fieldError('units')} rows={5} />
        )}
        <p className="text-sm text-stone-600">{t('regenerateNote')}</p>
        <FormStatus state={state} />
        <Button type="submit" disabled={pending}>
          {pending ? t('making') : t('make')}
        </Button>
      </form>
      {batch && (
        <div className="mt-6 space-y-4">
          <div className="no-print flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 p-3 text-amber-950 ring-1 ring-amber-200">
            <p className="flex-1">{t('printNow', { count: batch.letters.length })}</p>
            <Button onClick={() => window.print()}>{t('print')}</Button>
          </div>
          {(batch.activated > 0 || batch.outOfReach > 0) && (
            <p className="no-print text-sm text-stone-700">
              {t('skipped', { activated: batch.activated, outOfReach: batch.outOfReach })}
            </p>
          )}
          <LetterSheets
            letters={batch.letters}
            compoundName={compoundName}
            hotline={hotline}
            expiresAt={batch.expiresAt}
          />
        </div>
      )}
    </>
  );
}
