import { describe, expect, it } from 'vitest';
import { type ImportRow, UNIT_CSV_COLUMNS, parseUnitsCsv } from './units-csv';

const BUILDINGS = new Set(['1号楼', '2号楼', '3号楼']);
const HEADER = 'building,unit,floor,area,area_source,holder_type,owners,voter';

function csv(...lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

function rowsOf(text: string): ImportRow[] {
  const result = parseUnitsCsv(text, BUILDINGS);
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.rows;
}

describe('parseUnitsCsv: valid files', () => {
  it('reads a person, co-owners and the developer', () => {
    const rows = rowsOf(
      csv(
        '1号楼,1单元101,1,87.35,register,person,张三:13800138000,',
        '1号楼,1单元102,1,90,survey,co_owners,王五:13900139000;李四:13700137000,13900139000',
        '2号楼,2单元501,5,120.5,contract,developer,某某房地产开发有限公司,',
      ),
    );
    expect(rows).toEqual([
      {
        line: 2,
        building: '1号楼',
        unit: '1单元101',
        floor: 1,
        areaCenti: 8735,
        areaSource: 'register',
        holderKind: 'person',
        holderKey: 'p:13800138000',
        holderName: '张三',
        owners: [{ name: '张三', mobile: '13800138000' }],
        voterMobile: '13800138000',
      },
      {
        line: 3,
        building: '1号楼',
        unit: '1单元102',
        floor: 1,
        areaCenti: 9000,
        areaSource: 'survey',
        holderKind: 'co_owners',
        holderKey: 'c:13700137000,13900139000',
        holderName: '李四、王五',
        owners: [
          { name: '李四', mobile: '13700137000' },
          { name: '王五', mobile: '13900139000' },
        ],
        voterMobile: '13900139000',
      },
      {
        line: 4,
        building: '2号楼',
        unit: '2单元501',
        floor: 5,
        areaCenti: 12050,
        areaSource: 'contract',
        holderKind: 'developer',
        holderKey: 'd',
        holderName: '某某房地产开发有限公司',
        owners: [],
        voterMobile: null,
      },
    ]);
  });

  it('reads an Excel "CSV UTF-8" file: BOM, CRLF, Chinese headers and values, any column order', () => {
    const text = [
      '\uFEFF业主,楼栋,户号,楼层,面积,面积来源,产权类型,投票人,备注',
      '张三：13800138000,1号楼,101,3,87.35,不动产登记,个人,,南向',
      '王五:13900139000；李四：13700137000,1号楼,102,3,90.00,实测,共有,13700137000,',
      '某某地产,2号楼,201,-1,45.6,购房合同,开发商,,',
      '张三:13800138000,3号楼,301,1,10,登记,个人,13800138000,',
      '"李四:13700137000;王五:13900139000",3号楼,302,1,10,测绘,共有,13900139000,',
      '某某地产,2号楼,202,-1,45.6,合同,开发商,,',
    ].join('\r\n');
    const rows = rowsOf(text);
    expect(rows.map((r) => [r.line, r.building, r.unit, r.floor, r.areaCenti, r.areaSource, r.holderKind])).toEqual([
      [2, '1号楼', '101', 3, 8735, 'register', 'person'],
      [3, '1号楼', '102', 3, 9000, 'survey', 'co_owners'],
      [4, '2号楼', '201', -1, 4560, 'contract', 'developer'],
      [5, '3号楼', '301', 1, 1000, 'register', 'person'],
      [6, '3号楼', '302', 1, 1000, 'survey', 'co_owners'],
      [7, '2号楼', '202', -1, 4560, 'contract', 'developer'],
    ]);
    expect(rows.map((r) => r.holderKey)).toEqual([
      'p:13800138000',
      'c:13700137000,13900139000',
      'd',
      'p:13800138000',
      'c:13700137000,13900139000',
      'd',
    ]);
  });

  it('matches English headers and English values case-insensitively, after trimming', () => {
    const text = [
      ' Building , UNIT,Floor,Area,Area_Source,Holder_Type,Owners,Voter',
      '1号楼,101,1,50,REGISTER,Person,张三:13800138000,',
    ].join('\n');
    expect(rowsOf(text)).toHaveLength(1);
  });

  it('trims values and allows the voter column to be left out', () => {
    const text = [
      'building,unit,floor,area,area_source,holder_type,owners',
      ' 1号楼 ,\t101 , 07 , 50.5 , register , person , 张三 : 13800138000 ',
    ].join('\n');
    expect(rowsOf(text)).toMatchObject([
      { building: '1号楼', unit: '101', floor: 7, areaCenti: 5050, holderName: '张三', voterMobile: '13800138000' },
    ]);
  });

  it('reads names as NFC: lengths and the same owner on two rows do not depend on how the sheet stored them', () => {
    const decomposed = 'Zoe\u0308';
    const rows = rowsOf(
      csv(
        `1号楼,101,1,50,register,person,${decomposed}:13800138000,`,
        '1号楼,102,1,50,register,person,Zo\u00EB:13800138000,',
        // 40 characters typed decomposed: 80 UTF-16 units, 40 characters once composed, within the limit.
        `2号楼,101,1,50,register,person,${'e\u0301'.repeat(40)}:13900139000,`,
      ),
    );
    expect(rows.map((r) => r.holderName)).toEqual(['Zo\u00EB', 'Zo\u00EB', '\u00E9'.repeat(40)]);
    expect(rows[0]?.holderKey).toBe(rows[1]?.holderKey);
  });

  it('reads a quoted developer name that contains a comma', () => {
    const rows = rowsOf(csv('1号楼,101,1,50,register,developer,"某某地产,有限公司",'));
    expect(rows[0]?.holderName).toBe('某某地产,有限公司');
  });

  it('gives an owner of two units the same holder key on both rows', () => {
    const rows = rowsOf(
      csv('1号楼,101,1,50,register,person,张三:13800138000,', '2号楼,101,1,60,register,person,张三:13800138000,'),
    );
    expect(rows.map((r) => [r.holderKey, r.holderName])).toEqual([
      ['p:13800138000', '张三'],
      ['p:13800138000', '张三'],
    ]);
  });

  it('gives all developer rows the key "d"', () => {
    const rows = rowsOf(
      csv('1号楼,101,1,50,register,developer,某某地产,', '2号楼,102,2,60,survey,developer,某某地产,'),
    );
    expect(rows.map((r) => r.holderKey)).toEqual(['d', 'd']);
  });

  it('dedupes a co-owner listed twice under the same name', () => {
    const rows = rowsOf(
      csv('1号楼,101,1,50,register,co_owners,甲:13800138000;乙:13900139000;甲:13800138000;,13800138000'),
    );
    expect(rows[0]?.holderKey).toBe('c:13800138000,13900139000');
  });

  it('accepts the floor limits and reads "-0" as 0', () => {
    const rows = rowsOf(
      csv(
        '1号楼,101,-5,50,register,person,张三:13800138000,',
        '1号楼,102,200,50,register,person,张三:13800138000,',
        '1号楼,103,-0,50,register,person,张三:13800138000,',
      ),
    );
    expect(rows.map((r) => r.floor)).toEqual([-5, 200, 0]);
    expect(Object.is(rows[2]?.floor, 0)).toBe(true);
  });

  it('skips empty lines and rows of empty cells but counts them in line numbers', () => {
    const text = csv('', '1号楼,101,1,50,register,person,张三:13800138000,', ',,,,,,,', ' , ', '');
    const more = `${text}\n1号楼,102,1,50,register,person,张三:13800138000,\n\n,,,\n`;
    expect(rowsOf(more).map((r) => r.line)).toEqual([3, 7]);
  });

  it('is deterministic: the same text gives the same output', () => {
    const text = csv(
      '1号楼,102,1,90,survey,co_owners,王五:13900139000;李四:13700137000,13900139000',
      '2号楼,201,-1,45.6,contract,developer,某某地产,',
    );
    expect(parseUnitsCsv(text, BUILDINGS)).toEqual(parseUnitsCsv(text, BUILDINGS));
    const bad = csv('9号楼,1,x,0,?,?,?,?', '9号楼,1,x,0,?,?,?,?');
    expect(parseUnitsCsv(bad, BUILDINGS)).toEqual(parseUnitsCsv(bad, BUILDINGS));
  });

  it('documents every column with its Chinese alias', () => {
    expect(UNIT_CSV_COLUMNS.map((c) => [c.key, c.aliases[0], c.required])).toEqual([
      ['building', '楼栋', true],
      ['unit', '户号', true],
      ['floor', '楼层', true],
      ['area', '面积', true],
      ['area_source', '面积来源', true],
      ['holder_type', '产权类型', true],
      ['owners', '业主', true],
      ['voter', '投票人', false],
    ]);
  });
});
