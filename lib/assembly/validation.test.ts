import { describe, expect, it } from 'vitest';
import { announceSchema, assemblyRulesSchema, registerObjectionSchema } from './validation';

const notice = {
  title: '2026年第一次业主大会',
  howToVote: '网上或纸质。',
  objectionsUntil: '2026-12-10T18:00',
  startsAt: '2026-12-20T09:00',
  endsAt: '2026-12-27T18:00',
};
const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : (r.error?.issues ?? []).map((i) => `${String(i.path[0])}: ${i.message}`);

describe('announceSchema', () => {
  it('reads numbered matter rows, skipping empty ones; an election is always item 3', () => {
    const r = announceSchema.safeParse({
      ...notice,
      m1_topicId: '7',
      m1_kind: 'decision',
      m1_item: '5',
      m1_question: '使用维修资金？',
      m2_topicId: '',
      m2_question: '',
      m3_topicId: '8',
      m3_kind: 'election',
      m3_item: '9',
      m3_question: '选举业委会',
    });
    expect(r.success && r.data.matters).toEqual([
      { row: 1, topicId: 7, kind: 'decision', item: 5, question: '使用维修资金？', options: [] },
      { row: 3, topicId: 8, kind: 'election', item: 3, question: '选举业委会', options: [] },
    ]);
  });

  it('needs at least one matter, and each matter its topic, kind, item and question', () => {
    expect(issues(announceSchema.safeParse(notice))).toEqual(['m1_question: required']);
    expect(issues(announceSchema.safeParse({ ...notice, m1_question: '问题', m1_kind: 'x' }))).toEqual([
      'm1_topicId: choose',
      'm1_kind: choose',
      'm1_item: choose',
    ]);
  });

  it('a choice has 2 to 10 distinct options', () => {
    const choice = { ...notice, m1_topicId: '7', m1_kind: 'choice', m1_item: '4', m1_question: '选聘物业' };
    expect(issues(announceSchema.safeParse({ ...choice, m1_options: '甲物业\n甲物业' }))).toEqual([
      'm1_options: optionCount',
    ]);
    const r = announceSchema.safeParse({ ...choice, m1_options: '甲物业\n\n乙物业\n' });
    expect(r.success && r.data.matters[0]?.options).toEqual(['甲物业', '乙物业']);
  });

  it('refuses invisible characters and bad dates like every form', () => {
    expect(issues(announceSchema.safeParse({ ...notice, title: '大会\u200b', m1_question: 'x' }))).toContain(
      'title: invisibleChars',
    );
    expect(issues(announceSchema.safeParse({ ...notice, startsAt: '2026-02-30T09:00', m1_question: 'x' }))).toContain(
      'startsAt: invalid',
    );
  });
});

describe('registerObjectionSchema', () => {
  const base = { assemblyId: '1', unitId: '2', reason: '面积有误' };
  it('an objection to an area states the area, in m² with two decimals at most', () => {
    expect(issues(registerObjectionSchema.safeParse({ ...base, kind: 'area' }))).toEqual(['claimedArea: area']);
    expect(issues(registerObjectionSchema.safeParse({ ...base, kind: 'area', claimedArea: '87.355' }))).toEqual([
      'claimedArea: area',
    ]);
    const ok = registerObjectionSchema.safeParse({ ...base, kind: 'area', claimedArea: '87.35' });
    expect(ok.success && ok.data.claimedArea).toBe(8735);
    const holder = registerObjectionSchema.safeParse({ ...base, kind: 'holder' });
    expect(holder.success && holder.data.claimedArea).toBeNull();
  });
});

describe('assemblyRulesSchema', () => {
  const rules = {
    assemblyNoticeDays: '15',
    votingMinDays: '7',
    maxProxies: '3',
    committeeSeats: '5',
    committeeAlternates: '0',
    handoverDays: '7',
  };
  it('keeps the notice period at the law’s 15 days at least and the committee odd, 5 to 11', () => {
    expect(assemblyRulesSchema.safeParse(rules).success).toBe(true);
    expect(issues(assemblyRulesSchema.safeParse({ ...rules, assemblyNoticeDays: '14' }))).toEqual([
      'assemblyNoticeDays: range',
    ]);
    expect(issues(assemblyRulesSchema.safeParse({ ...rules, committeeSeats: '6' }))).toEqual([
      'committeeSeats: oddSeats',
    ]);
    expect(issues(assemblyRulesSchema.safeParse({ ...rules, committeeSeats: '13' }))).toEqual([
      'committeeSeats: range',
    ]);
  });
});
