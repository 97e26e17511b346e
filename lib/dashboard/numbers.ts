/** The dashboards' arithmetic: integers only, halves round up. */

/** n of d as a whole percent, or null when there is nothing to divide by. */
export function percent(n: number, d: number): number | null {
  if (d <= 0) return null;
  return Math.floor((200 * n + d) / (2 * d));
}

/** The mean of `sum` over `count` in tenths (43 = 4.3), or null when nothing was counted. */
export function meanTenths(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((20 * sum + count) / (2 * count));
}

export function formatTenths(tenths: number): string {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
