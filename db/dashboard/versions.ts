import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../client';
import { compoundsOf, type Scope } from './scope';

/**
 * What a scope's dashboards show, as a version: its compounds' change counts and the places' own
 * (compound_versions, kept by the triggers of migration 0011 whoever writes). Two reads at the
 * same version show the same figures; any write a dashboard shows — in any worker, script or the
 * clock — gives the next read a version never seen before. A compound's own dashboard also shows
 * its open votes' live turnout, so its version counts ballots too; the levels above do not.
 */
export function scopeVersion(s: Scope): string {
  const row = getDb().get<{ figures: number | null; ballots: number | null; places: number | null }>(sql`
    select sum(figures) as figures, sum(ballots) as ballots,
           (select figures from compound_versions where compound_id = 0) as places
      from compound_versions where compound_id in ${compoundsOf(s)}`);
  const figures = `${row?.places ?? 0}.${row?.figures ?? 0}`;
  return s.level === 'compound' ? `${figures}.${row?.ballots ?? 0}` : figures;
}
