'use server';

import { hash } from '@node-rs/argon2';
import { getTranslations } from 'next-intl/server';
import { fileJoinRequest, findUnitByNumber, mobileKnown } from '@/db/households/join';
import { mobileOf } from '@/db/households/people';
import { findCompoundPlace } from '@/db/places/places';
import type { ActionResult } from '@/lib/actions/result';
import { joinNewSchema, joinSignedInSchema } from '@/lib/households/validation';
import { failField, formToObject, invalid } from '@/server/actions';
import { getActor } from '@/server/auth/session';

/**
 * A tenant or family member asks to join a unit. Signed in, the account asks; otherwise the form carries the name,
 * mobile and password of the account to open once the holder's voter (or the grid worker or secretary) approves.
 * A mobile already known to the platform must sign in (or activate) first: a request can never take over someone
 * else's account or register entry.
 */
export async function fileJoinRequestAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const actor = await getActor();
  const raw = formToObject(form);
  const now = Date.now();
  let who: { personId: number | null; name: string; mobile: string; passwordHash: string | null };
  let fields: {
    compoundId: number;
    buildingId: number;
    unit: string;
    relation: 'tenant' | 'family_member';
    moveOut?: number;
  };
  if (actor) {
    const parsed = joinSignedInSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    fields = parsed.data;
    const me = { personId: actor.personId, name: actor.name, mobile: '', passwordHash: null };
    who = { ...me, mobile: mobileOf(actor.personId) ?? '' };
  } else {
    const parsed = joinNewSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error);
    fields = parsed.data;
    if (mobileKnown(parsed.data.mobile)) return failField('mobile', 'joinMobileKnown');
    who = {
      personId: null,
      name: parsed.data.name,
      mobile: parsed.data.mobile,
      passwordHash: await hash(parsed.data.password),
    };
  }
  if (!findCompoundPlace(fields.compoundId)) return failField('compoundId', 'notFound');
  const unit = findUnitByNumber(fields.compoundId, fields.buildingId, fields.unit);
  if (!unit) return failField('unit', 'joinNoUnit');
  if (fields.moveOut !== undefined && fields.moveOut <= now) return failField('moveOut', 'joinMoveOutPast');
  const id = fileJoinRequest(
    {
      compoundId: fields.compoundId,
      unitId: unit.unitId,
      unitLabel: unit.label,
      voterId: unit.voterId,
      ...who,
      relation: fields.relation,
      moveOutAt: fields.moveOut ?? null,
    },
    now,
  );
  if (id === null) return failField('unit', 'joinPending');
  const t = await getTranslations('join');
  return { ok: true, data: null, message: t('filed', { unit: unit.label }) };
}
