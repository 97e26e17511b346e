import { describe, expect, it } from 'vitest';
import type { Actor, CompoundPlace } from '../auth/permissions';
import {
  letterAuthority,
  recordsTransfers,
  seesHouseholds,
  stillLivesThere,
  voterChangeComplete,
  votingWay,
} from './rules';

const C: CompoundPlace = { id: 1, communityId: 10, streetId: 100, districtId: 1000, companyIds: [7] };
const person = (memberships: Actor['memberships'], owns: number[] = []): Actor => ({
  personId: 1,
  name: '某人',
  partyMember: false,
  memberships,
  ownerCompoundIds: owns,
});

describe('who may make letters, see the households page and record transfers', () => {
  const cases: [string, Actor, ReturnType<typeof letterAuthority>, boolean, boolean][] = [
    [
      'community worker',
      person([{ role: 'community_worker', scopeType: 'community', scopeId: 10 }]),
      'staff',
      true,
      true,
    ],
    [
      'another community',
      person([{ role: 'community_worker', scopeType: 'community', scopeId: 11 }]),
      null,
      false,
      false,
    ],
    ['street staff', person([{ role: 'street_staff', scopeType: 'street', scopeId: 100 }]), 'staff', true, true],
    ['district admin', person([{ role: 'district_admin', scopeType: 'district', scopeId: 1000 }]), 'staff', true, true],
    [
      'committee chair',
      person([{ role: 'committee_chair', scopeType: 'compound', scopeId: 1 }]),
      'committee',
      true,
      false,
    ],
    [
      'committee member',
      person([{ role: 'committee_member', scopeType: 'compound', scopeId: 1 }]),
      'committee',
      true,
      false,
    ],
    ['branch secretary', person([{ role: 'branch_secretary', scopeType: 'compound', scopeId: 1 }]), null, true, false],
    ['grid worker', person([{ role: 'grid_worker', scopeType: 'compound', scopeId: 1 }]), null, true, false],
    ['property staff', person([{ role: 'property_staff', scopeType: 'company', scopeId: 7 }]), null, false, false],
    ['owner', person([], [1]), null, false, false],
    ['tenant', person([{ role: 'tenant', scopeType: 'compound', scopeId: 1 }]), null, false, false],
  ];
  it.each(cases)('%s', (_, actor, letters, sees, transfers) => {
    expect(letterAuthority(actor, C)).toBe(letters);
    expect(seesHouseholds(actor, C)).toBe(sees);
    expect(recordsTransfers(actor, C)).toBe(transfers);
  });
});

describe('households', () => {
  it('a tenancy holds until its move-out date, exclusive', () => {
    expect(stillLivesThere(null, 5)).toBe(true);
    expect(stillLivesThere(10, 9)).toBe(true);
    expect(stillLivesThere(10, 10)).toBe(false);
  });

  it('a new voter needs every co-owner’s confirmation', () => {
    expect(voterChangeComplete([1, 2], [1])).toBe(false);
    expect(voterChangeComplete([1, 2], [2, 1])).toBe(true);
    expect(voterChangeComplete([1, 2, 3], [1, 2])).toBe(false);
    expect(voterChangeComplete([], [])).toBe(false);
  });

  it('says how a person votes for a home', () => {
    expect(votingWay(1, 1, null)).toBe('self');
    expect(votingWay(1, 2, null)).toBe('co_owner');
    expect(votingWay(1, null, null)).toBe('none');
    expect(votingWay(1, 1, 3)).toBe('proxy');
  });
});
