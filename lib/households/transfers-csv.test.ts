import { describe, expect, it } from 'vitest';
import { parseTransfersCsv } from './transfers-csv';

const B = new Set(['2号楼', '3号楼']);

describe('parseTransfersCsv', () => {
  it('reads rows with Chinese or English headers in any order, with a BOM and CRLF', () => {
    const csv =
      '\uFEFF新业主,楼栋,户号,生效日期,投票人\r\n赵新民:13912300001,2号楼,2单元301,2026-11-30,\r\n"孙新:13912300002;钱新:13912300003",3号楼,1单元101,2026-12-31,13912300003\r\n';
    const r = parseTransfersCsv(csv, B);
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          building: '2号楼',
          unit: '2单元301',
          effectiveAt: Date.parse('2026-11-30T00:00:00+08:00'),
          owners: [{ name: '赵新民', mobile: '13912300001' }],
          voter: null,
          reference: '',
        },
        {
          line: 3,
          building: '3号楼',
          unit: '1单元101',
          effectiveAt: Date.parse('2026-12-31T00:00:00+08:00'),
          owners: [
            { name: '孙新', mobile: '13912300002' },
            { name: '钱新', mobile: '13912300003' },
          ],
          voter: '13912300003',
          reference: '',
        },
      ],
    });
  });

  it('lists every bad row with its line, and a missing column', () => {
    const csv =
      'building,unit,effective,owners,voter\n9号楼,1单元101,2026-02-30,张三:13912300001,\n2号楼,,2026-12-01,甲:13912300002;乙:13912300003,\n';
    expect(parseTransfersCsv(csv, B)).toEqual({
      ok: false,
      errors: [
        { line: 2, kind: 'building', value: '9号楼' },
        { line: 2, kind: 'date', value: '2026-02-30' },
        { line: 3, kind: 'unit', value: '' },
        { line: 3, kind: 'voter', value: '' },
      ],
    });
    expect(parseTransfersCsv('楼栋,户号\n2号楼,1单元101\n', B)).toEqual({
      ok: false,
      errors: [{ line: 1, kind: 'header', missing: 'effective, owners' }],
    });
  });
});
