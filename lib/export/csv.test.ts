import { describe, expect, it } from 'vitest';
import { parseCsv } from '../import/csv';
import { exportCsv, spreadsheetCell } from './csv';

describe('spreadsheetCell', () => {
  it.each([
    ['plain', 'plain'],
    ['含中文', '含中文'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+86 138', "'+86 138"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, out) => {
    expect(spreadsheetCell(input)).toBe(out);
  });
  it('writes numbers as they are, negative included, and empty for null', () => {
    expect(spreadsheetCell(-3)).toBe('-3');
    expect(spreadsheetCell(4.5)).toBe('4.5');
    expect(spreadsheetCell(null)).toBe('');
    expect(spreadsheetCell(undefined)).toBe('');
  });
});

describe('exportCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    expect(
      exportCsv([
        ['a', 'b'],
        [1, null],
      ]),
    ).toBe('\uFEFFa,b\r\n1,\r\n');
  });
  it('reads back through our own CSV parser, quotes and line breaks intact', () => {
    const rows = [
      ['编号', '标题'],
      ['1', '3号楼下水管堵塞, "急"'],
      ['2', '多行\n说明'],
    ];
    expect(parseCsv(exportCsv(rows))).toEqual(rows);
  });
  it('neutralises a formula inside a quoted cell too', () => {
    expect(exportCsv([['=1,2']])).toBe(`\uFEFF"'=1,2"\r\n`);
  });
});
