import { describe, expect, it } from 'vitest';
import { maskMobile, maskName } from './mask';

const fullWidth = (digits: string) => [...digits].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('');

describe('maskName', () => {
  it.each([
    ['王秋萍', '王*萍'],
    ['曲晶', '曲*'],
    ['欧阳晓明', '欧**明'],
    ['司马相如', '司**如'],
    ['王', '*'],
    ['', ''],
    ['阿卜杜·热合曼', '阿**·**曼'],
    ['阿依古丽・买买提', '阿***・**提'],
    ['  王秋萍 ', '王*萍'],
    ['𠮷野家', '𠮷*家'],
    ['John Smith', 'J*** ****h'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows more than two characters, nor a whole name', () => {
    for (const name of ['王', '曲晶', '王秋萍', '欧阳晓明', '爱新觉罗溥仪']) {
      const shown = [...maskName(name)].filter((c) => c !== '*').length;
      expect(shown).toBeLessThanOrEqual(2);
      expect(shown).toBeLessThan([...name].length);
    }
  });
});

describe('maskMobile', () => {
  it.each([
    ['13800000004', '138****0004'],
    ['138 0000 0004', '138****0004'],
    ['138-0000-0004', '138****0004'],
    ['+8613800000004', '138****0004'],
    ['8613800000004', '138****0004'],
    [fullWidth('13800000004'), '138****0004'],
    ['02488886666', '024****6666'],
    ['1234567', '*******'],
    ['', ''],
  ])('%s → %s', (mobile, masked) => {
    expect(maskMobile(mobile)).toBe(masked);
  });
});
