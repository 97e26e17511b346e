'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { GrantScopes } from '@/lib/people/grant-scopes';
import { ASSIGNABLE_ROLES, type AssignableRole, GUEST_KINDS, ROLE_SCOPE } from '@/lib/auth/roles';
import { Button } from '../../_components/button';
import { SelectField, TextField } from '../../_components/field';
import { FormStatus } from '../../_components/form-status';
import { useActionForm } from '../../_components/use-action-form';
import { grantRoleAction } from './actions';

/** Gives a role to the person shown (`personId`), or, without it, to someone named by full mobile and name. */
export function GrantRoleForm({ personId, scopes }: { personId?: number; scopes: GrantScopes }) {
  const t = useTranslations('people');
  const tr = useTranslations('roles');
  const tg = useTranslations('guestKinds');
  const roles = ASSIGNABLE_ROLES.filter((r) => scopes[ROLE_SCOPE[r]].length > 0);
  const [role, setRole] = useState<AssignableRole | ''>('');
  const { state, pending, onSubmit, fieldError } = useActionForm(grantRoleAction);
  const options = role ? scopes[ROLE_SCOPE[role]] : [];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {personId === undefined ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('mobile')}
            name="mobile"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            error={fieldError('mobile')}
          />
          <TextField label={t('name')} name="name" autoComplete="off" maxLength={40} error={fieldError('name')} />
        </div>
      ) : (
        <input type="hidden" name="personId" value={personId} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t('role')}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as AssignableRole)}
          error={fieldError('role')}
        >
          <option value="" disabled>
            {t('chooseRole')}
          </option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('scope')} name="scopeId" key={role} defaultValue="" error={fieldError('scopeId')}>
          <option value="" disabled>
            {role ? t('chooseScope') : t('chooseRoleFirst')}
          </option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      </div>
      {role === 'grid_worker' && (
        <TextField
          label={t('grid')}
          name="grid"
          maxLength={40}
          placeholder="中兴社区第2网格"
          error={fieldError('grid')}
        />
      )}
      {role === 'guest' && (
        <SelectField label={t('guestKind')} name="guestKind" defaultValue="" error={fieldError('guestKind')}>
          <option value="" disabled>
            {t('chooseGuestKind')}
          </option>
          {GUEST_KINDS.map((g) => (
            <option key={g} value={g}>
              {tg(g)}
            </option>
          ))}
        </SelectField>
      )}
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {t('grant')}
      </Button>
    </form>
  );
}
