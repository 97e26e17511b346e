'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import {
  addBuilding,
  buildingNameTaken,
  compoundNameTaken,
  setCompoundServices,
  updateBuilding,
  updateCompound,
} from '@/db/places/compounds';
import { applyUnitImport, buildingNames, type ImportSummary } from '@/db/places/register';
import type { ActionResult, Translate } from '@/lib/actions/result';
import {
  fail,
  failField,
  fieldOf,
  formToObject,
  inCompound,
  invalid,
  isFailure,
  type CompoundContext,
  type Failure,
} from '@/server/actions';
import { canAdministerCompound, staffReach } from '@/lib/auth/permissions';
import { parseUnitsCsv } from '@/lib/import/units-csv';
import { buildingSchema, compoundSettingsSchema, servicesSchema, updateBuildingSchema } from '@/lib/people/validation';
import { describeImportError } from './import-report';

type ImportReport = ImportSummary;

type Result<T = null> = ActionResult<T>;

/** Who is asking, and may they administer this compound? Another compound's id is "not found". */
async function administrable(compoundId: unknown): Promise<CompoundContext | Failure> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  return canAdministerCompound(ctx.actor, ctx.compound) ? fail('forbidden') : ctx;
}

async function saved<T>(compoundId: number, data: T): Promise<Result<T>> {
  revalidatePath(`/admin/compounds/${compoundId}`);
  revalidatePath(`/c/${compoundId}`);
  return { ok: true, data, message: (await getTranslations())('saved') };
}

export async function updateCompoundAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await administrable(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = compoundSettingsSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  if (compoundNameTaken(ctx.compound.communityId, parsed.data.name, ctx.compound.id)) {
    return failField('name', 'compoundNameTaken');
  }
  updateCompound(ctx.actor.personId, ctx.compound.id, parsed.data, Date.now());
  return saved(ctx.compound.id, null);
}

export async function addBuildingAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await administrable(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = buildingSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  if (buildingNameTaken(ctx.compound.id, parsed.data.name)) return failField('name', 'buildingNameTaken');
  addBuilding(ctx.actor.personId, ctx.compound.id, parsed.data, Date.now());
  return saved(ctx.compound.id, null);
}

export async function updateBuildingAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await administrable(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = updateBuildingSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const { buildingId, ...b } = parsed.data;
  if (buildingNameTaken(ctx.compound.id, b.name, buildingId)) return failField('name', 'buildingNameTaken');
  if (!updateBuilding(ctx.actor.personId, ctx.compound.id, buildingId, b, Date.now())) return fail('notFound');
  return saved(ctx.compound.id, null);
}

export async function setServicesAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await administrable(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = servicesSchema.safeParse(formToObject(form, ['companyIds']));
  if (!parsed.success) return invalid(parsed.error);
  const res = setCompoundServices(
    ctx.actor.personId,
    ctx.compound.id,
    parsed.data.companyIds,
    parsed.data.newCompany,
    Date.now(),
  );
  if (!res.ok) return fail(res.error);
  return saved(ctx.compound.id, null);
}

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * Imports units, areas and holders from a CSV file. Every row is checked first; a file with any
 * bad row imports nothing and the answer lists each bad row with its line and reason.
 */
export async function importUnitsAction(
  compoundId: number,
  _prev: Result<ImportReport> | null,
  form: FormData,
): Promise<Result<ImportReport>> {
  const ctx = await administrable(compoundId);
  if (isFailure(ctx)) return ctx;
  const file = fieldOf(form, 'file');
  if (!(file instanceof File) || file.size === 0) return failField('file', 'fileMissing');
  if (file.size > MAX_IMPORT_BYTES) return failField('file', 'fileTooLarge', { mb: 5 });
  const text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
  const known = new Set(buildingNames(ctx.compound.id).map((b) => b.name));
  const parsed = parseUnitsCsv(text, known);
  const t = await getTranslations('import');
  if (!parsed.ok) {
    const tr: Translate = (k, v) => t(k as 'row', v);
    const errors = parsed.errors.map((e) => describeImportError(e, tr));
    return { ...(await fail('importFailed', { count: errors.length })), details: errors };
  }
  const confirmed = form.get('confirmLookalike') === 'on';
  const applied = applyUnitImport(
    ctx.actor.personId,
    ctx.compound.id,
    parsed.rows,
    staffReach(ctx.actor),
    confirmed,
    Date.now(),
  );
  if (!applied.ok) {
    const tr = await getTranslations('roles');
    const errors = applied.conflicts.map((c) => ({
      line: c.line,
      text:
        c.kind === 'registeredName'
          ? t('errors.registeredName', { line: c.line, mobile: c.mobile, name: c.registeredName })
          : c.kind === 'lookalike'
            ? t('errors.lookalike', {
                line: c.line,
                mobile: c.mobile,
                name: c.official.name,
                role: tr(c.official.role as 'branch_secretary'),
              })
            : t(`errors.${c.kind}`, { line: c.line, mobile: c.mobile }),
    }));
    // A name like an official's is one staff may confirm: the form then offers the confirmation.
    const lookalikes = applied.conflicts.some((c) => c.kind === 'lookalike');
    const failure = await fail('importFailed', { count: errors.length });
    return { ...failure, code: lookalikes ? 'importLookalike' : failure.code, details: errors };
  }
  revalidatePath(`/admin/compounds/${ctx.compound.id}`);
  revalidatePath(`/c/${ctx.compound.id}`);
  const s = applied.summary;
  return { ok: true, data: s, message: t('done', { ...s }) };
}
