import { z } from 'zod';
import { ASSIGNABLE_ROLES, GUEST_KINDS } from '../auth/roles';
import {
  checkbox,
  humanText,
  id,
  intIn,
  mobile,
  newPassword,
  optionalHumanText,
  personName,
} from '../validation/common';

export const compoundSettingsSchema = z.object({
  name: humanText(40, 'name'),
  address: optionalHumanText(100),
  noticeDays: intIn(1, 30),
  ratingDays: intIn(1, 30),
  escalateAfterDays: intIn(1, 60),
  nonVotersFollowMajority: checkbox,
  /** Printed on activation letters: whom residents call for help (a phone number, or a name and number). */
  hotline: optionalHumanText(40),
});

export const createCompoundSchema = compoundSettingsSchema.extend({ communityId: id });

export const buildingSchema = z.object({
  name: humanText(20, 'name'),
  floors: intIn(1, 99),
});

export const updateBuildingSchema = buildingSchema.extend({ buildingId: id });

export const servicesSchema = z.object({
  companyIds: z.array(id).max(10, 'range'),
  newCompany: optionalHumanText(60, 'name'),
});

export const createAccountSchema = z.object({
  name: personName(40),
  mobile,
  password: newPassword,
  partyMember: checkbox,
  /** Staff have checked that a name like an official's belongs to someone else. */
  confirmLookalike: checkbox,
});

/** An empty form field is an absent one. */
const blankAsAbsent = (v: unknown) => (v === '' || v === null ? undefined : v);

/**
 * Giving a role: to someone the staff member can see (`personId`), or to someone from elsewhere
 * named by their full mobile number *and* name, both typed by the staff member.
 */
export const grantRoleSchema = z
  .object({
    personId: z.preprocess(blankAsAbsent, id.optional()),
    mobile: z.preprocess(blankAsAbsent, mobile.optional()),
    name: optionalHumanText(40, 'name'),
    role: z.enum(ASSIGNABLE_ROLES, { error: 'choose' }),
    scopeId: id,
    grid: optionalHumanText(40),
    guestKind: z
      .union([z.enum(GUEST_KINDS), z.literal('')])
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.role !== 'guest' || v.guestKind !== null, { path: ['guestKind'], message: 'choose' })
  .refine((v) => v.role !== 'grid_worker' || v.grid !== '', { path: ['grid'], message: 'required' })
  .refine((v) => v.personId !== undefined || v.mobile !== undefined, { path: ['mobile'], message: 'required' })
  .refine((v) => v.personId !== undefined || v.name !== '', { path: ['name'], message: 'required' });

export const revokeRoleSchema = z.object({ membershipId: id });

export const setPasswordSchema = z.object({ personId: id, password: newPassword });

export const changePasswordSchema = z
  .object({
    current: z.string({ error: 'required' }).min(1, 'required').max(256, 'tooLong'),
    password: newPassword,
    confirm: z.string({ error: 'required' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'mismatch' });
