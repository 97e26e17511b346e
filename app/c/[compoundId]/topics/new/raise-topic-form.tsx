'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { TOPIC_CATEGORIES } from '@/lib/topics/categories';
import { Button } from '../../../../_components/button';
import { SelectField, TextArea, TextField } from '../../../../_components/field';
import { FormStatus } from '../../../../_components/form-status';
import { PhotoField } from '../../../../_components/photo-field';
import { useActionForm } from '../../../../_components/use-action-form';
import { raiseTopicAction } from '../actions';

export function RaiseTopicForm({
  compoundId,
  buildings,
}: {
  compoundId: number;
  buildings: { id: number; name: string }[];
}) {
  const t = useTranslations('topics');
  const router = useRouter();
  const { state, pending, onSubmit, fieldError, besideFields } = useActionForm(raiseTopicAction.bind(null, compoundId));
  useEffect(() => {
    if (state?.ok) router.push(`/c/${compoundId}/topics/${state.data.topicId}`);
  }, [state, router, compoundId]);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <TextField
        label={t('form.title')}
        name="title"
        maxLength={60}
        hint={t('form.titleHint')}
        error={fieldError('title')}
      />
      <TextArea
        label={t('form.description')}
        name="description"
        maxLength={2000}
        rows={6}
        hint={t('form.descriptionHint')}
        error={fieldError('description')}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t('form.category')} name="category" defaultValue="" error={fieldError('category')}>
          <option value="" disabled>
            {t('form.chooseCategory')}
          </option>
          {TOPIC_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('form.building')} name="buildingId" defaultValue="" error={fieldError('buildingId')}>
          <option value="">{t('wholeCompound')}</option>
          {buildings.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
      </div>
      <PhotoField
        label={t('form.photos')}
        name="photos"
        error={fieldError('photos')}
        texts={{
          choose: t('form.choosePhotos'),
          none: t('form.noPhotos'),
          chosen: t('form.photosChosen', { n: '{n}' }),
        }}
      />
      <FormStatus state={state} besideFields={besideFields} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t('form.submitting') : t('form.submit')}
      </Button>
    </form>
  );
}
