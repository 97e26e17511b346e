/**
 * Where casting a ballot is answered over HTTP, written once. The Next route lives in the folder
 * this names (app/api/compounds/[compoundId]/votes/[voteId]/ballots/route.ts: its params are typed
 * from it, and tests/ballot-fast-path.test.ts checks the file is there); the production server's
 * fast path matches requests with the pattern made from it. Free of Node and Next: pure strings.
 */
export const BALLOTS_ROUTE = '/api/compounds/[compoundId]/votes/[voteId]/ballots';

/** The `[name]` segments of a route, as Next hands them to its handler. */
type ParamsOf<Route extends string> = Route extends `${string}[${infer Name}]${infer Rest}`
  ? { [K in Name | keyof ParamsOf<Rest>]: string }
  : Record<never, string>;

export type BallotsParams = ParamsOf<typeof BALLOTS_ROUTE>;

const NAMES = [...BALLOTS_ROUTE.matchAll(/\[(\w+)\]/g)].map((m) => m[1] ?? '');

/** The route with each `[name]` one path segment, and an optional query; nothing after the last segment. */
const PATTERN = new RegExp(
  `^${BALLOTS_ROUTE.split('/')
    .map((segment) => (/^\[\w+\]$/.test(segment) ? '([^/?#]+)' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')}(?:\\?[^#]*)?$`,
);

/**
 * The route's segments in a request target (`/api/compounds/3/votes/7/ballots?x=1` → compoundId
 * "3", voteId "7"), still percent-encoded as they came; null when the target is not this route.
 */
export function matchBallotsRoute(target: string): BallotsParams | null {
  const m = PATTERN.exec(target);
  if (!m) return null;
  const params: Record<string, string> = {};
  NAMES.forEach((name, i) => {
    params[name] = m[i + 1] ?? '';
  });
  return params as BallotsParams;
}
