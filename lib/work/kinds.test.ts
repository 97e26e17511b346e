import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_ROLES, type Role } from '../auth/roles';
import { compoundTaskParties, compoundWorkKinds, sortWork, WORK_KINDS, WORK_ORDER, workHref } from './kinds';

const roles = (...r: Role[]) => new Set<Role>(r);

describe('what each role has to do in a compound', () => {
  it('the branch secretary reviews, convenes, decides, publishes and answers; and is a resident', () => {
    expect(compoundWorkKinds(roles('branch_secretary')).sort()).toEqual(
      [
        'answer_objection',
        'may_object',
        'publish_decision',
        'rate_task',
        'record_decision',
        'record_minutes',
        'review_topic',
      ].sort(),
    );
  });

  it('the committee chair does what the secretary does except convene, and confirms paper ballots', () => {
    const kinds = compoundWorkKinds(roles('committee_chair'));
    expect(kinds).toContain('review_topic');
    expect(kinds).toContain('confirm_paper');
    expect(kinds).not.toContain('record_minutes');
  });

  it('a committee member confirms paper ballots and acts for the committee’s tasks', () => {
    expect(compoundWorkKinds(roles('committee_member'))).toContain('confirm_paper');
    expect(compoundWorkKinds(roles('committee_member'))).not.toContain('review_topic');
    expect(compoundTaskParties(roles('committee_member'))).toEqual(['committee']);
  });

  it('the grid worker reminds voters, and is not a resident for that', () => {
    expect(compoundWorkKinds(roles('grid_worker'))).toEqual(['remind_voters']);
  });

  it('owners and tenants rate and may object; a guest has nothing to do', () => {
    expect(compoundWorkKinds(roles('owner'))).toEqual(['rate_task', 'may_object']);
    expect(compoundWorkKinds(roles('tenant'))).toEqual(['rate_task', 'may_object']);
    expect(compoundWorkKinds(roles('guest'))).toEqual([]);
  });

  it('nobody gets a kind twice, whatever roles they combine', () => {
    const kinds = compoundWorkKinds(new Set<Role>([...ASSIGNABLE_ROLES, 'owner']));
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});

describe('the list', () => {
  it('puts what others wait on first, then the nearest deadline, then the oldest', () => {
    const row = (kind: (typeof WORK_KINDS)[number], dueAt: number | null, since: number, objectId = 1) => ({
      kind,
      dueAt,
      since,
      objectId,
    });
    const sorted = sortWork([
      row('may_object', 100, 0),
      row('cast_vote', 500, 0),
      row('cast_vote', 200, 0, 2),
      row('overdue_task', null, 0),
      row('review_topic', null, 50),
      row('review_topic', null, 10, 3),
    ]);
    expect(sorted.map((r) => [r.kind, r.objectId])).toEqual([
      ['overdue_task', 1],
      ['review_topic', 3],
      ['review_topic', 1],
      ['cast_vote', 2],
      ['cast_vote', 1],
      ['may_object', 1],
    ]);
  });

  it('orders every kind', () => {
    for (const k of WORK_KINDS) expect(WORK_ORDER[k]).toBeTypeOf('number');
  });

  it('leads to where each thing is done', () => {
    const at = { compoundId: 1, objectId: 7, topicId: 3 };
    expect(workHref({ ...at, kind: 'review_topic', topicId: null })).toBe('/c/1/topics/7#review-h');
    expect(workHref({ ...at, kind: 'answer_objection' })).toBe('/c/1/topics/3#objections-h');
    expect(workHref({ ...at, kind: 'confirm_paper' })).toBe('/c/1/votes/7#paper-h');
    expect(workHref({ ...at, kind: 'cast_vote' })).toBe('/c/1/votes/7');
    expect(workHref({ ...at, kind: 'remind_voters' })).toBe('/c/1/reminders/7');
    expect(workHref({ ...at, kind: 'record_minutes' })).toBe('/c/1/meetings/7');
    expect(workHref({ ...at, kind: 'answer_escalation' })).toBe('/escalations#waiting-h');
    expect(workHref({ ...at, kind: 'read_reply' })).toBe('/c/1/topics/3#discussion-h');
    for (const kind of WORK_KINDS) expect(workHref({ ...at, kind })).toMatch(/^\//);
  });
});
