import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { activationPath, byBuilding, maskHolderName, pagesOf, qrGeometryFromSvg, SLIPS_PER_PAGE } from './letter';

describe('activation letters', () => {
  it('point the QR code at /activate with the code as printed', () => {
    expect(activationPath('ABCDEFGHJKMN')).toBe('/activate?code=ABCD-EFGH-JKMN');
  });

  it('mask each co-owner’s name', () => {
    expect(maskHolderName('陈志强、李秀英')).toBe('陈*强、李*英');
    expect(maskHolderName('王秋萍')).toBe('王*萍');
    expect(maskHolderName('曲晶')).toBe('曲*');
  });

  it('read the path and size out of the qrcode library’s SVG, and refuse anything else', async () => {
    const svg = await QRCode.toString('https://yishi.example.cn/activate?code=ABCD-EFGH-JKMN', {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 4,
    });
    const g = qrGeometryFromSvg(svg);
    // Version 4 (33 modules) plus a quiet zone of 4 on each side.
    expect(g?.size).toBe(41);
    expect(g?.path).toMatch(/^M4 4\.5h7/);
    expect(qrGeometryFromSvg('<svg viewBox="0 0 41 40"><path stroke="#000000" d="M1 1h1"/></svg>')).toBeNull();
    expect(
      qrGeometryFromSvg('<svg viewBox="0 0 41 41"><path stroke="#000000" d="M1 1h1"/><script/></svg>'),
    ).not.toBeNull();
    expect(
      qrGeometryFromSvg('<svg viewBox="0 0 41 41"><path stroke="#000000" d="M1 1h1\\"onload=x"/></svg>'),
    ).toBeNull();
  });

  it('go eight to a sheet, each building starting a sheet of its own', () => {
    const letters = [
      ...Array.from({ length: 10 }, (_, i) => ({ building: '1号楼', n: i })),
      ...Array.from({ length: 3 }, (_, i) => ({ building: '2号楼', n: i })),
    ];
    const groups = byBuilding(letters);
    expect(groups.map((g) => g.building)).toEqual(['1号楼', '2号楼']);
    expect(groups.map((g) => pagesOf(g.letters).map((p) => p.length))).toEqual([[8, 2], [3]]);
    expect(SLIPS_PER_PAGE).toBe(8);
  });
});
