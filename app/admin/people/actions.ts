'use server';

import { hash } from '@node-rs/argon2';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { findCommunityPlace, findCompoundPlace } from '@/db/queries/places';
import {
  createAccount,
  findMembership,
  findStreetPlace,
  getPerson,
  grantRole,
  listMembershipsOf,
  ownerCompoundIdsOf,
  revokeRole,
  setPassword,
} from '@/db/queries/people';
import type { ActionResult } from '@/lib/actions/result';
import { actorOrFail, fail, failField, formToObject, invalid } from '@/lib/actions/server';
import {
  type Actor,
  canCreateAccount,
  canManageRole,
  type GrantTarget,
  staffOverCompound,
  staffReach,
} from '@/lib/auth/permissions';
import { type AssignableRole, ROLE_SCOPE, type ScopeType } from '@/lib/auth/roles';
import { createAccountSchema, grantRoleSchema, revokeRoleSchema, setPasswordSchema } from '@/lib/validation/admin';

/** Where a role would be held, resolved from the database; null when the scope does not exist. */
function grantTarget(scopeType: ScopeType, scopeId: number): GrantTarget | null {
  switch (scopeType) {
    case 'compound': {
      const place = findCompoundPlace(scopeId);
      return place ? { scopeType, place } : null;
    }
    case 'community': {
      const place = findCommunityPlace(scopeId);
      return place ? { scopeType, place } : null;
    }
    case 'street': {
      const s = findStreetPlace(scopeId);
      return s ? { scopeType, streetId: s.id, districtId: s.districtId } : null;
    }
    case 'district':
      return { scopeType, districtId: scopeId };
    case 'company':
      return { scopeType };
  }
}

function mayManage(actor: Actor, role: AssignableRole, scopeId: number) {
  const target = grantTarget(ROLE_SCOPE[role], scopeId);
  if (!target) return 'notFound' as const;
  return canManageRole(actor, role, target) ? ('roleOutOfReach' as const) : null;
}

export async function createAccountAction(
  _prev: ActionResult<{ personId: number }> | null,
  form: FormData,
): Promise<ActionResult<{ personId: number }>> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  if (canCreateAccount(who.actor)) return fail('forbidden');
  const parsed = createAccountSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { password, ...rest } = parsed.data;
  const res = createAccount(
    who.actor.personId,
    { ...rest, passwordHash: await hash(password) },
    staffReach(who.actor),
    Date.now(),
  );
  if (!res.ok) {
    return res.error === 'nameMismatch'
      ? failField('name', 'nameMismatch', { name: res.registeredName ?? '' })
      : failField('mobile', res.error);
  }
  revalidatePath('/admin/people');
  const t = await getTranslations('people');
  return {
    ok: true,
    data: { personId: res.personId },
    message: t(res.activated ? 'activated' : 'created', { name: rest.name }),
  };
}

export async function grantRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = grantRoleSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { personId, role, scopeId, grid, guestKind } = parsed.data;
  if (!getPerson(personId)) return fail('notFound');
  const denied = mayManage(who.actor, role, scopeId);
  if (denied === 'notFound') return failField('scopeId', 'notFound');
  if (denied) return failField('role', denied);
  const granted = grantRole(
    who.actor.personId,
    {
      personId,
      role,
      scopeType: ROLE_SCOPE[role],
      scopeId,
      grid: role === 'grid_worker' ? grid : null,
      guestKind: role === 'guest' ? guestKind : null,
    },
    Date.now(),
  );
  if (!granted) return failField('role', 'roleExists');
  revalidatePath(`/admin/people/${personId}`);
  return { ok: true, data: null, message: (await getTranslations())('saved') };
}

export async function revokeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = revokeRoleSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const m = findMembership(parsed.data.membershipId);
  if (!m) return fail('notFound');
  const denied = mayManage(who.actor, m.role, m.scopeId);
  if (denied) return fail(denied === 'notFound' ? 'notFound' : 'roleOutOfReach');
  revokeRole(who.actor.personId, m, Date.now());
  revalidatePath(`/admin/people/${m.personId}`);
  return { ok: true, data: null, message: (await getTranslations())('saved') };
}

/** Staff set a new password for someone (e.g. a resident who forgot theirs); all their sessions end. */
export async function resetPasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  if (canCreateAccount(who.actor)) return fail('forbidden');
  const parsed = setPasswordSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  if (!getPerson(parsed.data.personId)) return fail('notFound');
  // Only for someone all of whose roles the actor could give (no one resets a superior's password),
  // and who owns only in compounds the actor oversees (staff of another community cannot take over
  // a resident's account and vote in their name).
  for (const m of listMembershipsOf(parsed.data.personId)) {
    if (mayManage(who.actor, m.role, m.scopeId)) return fail('roleOutOfReach');
  }
  for (const compoundId of ownerCompoundIdsOf(parsed.data.personId)) {
    const place = findCompoundPlace(compoundId);
    if (!place || !staffOverCompound(who.actor, place)) return fail('roleOutOfReach');
  }
  setPassword(who.actor.personId, parsed.data.personId, await hash(parsed.data.password), null, Date.now());
  revalidatePath(`/admin/people/${parsed.data.personId}`);
  return { ok: true, data: null, message: (await getTranslations())('saved') };
}
