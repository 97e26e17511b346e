import { describe, expect, it } from 'vitest';
import zh from '../../messages/zh-CN.json';
import { NOTIFICATION_KINDS } from './kinds';
import { type NotificationFacts, notificationHref, notificationText } from './text';

const words = {
  t: (key: string, values?: Record<string, string | number>) => {
    const template = (zh.notifications as Record<string, string>)[key];
    if (!template) throw new Error(`missing notifications.${key}`);
    return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values?.[k] ?? `{${k}}`));
  },
  status: (s: string) => (zh.topics.statuses as Record<string, string>)[s] ?? '',
  party: (p: string) => (zh.topics.parties as Record<string, string>)[p] ?? '',
  objectionOutcome: (o: string) => (zh.assembly.objectionOutcomes as Record<string, string>)[o] ?? '',
  relation: (r: 'tenant' | 'family_member') => zh.join.relations[r],
};

const base: NotificationFacts = {
  kind: 'status',
  compoundId: 1,
  topicId: 5,
  meetingId: null,
  voteId: null,
  assemblyId: null,
  detail: 'in_progress',
  actorName: '王秋萍',
  topicTitle: '下水管堵塞',
  voteQuestion: null,
  compoundName: '合和大院',
};

describe('notification sentences', () => {
  it('exist for every kind, in Chinese', () => {
    for (const kind of NOTIFICATION_KINDS) expect(notificationText({ ...base, kind }, words)).not.toMatch(/\{\w+\}/);
  });

  it('say a task is theirs to accept, not just "the status is now …"', () => {
    expect(notificationText({ ...base, kind: 'task_assigned' }, words)).toBe('“下水管堵塞”已交由您方实施，请承接');
  });

  it('name the system when the clock acted', () => {
    expect(notificationText({ ...base, kind: 'topic_raised', actorName: null }, words)).toContain('系统');
  });

  it('lead to the vote, the section to act in, or the account', () => {
    expect(notificationHref({ ...base, kind: 'vote_opened', voteId: 9 })).toBe('/c/1/votes/9');
    expect(notificationHref({ ...base, kind: 'paper_pending', voteId: 9 })).toBe('/c/1/votes/9#paper-h');
    expect(notificationHref({ ...base, kind: 'topic_raised' })).toBe('/c/1/topics/5#review-h');
    expect(notificationHref({ ...base, kind: 'task_assigned' })).toBe('/c/1/topics/5#task-h');
    expect(notificationHref({ ...base, kind: 'proxy', assemblyId: 4 })).toBe('/c/1/assemblies/4');
    expect(notificationHref({ ...base, kind: 'join_request', detail: 'tenant|3号楼101|赵敏|voter' })).toBe('/account');
    expect(notificationHref({ ...base, kind: 'join_request', detail: 'tenant|3号楼101|赵敏' })).toBe('/c/1/households');
    expect(notificationHref({ ...base, kind: 'login_failures', topicId: null })).toBe('/account');
  });
});
