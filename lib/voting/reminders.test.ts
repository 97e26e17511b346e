import { describe, expect, it } from 'vitest';
import type { Role } from '../auth/roles';
import { canRemindVoters, groupByBuilding, remindSchema } from './reminders';

const roles = (...r: Role[]) => new Set<Role>(r);
const open = { kind: 'consultation', status: 'open', startsAt: 0, endsAt: 1000 };

describe('reminding those who have not voted', () => {
  it('is the grid worker’s, in an open consultation or owners’ decision', () => {
    expect(canRemindVoters(roles('grid_worker'), open, 500)).toBeNull();
    expect(canRemindVoters(roles('grid_worker'), { ...open, kind: 'owners' }, 500)).toBeNull();
    expect(canRemindVoters(roles('grid_worker'), { ...open, kind: 'council' }, 500)).toBe('forbidden');
    for (const r of ['branch_secretary', 'committee_chair', 'owner', 'property_staff', 'community_worker'] as const) {
      expect(canRemindVoters(roles(r), open, 500)).toBe('forbidden');
    }
  });

  it('ends when the vote ends, and starts when it starts', () => {
    expect(canRemindVoters(roles('grid_worker'), open, 1000)).toBe('voteClosed');
    expect(canRemindVoters(roles('grid_worker'), { ...open, status: 'closed' }, 500)).toBe('voteClosed');
    expect(canRemindVoters(roles('grid_worker'), { ...open, startsAt: 600 }, 500)).toBe('voteNotStarted');
  });

  it('groups households by building in natural order, those not yet reminded first', () => {
    const row = (building: string | null, place: string, remindedAt: number | null = null) => ({
      building,
      place,
      remindedAt,
    });
    const groups = groupByBuilding([
      row('10号楼', '10号楼1单元101'),
      row('3号楼', '3号楼1单元502', 5),
      row(null, ''),
      row('3号楼', '3号楼1单元601'),
      row('3号楼', '3号楼1单元201'),
    ]);
    expect(groups.map((g) => g.building)).toEqual(['3号楼', '10号楼', null]);
    expect(groups[0]?.rows.map((r) => r.place)).toEqual(['3号楼1单元201', '3号楼1单元601', '3号楼1单元502']);
    expect(groups.map((g) => g.waiting)).toEqual([2, 1, 1]);
  });

  it('accepts voter keys only as the electorate writes them', () => {
    expect(remindSchema.safeParse({ voteId: '3', voterKeys: ['h:12', 'p:7'] }).success).toBe(true);
    for (const bad of [[], ['x:1'], ["h:1' or 1=1"], ['h:']]) {
      expect(remindSchema.safeParse({ voteId: '3', voterKeys: bad }).success).toBe(false);
    }
  });
});
