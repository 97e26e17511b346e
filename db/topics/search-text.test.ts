import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ftsPhrase, searchableText } from './search-text';

// The same tokenizer as topics_fts (db/migrations), on a table of its own.
const db = new Database(':memory:');
db.exec(`create virtual table t using fts5(title, tokenize = 'trigram')`);
db.prepare('insert into t (rowid, title) values (1, ?)').run('下水管堵塞 "quoted" a*b NEAR(x y)');
const match = db.prepare('select rowid from t where t match ?');

describe('search text for FTS5', () => {
  it('a NUL no longer ends the phrase early (Trust II: ?q=ab%00 answered 500)', () => {
    expect(() => match.all(`"${'ab\u0000'.replaceAll('"', '""')}"`)).toThrow(/unterminated string/);
    expect(searchableText('ab\u0000')).toBe('ab');
    expect(match.all(ftsPhrase(searchableText('下水\u0000管')))).toEqual([{ rowid: 1 }]);
  });

  it('only control characters leave nothing to search for', () => {
    expect(searchableText('\u0000\u0001\u001f\u007f ')).toBe('');
  });

  it('no text breaks MATCH, and text that is in a title finds it', () => {
    const nasty = fc.constantFrom('\u0000', '"', '""', '*', '-', ':', '^', '(', ')', 'NEAR', 'OR', '\ud800', '\u202e');
    const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), nasty), { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (raw) => {
        const q = searchableText(raw);
        if (q) expect(() => match.all(ftsPhrase(q))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
    for (const q of ['下水管', '"quoted"', 'a*b', 'NEAR(x']) expect(match.all(ftsPhrase(q))).toEqual([{ rowid: 1 }]);
  });
});
