'use client';

import { useTranslations } from 'next-intl';
import { Button } from '../../../_components/button';
import { TextField } from '../../../_components/field';
import { FormStatus } from '../../../_components/form-status';
import { useActionForm } from '../../../_components/use-action-form';
import { addBuildingAction, updateBuildingAction } from './actions';

interface BuildingRow {
  id: number;
  name: string;
  floors: number;
  units: number;
}

function EditBuilding({ compoundId, b }: { compoundId: number; b: BuildingRow }) {
  const t = useTranslations('admin');
  const { state, pending, onSubmit, fieldError } = useActionForm(updateBuildingAction.bind(null, compoundId));
  return (
    <form onSubmit={onSubmit} noValidate className="grid items-end gap-3 sm:grid-cols-[2fr_1fr_auto]">
      <input type="hidden" name="buildingId" value={b.id} />
      <TextField
        label={t('buildingName')}
        name="name"
        defaultValue={b.name}
        maxLength={20}
        error={fieldError('name')}
      />
      <TextField
        label={t('floors')}
        name="floors"
        type="number"
        min={1}
        max={99}
        defaultValue={b.floors}
        error={fieldError('floors')}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('save')}
        <span className="sr-only">{b.name}</span>
      </Button>
      <p className="text-sm text-stone-600 sm:col-span-3">{t('unitCount', { count: b.units })}</p>
      <div className="sm:col-span-3">
        <FormStatus state={state} />
      </div>
    </form>
  );
}

export function BuildingForms({ compoundId, buildings }: { compoundId: number; buildings: BuildingRow[] }) {
  const t = useTranslations('admin');
  const add = useActionForm(addBuildingAction.bind(null, compoundId), { resetOnSuccess: true });
  return (
    <div className="space-y-5">
      <ul className="space-y-4">
        {buildings.map((b) => (
          <li key={b.id} className="border-stone-200 border-b pb-4">
            <EditBuilding compoundId={compoundId} b={b} />
          </li>
        ))}
      </ul>
      <form
        ref={add.formRef}
        onSubmit={add.onSubmit}
        noValidate
        className="grid items-end gap-3 rounded-lg bg-stone-50 p-3 sm:grid-cols-[2fr_1fr_auto]"
      >
        <TextField
          label={t('newBuildingName')}
          name="name"
          maxLength={20}
          placeholder="5号楼"
          error={add.fieldError('name')}
        />
        <TextField
          label={t('floors')}
          name="floors"
          type="number"
          min={1}
          max={99}
          defaultValue={6}
          error={add.fieldError('floors')}
        />
        <Button type="submit" disabled={add.pending}>
          {t('addBuilding')}
        </Button>
        <div className="sm:col-span-3">
          <FormStatus state={add.state} />
        </div>
      </form>
    </div>
  );
}
