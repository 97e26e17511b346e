'use server';

import { hash } from '@node-rs/argon2';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { findCommunityPlace, findCompoundPlace } from '@/db/places/places';
import { createAccount, setPassword } from '@/db/people/accounts';
import { getPersonInReach, listMembershipsOf, officialsOf } from '@/db/people/find';
import { findMembership, findStreetPlace, grantRole, revokeRole } from '@/db/people/roles';
import type { ActionResult } from '@/lib/actions/result';
import { lookalikeOfficial } from '@/lib/people/lookalike';
import { actorOrFail, fail, failField, formToObject, invalid } from '@/server/actions';
import { lookUpByMobileAndName } from '@/server/people/lookup';
import { type Actor, canCreateAccount, canManageRole, type GrantTarget, staffReach } from '@/lib/auth/permissions';
import { type AssignableRole, ROLE_SCOPE, type ScopeType } from '@/lib/auth/roles';
import { createAccountSchema, grantRoleSchema, revokeRoleSchema, setPasswordSchema } from '@/lib/people/validation';

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
  const { password, confirmLookalike, ...rest } = parsed.data;
  const reach = staffReach(who.actor);
  const lookalike = lookalikeOfficial(rest.name, rest.mobile, officialsOf({ reach }));
  if (lookalike && !confirmLookalike) {
    const tr = await getTranslations('roles');
    return failField('name', 'lookalikeOfficial', {
      name: lookalike.name,
      role: tr(lookalike.role as 'branch_secretary'),
      compound: lookalike.compound,
    });
  }
  const res = createAccount(
    who.actor.personId,
    { ...rest, passwordHash: await hash(password), confirmedLookalike: Boolean(lookalike) },
    reach,
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

/**
 * Gives a role at one of the actor's places: to someone at least partly within their reach, or to
 * someone from elsewhere named by full mobile number and name. Nobody else can be reached by id,
 * and a grant never shows the actor more of the person than their own places.
 */
export async function grantRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  if (canCreateAccount(who.actor)) return fail('forbidden');
  const parsed = grantRoleSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { role, scopeId, grid, guestKind } = parsed.data;
  const person =
    parsed.data.personId !== undefined
      ? getPersonInReach(parsed.data.personId, staffReach(who.actor))
      : lookUpByMobileAndName(who.actor.personId, parsed.data.mobile ?? '', parsed.data.name, Date.now());
  if (person === 'wait') return failField('mobile', 'tooManyLookups');
  if (!person) return parsed.data.personId !== undefined ? fail('notFound') : failField('mobile', 'noSuchPerson');
  const denied = mayManage(who.actor, role, scopeId);
  if (denied === 'notFound') return failField('scopeId', 'notFound');
  if (denied) return failField('role', denied);
  const granted = grantRole(
    who.actor.personId,
    {
      personId: person.id,
      role,
      scopeType: ROLE_SCOPE[role],
      scopeId,
      grid: role === 'grid_worker' ? grid : null,
      guestKind: role === 'guest' ? guestKind : null,
    },
    Date.now(),
  );
  if (granted === 'exists') return failField('role', 'roleExists');
  if (granted === 'passwordElsewhere') return failField('role', 'passwordSetElsewhere');
  revalidatePath(`/admin/people/${person.id}`);
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
  const person = getPersonInReach(parsed.data.personId, staffReach(who.actor));
  if (!person) return fail('notFound');
  // Whoever sets the password can sign in and vote as the person: only staff whose reach covers all
  // of the person's places (docs/decisions/0012), and who could give every role the person holds
  // (no one resets a colleague's or a superior's password).
  if (person.reach !== 'whole') return fail('personOutOfReach');
  for (const m of listMembershipsOf(person.id)) {
    if (mayManage(who.actor, m.role, m.scopeId)) return fail('roleOutOfReach');
  }
  setPassword(who.actor.personId, person.id, await hash(parsed.data.password), null, Date.now());
  revalidatePath(`/admin/people/${person.id}`);
  return { ok: true, data: null, message: (await getTranslations())('saved') };
}
