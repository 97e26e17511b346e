'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '../_components/field';

export interface SettingsValues {
  name: string;
  address: string;
  noticeDays: number;
  ratingDays: number;
  escalateAfterDays: number;
  nonVotersFollowMajority: boolean;
  hotline: string;
}

export const DEFAULT_SETTINGS: SettingsValues = {
  name: '',
  address: '',
  noticeDays: 7,
  ratingDays: 7,
  escalateAfterDays: 7,
  nonVotersFollowMajority: false,
  hotline: '',
};

/** The compound's periods in days, with their upper bounds (lib/people/validation.ts). */
const DAY_FIELDS = [
  ['noticeDays', 30],
  ['ratingDays', 30],
  ['escalateAfterDays', 60],
] as const;

/** The fields shared by "create a compound" and "edit a compound". */
export function CompoundSettingsFields({
  values,
  fieldError,
}: {
  values: SettingsValues;
  fieldError: (name: string) => string | null;
}) {
  const t = useTranslations('admin');
  return (
    <>
      <TextField
        label={t('compoundName')}
        name="name"
        defaultValue={values.name}
        maxLength={40}
        error={fieldError('name')}
        required
      />
      <TextField
        label={t('address')}
        name="address"
        defaultValue={values.address}
        maxLength={100}
        error={fieldError('address')}
      />
      <TextField
        label={t('hotline')}
        name="hotline"
        defaultValue={values.hotline}
        maxLength={40}
        hint={t('hotlineHint')}
        error={fieldError('hotline')}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        {DAY_FIELDS.map(([name, max]) => (
          <TextField
            key={name}
            label={t(name)}
            name={name}
            type="number"
            min={1}
            max={max}
            defaultValue={values[name]}
            error={fieldError(name)}
          />
        ))}
      </div>
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="nonVotersFollowMajority"
          defaultChecked={values.nonVotersFollowMajority}
          className="mt-1.5 size-5 accent-brand-700"
        />
        <span>
          {t('nonVotersFollowMajority')}
          <span className="block text-sm text-stone-600">{t('nonVotersHint')}</span>
        </span>
      </label>
    </>
  );
}
