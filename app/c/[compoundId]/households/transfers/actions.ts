'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { recordTransfer, recordTransfers, type TransferError, unitForTransfer } from '@/db/households/transfers';
import { buildingNames } from '@/db/places/register';
import type { ActionResult } from '@/lib/actions/result';
import { staffReach } from '@/lib/auth/permissions';
import { recordsTransfers } from '@/lib/households/rules';
import { parseOwners } from '@/lib/households/units';
import { parseTransfersCsv } from '@/lib/households/transfers-csv';
import { transferSchema } from '@/lib/households/validation';
import { fail, failField, fieldOf, formToObject, inCompound, invalid, isFailure } from '@/server/actions';

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

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Records a CSV of changes of owner (lib/households/transfers-csv.ts), all rows or none: a file with any bad row
 * records nothing and lists every bad row with its line.
 */
export async function importTransfersAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  if (!recordsTransfers(ctx.actor, ctx.compound)) return fail('forbidden');
  const file = fieldOf(form, 'file');
  if (!(file instanceof File) || file.size === 0) return failField('file', 'fileMissing');
  if (file.size > MAX_FILE_BYTES) return failField('file', 'fileTooLarge', { mb: 2 });
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  const buildings = buildingNames(ctx.compound.id);
  const parsed = parseTransfersCsv(text, new Set(buildings.map((b) => b.name)));
  const t = await getTranslations('transfers');
  if (!parsed.ok) {
    const details = parsed.errors.map((e) => ({
      line: e.line,
      text: t(`csv.${e.kind}`, { line: e.line, value: 'value' in e ? e.value : e.missing }),
    }));
    return { ...(await fail('transfersFile', { count: details.length })), details };
  }
  const list = [];
  for (const row of parsed.rows) {
    const buildingId = buildings.find((b) => b.name === row.building)?.id ?? 0;
    const unit = unitForTransfer(ctx.compound.id, buildingId, row.unit);
    if (!unit) {
      return {
        ...(await fail('transfersFile', { count: 1 })),
        details: [{ line: row.line, text: t('csv.unit', { line: row.line, value: `${row.building}${row.unit}` }) }],
      };
    }
    list.push({
      compoundId: ctx.compound.id,
      unitId: unit.id,
      owners: row.owners,
      voterMobile: row.voter,
      effectiveAt: row.effectiveAt,
      reference: row.reference,
    });
  }
  const result = recordTransfers(list, ctx.actor.personId, staffReach(ctx.actor), Date.now());
  if (!result.ok) {
    const row = parsed.rows[result.index];
    const why = await refusal(result.error);
    return {
      ...why,
      details: [{ line: row?.line, text: t('csv.row', { line: row?.line ?? 0, reason: why.message }) }],
    };
  }
  revalidatePath(`/c/${ctx.compound.id}/households/transfers`);
  revalidatePath(`/c/${ctx.compound.id}/register`);
  return { ok: true, data: null, message: t('csvDone', { applied: result.applied, pending: result.pending }) };
}
