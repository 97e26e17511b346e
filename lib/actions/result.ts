import type { z } from 'zod';

/** What every server action answers: data, or a message and per-field messages a person can act on. */
export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      /** The message key, for clients that branch on the kind of refusal (route handlers' status codes). */
      code?: string;
      fieldErrors?: Record<string, string>;
      details?: readonly ActionDetail[];
    };

/** One item of a longer refusal, e.g. a bad row of an imported file. */
export interface ActionDetail {
  line?: number;
  text: string;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Turns zod issues into one translated message per field. Schemas carry message keys (see
 * lib/validation/messages.ts), a custom issue its values in `params` (e.g. { char: 'U+200B' }); anything else
 * becomes the generic "invalid" for that field.
 */
export function fieldErrorsOf(error: z.ZodError, t: Translate, known: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    const key = known.has(issue.message) ? issue.message : 'invalid';
    out[field] = t(key, key === issue.message ? messageValues(issue) : undefined);
  }
  return out;
}

function messageValues(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code !== 'custom' || issue.params === undefined) return undefined;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.params)) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  return values;
}
