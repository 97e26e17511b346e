import { z } from 'zod';
import type { Roles } from '../auth/roles';

/**
 * Reminding those who have not voted (催票): the grid worker goes through the households of their
 * compound who have not voted in an open consultation or owners' decision, by building, with a
 * phone number to call, and notes whom they reminded so that nobody is called twice. Phone numbers
 * are shown to the compound's grid workers only: reminding is their job, and they are staff of the
 * compound (docs/decisions/0020-phone.md).
 */

/** Votes of the residents; a council vote's electorate is the compound's officials, who need no reminder. */
export const REMINDABLE_KINDS = ['consultation', 'owners'] as const;

export function canRemindVoters(
  roles: Roles,
  vote: { kind: string; status: string; startsAt: number; endsAt: number },
  now: number,
): string | null {
  if (!roles.has('grid_worker')) return 'forbidden';
  if (!(REMINDABLE_KINDS as readonly string[]).includes(vote.kind)) return 'forbidden';
  if (vote.status !== 'open' || now >= vote.endsAt) return 'voteClosed';
  return now < vote.startsAt ? 'voteNotStarted' : null;
}

export interface NonVoterRow {
  voterKey: string;
  name: string;
  place: string;
  building: string | null;
  mobile: string | null;
  remindedAt: number | null;
  remindedBy: string | null;
}

export interface BuildingGroup<T> {
  building: string | null;
  rows: T[];
  /** Not yet reminded in this building. */
  waiting: number;
}

/** Households by building, in the order buildings are named (3号楼 before 10号楼); those not reminded first. */
export function groupByBuilding<T extends Pick<NonVoterRow, 'building' | 'place' | 'remindedAt'>>(
  rows: readonly T[],
): BuildingGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const r of rows) groups.set(r.building, [...(groups.get(r.building) ?? []), r]);
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : collator.compare(a, b)))
    .map(([building, list]) => ({
      building,
      rows: [...list].sort(
        (a, b) => Number(a.remindedAt !== null) - Number(b.remindedAt !== null) || collator.compare(a.place, b.place),
      ),
      waiting: list.filter((r) => r.remindedAt === null).length,
    }));
}

/** The reminder form: a vote and the households (voter keys) reminded. */
export const remindSchema = z.object({
  voteId: z.coerce.number().int().positive(),
  voterKeys: z
    .array(z.string().regex(/^[hp]:\d{1,12}$/, 'invalid'))
    .min(1, 'choose')
    .max(2000, 'invalid'),
});
