/** Votes on a dashboard: how many took part, by head and, for owners' decisions, by area. */

export interface VoteTurnoutRow {
  id: number;
  compoundId: number;
  topicId: number;
  question: string;
  kind: string;
  status: 'open' | 'closed';
  closedAt: number | null;
  endsAt: number;
  electorate: number;
  voted: number;
  /** Owners' decisions: area of the electorate and of those who voted, in centi-m². */
  totalAreaCenti: number | null;
  votedAreaCenti: number | null;
  passed: boolean | null;
}

export interface TurnoutFigure {
  votes: number;
  /** Mean of each vote's turnout by head, whole percent. */
  headPercent: number | null;
  /** Owners' decisions only: mean of each one's turnout by area. */
  ownersDecisions: number;
  areaPercent: number | null;
}

/** Turnout by head for each vote and by area for owners' decisions, averaged over the votes (each vote weighs the same). */
export function turnoutSummary(rows: readonly VoteTurnoutRow[]): TurnoutFigure {
  const heads = rows.filter((r) => r.electorate > 0);
  const areas = rows.filter((r) => r.kind === 'owners' && (r.totalAreaCenti ?? 0) > 0);
  // The mean of the per-vote percentages, in exact fractions: Σ(voted/electorate)/k.
  const mean = (parts: [number, number][]) => {
    if (parts.length === 0) return null;
    const per = parts.map(([n, d]) => (n * 10_000) / d);
    return Math.round(per.reduce((s, x) => s + x, 0) / parts.length / 100);
  };
  return {
    votes: rows.length,
    headPercent: mean(heads.map((r) => [r.voted, r.electorate])),
    ownersDecisions: areas.length,
    areaPercent: mean(areas.map((r) => [r.votedAreaCenti ?? 0, r.totalAreaCenti ?? 0])),
  };
}
