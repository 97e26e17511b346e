'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { answerJoinRequest, pendingJoinRequest } from '@/db/households/join';
import { householdMembership, recordMoveOut } from '@/db/households/tenancy';
import type { ActionResult } from '@/lib/actions/result';
import { rolesIn, staffOverCompound } from '@/lib/auth/permissions';
import { answersJoinRequests } from '@/lib/households/rules';
import { answerJoinSchema, moveOutSchema } from '@/lib/households/validation';
import { actorOrFail, fail, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { compoundInScope } from '@/server/auth/guards';

/**
 * Answering a request to join a unit: the voter of the unit's household (from "My home"), or the compound's grid
 * worker or branch secretary (from its households page). Anyone else is told the request does not exist.
 */
export async function answerJoinRequestAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = answerJoinSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const request = pendingJoinRequest(parsed.data.requestId);
  if (!request) return fail('notFound');
  const compound = compoundInScope(who.actor, request.compoundId);
  const isVoter = request.voterId === who.actor.personId;
  if (!isVoter && !(compound && answersJoinRequests(rolesIn(who.actor, compound)))) return fail('notFound');
  const outcome = answerJoinRequest(request.id, parsed.data.answer, parsed.data.reason, who.actor.personId, Date.now());
  if (outcome === 'gone') return fail('joinGone');
  if (outcome === 'mobile-taken') return fail('joinMobileKnown');
  if (outcome === 'exists') {
    const tr = await getTranslations('roles');
    return fail('joinExists', { relation: tr(request.relation) });
  }
  revalidatePath('/account');
  revalidatePath(`/c/${request.compoundId}/households`);
  const t = await getTranslations('join');
  return { ok: true, data: null, message: t(parsed.data.answer === 'approve' ? 'approved' : 'declined') };
}

/**
 * Moving out ends a tenant's (or family member's) role, now or at a date: the household's voter, the grid worker,
 * the secretary, or staff over the compound.
 */
export async function moveOutAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = moveOutSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const m = householdMembership(ctx.compound.id, parsed.data.membershipId);
  if (!m) return fail('moveOutGone');
  const may =
    m.voterId === ctx.actor.personId || answersJoinRequests(ctx.roles) || staffOverCompound(ctx.actor, ctx.compound);
  if (!may) return fail('forbidden');
  const now = Date.now();
  if (!recordMoveOut(ctx.compound.id, m.id, parsed.data.date ?? now, ctx.actor.personId, now))
    return fail('moveOutGone');
  revalidatePath(`/c/${ctx.compound.id}/households`);
  revalidatePath('/account');
  const t = await getTranslations('join');
  return { ok: true, data: null, message: t('movedOut') };
}
