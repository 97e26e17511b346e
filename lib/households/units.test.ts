import { describe, expect, it } from 'vitest';
import { parseOwners, parseUnitList } from './units';

const BUILDINGS = ['1号楼', '11号楼', '3号楼'];

describe('parseUnitList', () => {
  it('reads one home a line, with or without a space, the longest building name first', () => {
    expect(parseUnitList('3号楼2单元501\n11号楼 1单元101\n\n1号楼　2单元302\n3号楼2单元501', BUILDINGS)).toEqual({
      ok: true,
      units: [
        { building: '3号楼', number: '2单元501' },
        { building: '11号楼', number: '1单元101' },
        { building: '1号楼', number: '2单元302' },
      ],
    });
  });

  it('names the lines it cannot read', () => {
    expect(parseUnitList('3号楼2单元501\n5号楼1单元101\n3号楼', BUILDINGS)).toEqual({
      ok: false,
      badLines: [
        { line: 2, text: '5号楼1单元101' },
        { line: 3, text: '3号楼' },
      ],
    });
  });
});

describe('parseOwners', () => {
  it('reads name:mobile, co-owners by semicolons, full-width punctuation too', () => {
    expect(parseOwners('赵新民:13912345678')).toEqual([{ name: '赵新民', mobile: '13912345678' }]);
    expect(parseOwners('孙新：13912300002；钱新:13912300003')).toEqual([
      { name: '孙新', mobile: '13912300002' },
      { name: '钱新', mobile: '13912300003' },
    ]);
  });

  it('refuses a missing or malformed mobile, an empty list and the same mobile twice', () => {
    for (const bad of [
      '',
      '赵新民',
      '赵新民:1391234567',
      ':13912345678',
      '甲:13912345678;乙:13912345678',
      '甲:23912345678',
    ]) {
      expect(parseOwners(bad), bad).toBeNull();
    }
  });
});
