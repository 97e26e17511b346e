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
}

export const DEFAULT_SETTINGS: SettingsValues = {
  name: '',
  address: '',
  noticeDays: 7,
  ratingDays: 7,
  escalateAfterDays: 7,
  nonVotersFollowMajority: false,
};

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
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('noticeDays')}
          name="noticeDays"
          type="number"
          min={1}
          max={30}
          defaultValue={values.noticeDays}
          error={fieldError('noticeDays')}
        />
        <TextField
          label={t('ratingDays')}
          name="ratingDays"
          type="number"
          min={1}
          max={30}
          defaultValue={values.ratingDays}
          error={fieldError('ratingDays')}
        />
        <TextField
          label={t('escalateAfterDays')}
          name="escalateAfterDays"
          type="number"
          min={1}
          max={60}
          defaultValue={values.escalateAfterDays}
          error={fieldError('escalateAfterDays')}
        />
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
