import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/permissions';
import { workScope } from './scope';

const actor = (over: Partial<Actor>): Actor => ({
  personId: 1,
  name: '测试',
  partyMember: false,
  memberships: [],
  ownerCompoundIds: [],
  ...over,
});

describe('where work waits for a person', () => {
  it('a secretary who owns a flat elsewhere: review in her compound, resident work in both', () => {
    const s = workScope(
      actor({
        memberships: [{ role: 'branch_secretary', scopeType: 'compound', scopeId: 1 }],
        ownerCompoundIds: [2],
      }),
    );
    expect(s.compounds.review_topic).toEqual([1]);
    expect(s.compounds.rate_task).toEqual([1, 2]);
    expect(s.tasks.branchIn).toEqual([1]);
    expect(s.compounds.confirm_paper).toBeUndefined();
  });

  it('property staff: their companies’ tasks, no compound work', () => {
    const s = workScope(actor({ memberships: [{ role: 'property_staff', scopeType: 'company', scopeId: 4 }] }));
    expect(s.tasks.companyIds).toEqual([4]);
    expect(s.compounds).toEqual({});
  });

  it('community and street staff: escalations at their level; the community also carries out community tasks', () => {
    const s = workScope(
      actor({
        memberships: [
          { role: 'community_worker', scopeType: 'community', scopeId: 3 },
          { role: 'street_staff', scopeType: 'street', scopeId: 2 },
        ],
      }),
    );
    expect(s.escalations).toEqual({ communityIds: [3], streetIds: [2] });
    expect(s.tasks.communityIds).toEqual([3]);
  });

  it('a district admin has no work list of their own here', () => {
    const s = workScope(actor({ memberships: [{ role: 'district_admin', scopeType: 'district', scopeId: 1 }] }));
    expect(s.compounds).toEqual({});
    expect(s.escalations).toEqual({ communityIds: [], streetIds: [] });
  });
});
