import { describe, expect, it } from 'vitest';
import { TOPIC_STATUSES } from '../topics/lifecycle';
import { FUNNEL } from './funnel';

describe('the funnel', () => {
  it('is a chain: every status that reached a stage reached the one before', () => {
    const accepted = new Set<string>(FUNNEL.accepted);
    const decided = new Set<string>(FUNNEL.decided);
    const carried = new Set<string>(FUNNEL.carried);
    for (const s of FUNNEL.decided) expect(accepted.has(s)).toBe(true);
    for (const s of FUNNEL.carried) expect(decided.has(s)).toBe(true);
    for (const s of FUNNEL.closed) expect(carried.has(s)).toBe(true);
  });

  it('names only real statuses, and leaves out the topics turned away', () => {
    for (const list of [FUNNEL.accepted, FUNNEL.decided, FUNNEL.carried, FUNNEL.closed]) {
      for (const s of list) expect(TOPIC_STATUSES).toContain(s);
    }
    for (const s of ['raised', 'rejected', 'merged']) expect(FUNNEL.accepted).not.toContain(s);
    // Every status but those three counts as accepted.
    expect(FUNNEL.accepted.length).toBe(TOPIC_STATUSES.length - 3);
  });
});
