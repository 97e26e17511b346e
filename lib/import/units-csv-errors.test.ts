import { describe, expect, it } from 'vitest';
import { type ImportError, MAX_IMPORT_ROWS, parseUnitsCsv } from './units-csv';

const BUILDINGS = new Set(['1号楼', '2号楼']);
const HEADER = 'building,unit,floor,area,area_source,holder_type,owners,voter';
const OK = '1号楼,101,1,50,register,person,张三:13800138000,';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

function errorsOf(text: string): ImportError[] {
  const result = parseUnitsCsv(text, BUILDINGS);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

/** Errors of a file whose only data row is `row`, on line 2. */
function rowErrors(row: string): Omit<ImportError, 'line'>[] {
  return errorsOf(csv(row)).map(({ line, ...rest }) => {
    expect(line).toBe(2);
    return rest;
  });
}

describe('parseUnitsCsv: file-level errors', () => {
  it('rejects an empty file, a blank file and a header-only file', () => {
    expect(errorsOf('')).toEqual([{ line: 1, code: 'empty_file' }]);
    expect(errorsOf('\uFEFF\r\n,,\r\n')).toEqual([{ line: 1, code: 'empty_file' }]);
    expect(errorsOf(`${HEADER}\r\n\r\n`)).toEqual([{ line: 1, code: 'empty_file' }]);
  });

  it('lists missing columns once and checks nothing else', () => {
    const text = ['楼栋,户号,面积,业主', '9号楼,101,-1,bad'].join('\n');
    expect(errorsOf(text)).toEqual([
      { line: 1, code: 'missing_columns', columns: ['floor', 'area_source', 'holder_type'] },
    ]);
  });

  it('treats a file without a header as missing columns', () => {
    expect(errorsOf(OK)[0]).toMatchObject({ line: 1, code: 'missing_columns' });
  });

  it('rejects a column given twice under two names', () => {
    expect(errorsOf(`${HEADER},面积\n${OK},60`)).toEqual([
      { line: 1, code: 'duplicate_column', field: 'area', value: '面积' },
    ]);
  });

  it('rejects more than MAX_IMPORT_ROWS data rows at the first row too many', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => OK.replace('101', `u${i}`));
    expect(errorsOf(csv(...rows))).toEqual([
      { line: MAX_IMPORT_ROWS + 2, code: 'too_many_rows', value: String(MAX_IMPORT_ROWS + 1) },
    ]);
    const result = parseUnitsCsv(csv(...rows.slice(1)), BUILDINGS);
    expect(result.ok && result.rows.length).toBe(MAX_IMPORT_ROWS);
  });

  it('reports text decoded with the wrong encoding', () => {
    expect(errorsOf(`${HEADER}\n1\uFFFD\uFFFD,101`)).toEqual([{ line: 2, code: 'bad_encoding' }]);
  });

  it('reports a quote that is never closed', () => {
    expect(errorsOf(csv(OK, '1号楼,102,1,50,register,developer,"某某地产,'))).toContainEqual({
      line: 3,
      code: 'unterminated_quote',
    });
  });
});

describe('parseUnitsCsv: row errors', () => {
  it('unknown building', () => {
    expect(rowErrors('9号楼,101,1,50,register,person,张三:13800138000,')).toEqual([
      { code: 'unknown_building', field: 'building', value: '9号楼' },
    ]);
  });

  it('duplicate unit, on the later line', () => {
    const again = ' 1号楼 , 101 ,2,60,survey,person,张三:13800138000,';
    expect(errorsOf(csv(OK, '2号楼,101,1,50,register,person,张三:13800138000,', again))).toEqual([
      { line: 4, code: 'duplicate_unit', field: 'unit', value: '101' },
    ]);
  });

  it.each(['x', '3.5', '201', '-6', '1e2', '+1'])('bad floor %j', (floor) => {
    expect(rowErrors(`1号楼,101,${floor},50,register,person,张三:13800138000,`)).toEqual([
      { code: 'bad_floor', field: 'floor', value: floor },
    ]);
  });

  it.each([
    ['-87.5', 'area_not_positive'],
    ['0', 'area_not_positive'],
    ['0.00', 'area_not_positive'],
    ['87.355', 'area_decimals'],
    ['abc', 'bad_area'],
    ['1,000', 'bad_area'],
    ['', 'empty_field'],
  ])('area %j → %s', (area, code) => {
    expect(rowErrors(`1号楼,101,1,"${area}",register,person,张三:13800138000,`)).toEqual([
      { code, field: 'area', value: area },
    ]);
  });

  it('bad area source and bad holder type; owners are not checked without a known holder type', () => {
    expect(rowErrors('1号楼,101,1,50,估算,私人,???,x')).toEqual([
      { code: 'bad_area_source', field: 'area_source', value: '估算' },
      { code: 'bad_holder_kind', field: 'holder_type', value: '私人' },
    ]);
  });

  it.each([
    ['person', '张三13800138000', '', 'bad_owner', '张三13800138000'],
    ['person', ':13800138000', '', 'bad_owner', ''],
    ['person', '张三:13800138000;李四:13900139000', '', 'bad_owner', '张三:13800138000;李四:13900139000'],
    ['person', '张三:1380013800', '', 'bad_mobile', '1380013800'],
    ['person', '张三:12800138000', '', 'bad_mobile', '12800138000'],
    ['person', '张三:13800138000', '13900139000', 'bad_voter', '13900139000'],
    ['co_owners', '张三:13800138000', '13800138000', 'bad_owner', '张三:13800138000'],
    ['co_owners', '张三:13800138000;张三:13800138000', '13800138000', 'bad_owner', '张三:13800138000;张三:13800138000'],
    ['co_owners', '张三:13800138000;李四:13900139000', '13700137000', 'bad_voter', '13700137000'],
    ['co_owners', '张三:13800138000;李四:13900139000', '', 'bad_voter', ''],
    ['developer', '某某地产', '13800138000', 'bad_voter', '13800138000'],
  ])('%s %j voter %j → %s', (kind, owners, voter, code, value) => {
    const field = code === 'bad_voter' ? 'voter' : 'owners';
    expect(rowErrors(`1号楼,101,1,50,register,${kind},"${owners}",${voter}`)).toEqual([{ code, field, value }]);
  });

  it('empty fields, too long fields and control characters', () => {
    // The voter cell keeps the row from being skipped as blank.
    expect(rowErrors(',,,,,,,x')).toEqual(
      ['building', 'unit', 'floor', 'area', 'area_source', 'holder_type'].map((field) => ({
        code: 'empty_field',
        field,
        value: '',
      })),
    );
    const long = 'x'.repeat(41);
    expect(rowErrors(`1号楼,${long},1,50,register,person,${long}:13800138000,`)).toEqual([
      { code: 'field_too_long', field: 'unit', value: long },
      { code: 'field_too_long', field: 'owners', value: long },
    ]);
    expect(rowErrors('1号楼,"1\n01",1,50,register,developer,,')).toEqual([
      { code: 'control_chars', field: 'unit', value: '1[U+000A]01' },
      { code: 'empty_field', field: 'owners', value: '' },
    ]);
  });

  // Security issue "Trust II": an owner's name with a zero width space looks like another owner's.
  it.each([
    ['a zero width space in a name', '王秋萍\u200B:13800138000', '王秋萍[U+200B]:13800138000'],
    ['a right-to-left override in a name', '\u202E王秋萍:13800138000', '[U+202E]王秋萍:13800138000'],
    ['NUL in a name', '王\u0000秋萍:13800138000', '王[U+0000]秋萍:13800138000'],
    ['a byte order mark at the end of the cell', '王秋萍:13800138000\uFEFF', '王秋萍:13800138000[U+FEFF]'],
    ['a Hangul filler for a name', '\u3164:13800138000', '[U+3164]:13800138000'],
  ])('refuses the owners cell with %s, showing where it is', (_, owners, value) => {
    expect(rowErrors(`1号楼,101,1,50,register,person,${owners},`)).toEqual([
      { code: 'control_chars', field: 'owners', value },
    ]);
  });

  it('refuses a developer name and a unit number with an invisible character', () => {
    expect(rowErrors('1号楼,101,1,50,register,developer,某某地产\u2066,')).toEqual([
      { code: 'control_chars', field: 'owners', value: '某某地产[U+2066]' },
    ]);
    expect(rowErrors('1号楼,1\u200D01,1,50,register,person,张三:13800138000,')).toEqual([
      { code: 'control_chars', field: 'unit', value: '1[U+200D]01' },
    ]);
  });

  it('one mobile with two names anywhere in the file', () => {
    expect(
      errorsOf(csv(OK, '1号楼,102,1,50,register,co_owners,李四:13900139000;张三丰:13800138000,13900139000')),
    ).toEqual([{ line: 3, code: 'mobile_name_conflict', field: 'owners', value: '13800138000' }]);
  });

  it('two developer names in one file', () => {
    const dev = (unit: string, name: string) => `1号楼,${unit},1,50,register,developer,${name},`;
    expect(errorsOf(csv(dev('1', '甲地产'), dev('2', '甲地产'), dev('3', '乙地产')))).toEqual([
      { line: 4, code: 'developer_name', field: 'owners', value: '乙地产' },
    ]);
  });

  it('reports every error of every row, in line order, counting skipped blank lines', () => {
    const text = csv(
      OK,
      '',
      '9号楼,101,abc,87.355,register,person,张三:123,',
      '1号楼,101,1,0,register,co_owners,张三:13800138000;李四:13900139000,13700137000',
    );
    expect(errorsOf(text)).toEqual([
      { line: 4, code: 'unknown_building', field: 'building', value: '9号楼' },
      { line: 4, code: 'bad_floor', field: 'floor', value: 'abc' },
      { line: 4, code: 'area_decimals', field: 'area', value: '87.355' },
      { line: 4, code: 'bad_mobile', field: 'owners', value: '123' },
      { line: 5, code: 'duplicate_unit', field: 'unit', value: '101' },
      { line: 5, code: 'area_not_positive', field: 'area', value: '0' },
      { line: 5, code: 'bad_voter', field: 'voter', value: '13700137000' },
    ]);
  });
});
