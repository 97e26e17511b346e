'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { findUnitIds, type LetterScope } from '@/db/activation/eligible';
import { listBuildings } from '@/db/places/places';
import type { ActionResult } from '@/lib/actions/result';
import { staffReach } from '@/lib/auth/permissions';
import { parseUnitList } from '@/lib/households/units';
import { letterAuthority } from '@/lib/households/rules';
import { lettersSchema } from '@/lib/households/validation';
import { fail, failField, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { type LetterBatch, makeLetters } from '@/server/activation/letters';
import { publicOrigin } from '@/server/http/client';

/**
 * Makes activation letters for a compound, a building or a list of units (docs/decisions/0018-households.md).
 * Community workers and above over the compound, or its owners' committee; the codes come back only in this answer.
 */
export async function generateLettersAction(
  compoundId: number,
  _prev: ActionResult<LetterBatch> | null,
  form: FormData,
): Promise<ActionResult<LetterBatch>> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const authority = letterAuthority(ctx.actor, ctx.compound);
  if (!authority) return fail('forbidden');
  const parsed = lettersSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const buildings = listBuildings(ctx.compound.id);
  let scope: LetterScope;
  if (parsed.data.scope === 'building') {
    const building = buildings.find((b) => b.id === parsed.data.buildingId);
    if (!building) return failField('buildingId', 'notFound');
    scope = { kind: 'building', buildingId: building.id };
  } else if (parsed.data.scope === 'units') {
    const list = parseUnitList(
      parsed.data.units,
      buildings.map((b) => b.name),
    );
    if (!list.ok) {
      return failField('units', 'unitLines', { lines: list.badLines.map((l) => l.line || l.text).join('、') });
    }
    const found = findUnitIds(ctx.compound.id, list.units);
    if (found.missing.length > 0) {
      const names = found.missing.map((i) => `${list.units[i]?.building ?? ''}${list.units[i]?.number ?? ''}`);
      return failField('units', 'unitsUnknown', { units: names.slice(0, 10).join('、') });
    }
    scope = { kind: 'units', unitIds: found.ids };
  } else {
    scope = { kind: 'compound' };
  }
  const batch = await makeLetters(
    {
      compoundId: ctx.compound.id,
      scope,
      actorId: ctx.actor.personId,
      authority,
      reach: staffReach(ctx.actor),
      origin: await publicOrigin(),
    },
    Date.now(),
  );
  if (batch.letters.length === 0) {
    return fail('noLetters', { activated: batch.activated, outOfReach: batch.outOfReach });
  }
  revalidatePath(`/c/${ctx.compound.id}/households`);
  const t = await getTranslations('households');
  return { ok: true, data: batch, message: t('lettersMade', { count: batch.letters.length, revoked: batch.revoked }) };
}
