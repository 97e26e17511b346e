import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import en from '../../messages/en.json';
import zh from '../../messages/zh-CN.json';
import { fieldErrorsOf } from '../actions/result';
import { createAccountSchema } from '../people/validation';
import { VALIDATION_KEY_SET, VALIDATION_KEYS } from './messages';

describe('validation messages', () => {
  it.each([
    ['zh-CN', zh],
    ['en', en],
  ])('has every key a schema may report in %s', (_locale, messages) => {
    const named = messages.validation as Record<string, string>;
    for (const key of VALIDATION_KEYS) expect(named[key]?.trim(), key).toBeTruthy();
    expect(named.invisibleChars).toContain('{char}');
  });

  it('gives a refused character its code point in the field message', () => {
    const r = createAccountSchema.safeParse({ name: '王秋萍\u200B', mobile: '13800138000', password: 'tR7#mq2Lp' });
    if (r.success) throw new Error('expected a refusal');
    const said: [string, unknown][] = [];
    const errors = fieldErrorsOf(
      r.error,
      (key, values) => {
        said.push([key, values]);
        return key;
      },
      VALIDATION_KEY_SET,
    );
    expect(errors).toEqual({ name: 'invisibleChars' });
    expect(said).toEqual([['invisibleChars', { char: 'U+200B' }]]);
  });

  it('passes no values for a message without them', () => {
    const r = z.object({ name: z.string().min(1, 'required') }).safeParse({ name: '' });
    if (r.success) throw new Error('expected a refusal');
    const said: unknown[] = [];
    const translate = (_key: string, values?: Record<string, string | number>) => {
      said.push(values);
      return '';
    };
    fieldErrorsOf(r.error, translate, VALIDATION_KEY_SET);
    expect(said).toEqual([undefined]);
  });
});
