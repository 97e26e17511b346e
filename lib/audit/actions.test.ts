import { describe, expect, it } from 'vitest';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { TOPIC_ACTIONS } from '../topics/lifecycle';
import { AUDIT_ACTIONS } from './actions';

describe('audit actions', () => {
  it('are listed once each, topic moves included', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    for (const a of TOPIC_ACTIONS) expect(AUDIT_ACTIONS).toContain(a);
  });

  it.each([
    ['zh-CN', zh],
    ['en', en],
  ])('are each named in %s where the trail is shown, and nothing else is', (_locale, messages) => {
    const named = messages.admin.auditActions as Record<string, string>;
    expect(Object.keys(named).sort()).toEqual([...AUDIT_ACTIONS].sort());
    for (const a of AUDIT_ACTIONS) expect(named[a]?.trim()).toBeTruthy();
  });
});
