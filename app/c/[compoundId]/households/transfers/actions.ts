'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { recordTransfer, type TransferError, unitForTransfer } from '@/db/households/transfers';
import type { ActionResult } from '@/lib/actions/result';
import { staffReach } from '@/lib/auth/permissions';
import { recordsTransfers } from '@/lib/households/rules';
import { parseOwners } from '@/lib/households/units';
import { transferSchema } from '@/lib/households/validation';
import { fail, failField, formToObject, inCompound, invalid, isFailure } from '@/server/actions';

async function refusal(error: TransferError) {
  switch (error.kind) {
    case 'nameMismatch':
      return failField('owners', 'transferNameMismatch', { mobile: error.mobile });
    case 'outOfReach':
      return failField('owners', 'transferOutOfReach', { mobile: error.mobile });
    case 'voterNotOwner':
      return failField('voter', 'transferVoter');
    case 'sameHolder':
      return failField('owners', 'transferSame');
  }
}

/**
 * Records a change of owner from a register extract (community workers and above over the compound): from its
 * effective date, votes opened count the new holder; votes already opened keep the electorate they froze.
 */
export async function recordTransferAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  if (!recordsTransfers(ctx.actor, ctx.compound)) return fail('forbidden');
  const parsed = transferSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const owners = parseOwners(parsed.data.owners);
  if (!owners) return failField('owners', 'transferOwners');
  if (owners.length > 1 && !parsed.data.voter) return failField('voter', 'transferVoter');
  const unit = unitForTransfer(ctx.compound.id, parsed.data.buildingId, parsed.data.unit);
  if (!unit) return failField('unit', 'joinNoUnit');
  const now = Date.now();
  const result = recordTransfer(
    {
      compoundId: ctx.compound.id,
      unitId: unit.id,
      owners,
      voterMobile: parsed.data.voter ?? null,
      effectiveAt: parsed.data.effective,
      reference: parsed.data.reference,
    },
    ctx.actor.personId,
    staffReach(ctx.actor),
    now,
  );
  if (!result.ok) return refusal(result.error);
  revalidatePath(`/c/${ctx.compound.id}/households/transfers`);
  revalidatePath(`/c/${ctx.compound.id}/register`);
  const t = await getTranslations('transfers');
  return { ok: true, data: null, message: t(result.applied ? 'recordedNow' : 'recordedLater') };
}
