'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { findEscalation, settleEscalation } from '@/db/followthrough/escalations';
import type { ActionResult } from '@/lib/actions/result';
import { actorOrFail, fail, formToObject, invalid } from '@/server/actions';
import { canAnswerEscalation, canForwardEscalation } from '@/lib/followthrough/rules';
import { settleEscalationSchema } from '@/lib/followthrough/validation';

/**
 * A community worker answers an escalated matter (the answer goes back to the compound) or passes
 * it to the street; street staff answer what reached them. An escalation outside the actor's
 * community or street is "not found".
 */
export async function settleEscalationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const parsed = settleEscalationSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const e = findEscalation(parsed.data.escalationId);
  if (!e) return fail('notFound');
  const check = parsed.data.kind === 'answer' ? canAnswerEscalation : canForwardEscalation;
  const denied = check(who.actor.memberships, e);
  if (denied) return fail(denied);
  const ok = settleEscalation(
    { escalationId: e.id, actorId: who.actor.personId, kind: parsed.data.kind, text: parsed.data.text },
    Date.now(),
  );
  if (!ok) return fail('escalationAnswered');
  revalidatePath('/escalations');
  revalidatePath(`/c/${e.compoundId}/topics/${e.topicId}`);
  const t = await getTranslations('follow');
  return {
    ok: true,
    data: null,
    message: t(parsed.data.kind === 'answer' ? 'escalationAnsweredMsg' : 'escalationForwarded'),
  };
}
