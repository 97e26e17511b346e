import { describe, expect, it } from 'vitest';
import { lookalikeOfficial, type Official } from './lookalike';

const secretary: Official = { name: '王秋萍', mobile: '13800000001', role: 'branch_secretary', compound: '合和大院' };
const chair: Official = { name: '欧阳·晓', mobile: '13800000002', role: 'committee_chair', compound: '合和大院' };

describe('lookalikeOfficial', () => {
  it.each(['王秋萍', '王 秋萍', '王\u3000秋萍', ' 王秋萍 ', '王秋萍\u200B', '\u202E王秋萍'])(
    '%j passes for the branch secretary',
    (name) => {
      expect(lookalikeOfficial(name, '13900000000', [chair, secretary])).toBe(secretary);
    },
  );

  it('treats the different middle dots and full-width letters as one', () => {
    expect(lookalikeOfficial('欧阳・晓', '13900000000', [chair])).toBe(chair);
    expect(lookalikeOfficial('欧阳．晓', '13900000000', [chair])).toBeUndefined();
    const latin: Official = { ...secretary, name: 'Anna Li' };
    expect(lookalikeOfficial('ＡＮＮＡ ＬＩ', '13900000000', [latin])).toBe(latin);
  });

  it('is the official themself when the mobile is theirs', () => {
    expect(lookalikeOfficial('王秋萍', '13800000001', [secretary])).toBeUndefined();
  });

  it('lets other names through', () => {
    expect(lookalikeOfficial('王秋平', '13900000000', [secretary])).toBeUndefined();
    expect(lookalikeOfficial('王秋', '13900000000', [secretary])).toBeUndefined();
    expect(lookalikeOfficial('王秋萍', '13900000000', [])).toBeUndefined();
  });
});
