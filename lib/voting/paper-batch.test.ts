import { describe, expect, it } from 'vitest';
import { MAX_PAPER_LINES, type PaperBatchLookup, parsePaperBatch } from './paper-batch';

const decision: PaperBatchLookup = {
  places: new Map([
    ['3号楼1单元301', 'h:1'],
    ['3号楼2单元502', 'h:1'],
    ['2号楼2单元501', 'h:2'],
    ['4号楼1单元102', 'h:3'],
  ]),
  labels: new Map([
    ['同意', 'agree'],
    ['不同意', 'disagree'],
    ['弃权', 'abstain'],
    ['agree', 'agree'],
  ]),
  options: [{ key: 'agree' }, { key: 'disagree' }, { key: 'abstain' }],
  mode: 'single',
  maxMarks: null,
  taken: new Set(['h:3']),
};

const election: PaperBatchLookup = {
  ...decision,
  labels: new Map([
    ['张三', 'c1'],
    ['李四', 'c2'],
    ['王五', 'c3'],
    ['弃权', 'abstain'],
  ]),
  options: [{ key: 'c1' }, { key: 'c2' }, { key: 'c3' }, { key: 'abstain' }],
  mode: 'multiple',
  maxMarks: 2,
  taken: new Set(),
};

const errors = (text: string, lookup = decision) => {
  const r = parsePaperBatch(text, lookup);
  return r.ok ? [] : r.errors.map((e) => [e.line, e.key]);
};

describe('parsePaperBatch', () => {
  it('reads "serial unit choice" lines separated by spaces, tabs or commas, skipping blank lines', () => {
    const r = parsePaperBatch('HH-001 3号楼1单元301 同意\n\nHH-002\t2号楼2单元501，不同意\n', decision);
    expect(r).toEqual({
      ok: true,
      entries: [
        { line: 1, serial: 'HH-001', voterKey: 'h:1', choice: ['agree'] },
        { line: 3, serial: 'HH-002', voterKey: 'h:2', choice: ['disagree'] },
      ],
    });
  });

  it('finds a holder of several units by any of them, and reads English labels whatever their case', () => {
    const r = parsePaperBatch('A 3号楼2单元502 Agree', decision);
    expect(r.ok && r.entries[0]).toMatchObject({ voterKey: 'h:1', choice: ['agree'] });
  });

  it('names every bad line and enters nothing', () => {
    expect(
      errors(
        [
          'HH-001 3号楼1单元301',
          'HH-002 9号楼1单元101 同意',
          'HH-003 2号楼2单元501 也许',
          'HH-004 4号楼1单元102 同意',
        ].join('\n'),
      ),
    ).toEqual([
      [1, 'paperLineFormat'],
      [2, 'paperUnknownUnit'],
      [3, 'paperUnknownChoice'],
      [4, 'paperHolderHasBallot'],
    ]);
  });

  it('refuses two ballots of one holder, and one serial twice', () => {
    expect(errors('A 3号楼1单元301 同意\nB 3号楼2单元502 同意')).toEqual([[2, 'paperDuplicateHolder']]);
    expect(errors('A 3号楼1单元301 同意\nA 2号楼2单元501 同意')).toEqual([[2, 'paperDuplicateSerial']]);
  });

  it('a single-choice ballot names one option; an over-long serial is refused', () => {
    expect(errors('A 3号楼1单元301 同意、不同意')).toEqual([[1, 'oneOption']]);
    expect(errors(`${'X'.repeat(31)} 3号楼1单元301 同意`)).toEqual([[1, 'paperSerialTooLong']]);
  });

  it('an election ballot names up to the seats, or abstains alone', () => {
    const r = parsePaperBatch('E1 3号楼1单元301 张三、李四\nE2 2号楼2单元501 弃权', election);
    expect(r.ok && r.entries.map((e) => e.choice)).toEqual([['c1', 'c2'], ['abstain']]);
    expect(errors('E1 3号楼1单元301 张三、李四、王五', election)).toEqual([[1, 'tooManyMarks']]);
    expect(errors('E1 3号楼1单元301 张三、弃权', election)).toEqual([[1, 'abstainAlone']]);
  });

  it('refuses an empty list and one longer than a stack', () => {
    expect(errors('\n  \n')).toEqual([[0, 'paperNoLines']]);
    const long = Array.from({ length: MAX_PAPER_LINES + 1 }, (_, i) => `S${i} 3号楼1单元301 同意`).join('\n');
    expect(errors(long)).toEqual([[0, 'paperTooManyLines']]);
  });
});
