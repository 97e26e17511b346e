/**
 * What a hostile request may get back: any 2xx, 3xx or 4xx, never a 5xx; a refusal says why (a
 * body), a redirect says where (Location). And what the server may write to its log meanwhile.
 */
import type { RawRequest, RawResponse } from './raw-http';

export type Outcome = { ok: true; status: number } | { ok: false; status: number | 'none'; why: string };

export function judge(request: RawRequest, response: RawResponse, expected?: readonly number[]): Outcome {
  const { status } = response;
  const fail = (why: string): Outcome => ({ ok: false, status, why });
  if (expected && !expected.includes(status)) return fail(`${status}, expected ${expected.join(' or ')}`);
  if (status >= 500) return fail(`${status}: ${response.body.subarray(0, 120).toString()}`);
  if (status < 200) return fail(`${status}: an informational answer to a complete request`);
  if (status >= 300 && status < 400 && status !== 304 && !response.headers.get('location')) {
    return fail(`${status} without a Location`);
  }
  const silent = request.method === 'HEAD' || status === 204 || status === 304 || (status >= 200 && status < 400);
  if (!silent && response.body.length === 0) return fail(`${status} with an empty body: no message`);
  return { ok: true, status };
}

/** How the server starts. */
const STARTUP = [/^\[yishi\] (ready|demo district seeded)/, /^\s*[▲✓-] /, /^\s*- \w+:/];

/**
 * What Next and next-auth log while refusing a hostile request that the server then answers with a
 * 4xx: an action id that does not exist (404), a forged session token (signed out), and errors
 * thrown inside Next itself — React's reply decoder, busboy, JSON.parse of a forged action body
 * (answered 400 by server/http/guard.ts) — whose stacks hold no frame of the app's own bundle.
 * An error with a frame in .next/server (our code, next-auth, the database) is a failure of ours,
 * even if the client got a 4xx.
 */
const WARNINGS = [
  /^Error: Failed to find Server Action /,
  /^Error: The Server Reference ID did not match the expected format/,
  /^Error \[InvariantError\]: Invariant: Missing 'next-action' header/,
  /^\[next-auth\]\[error\]\[JWT_SESSION_ERROR\]/,
];
/** Next's own upgrade listener (it adds one to the server) after server/http/guard.ts answered 400. */
const INSIDE_NEXT = [/^⨯ /, /^Error handling upgrade request /];
const insideNext = (lines: readonly string[]) =>
  INSIDE_NEXT.some((re) => re.test(lines[0] ?? '')) && !lines.some((l) => /\.next\/server\//.test(l));

/** A log entry: its first line and the indented lines (stack, fields) that follow it. */
function entries(log: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const line of log) {
    const more = /^(\s|\}|Read more:|https:\/\/next-auth\.js\.org\/errors)/.test(line) || line === '';
    const last = out[out.length - 1];
    if (more && last) last.push(line);
    else out.push([line]);
  }
  return out;
}

/** The entries of the server's log that are neither its start nor a refusal it explains. */
export function unexplainedLogLines(log: readonly string[]): string[] {
  return entries(log)
    .filter((lines) => !insideNext(lines) && ![...STARTUP, ...WARNINGS].some((re) => re.test(lines[0] ?? '')))
    .map((lines) => lines.slice(0, 4).join(' ⏎ ').slice(0, 400));
}
