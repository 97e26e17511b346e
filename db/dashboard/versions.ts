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

/**
 * What a compound's pages show (topic list, topic, vote, task list), as a version: every count the
 * triggers of migrations 0011 and 0013 keep for the compounds, and row 0's (people's names and
 * roles, companies, the places). `ballots` only for pages that show live turnout (a topic, a vote):
 * the lists do not change while owners vote.
 */
export function compoundPagesVersion(compoundIds: readonly number[], withBallots: boolean): string {
  const row = getDb().get<{
    figures: number | null;
    ballots: number | null;
    pages: number | null;
    zero: string | null;
  }>(sql`
    select sum(figures) as figures, sum(ballots) as ballots, sum(pages) as pages,
           (select figures || '.' || pages from compound_versions where compound_id = 0) as zero
      from compound_versions where compound_id in (${sql.join(
        compoundIds.length > 0 ? compoundIds.map((id) => sql`${id}`) : [sql`null`],
        sql`, `,
      )})`);
  const own = `${row?.figures ?? 0}.${row?.pages ?? 0}${withBallots ? `.${row?.ballots ?? 0}` : ''}`;
  return `${row?.zero ?? '0.0'}/${own}`;
}

/** The compounds whose writes a company's task list shows: those it serves and those it has tasks in. */
export function compoundsOfCompanies(companyIds: readonly number[]): number[] {
  if (companyIds.length === 0) return [];
  const ids = sql.join(
    companyIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return getDb()
    .all<{ id: number }>(sql`
      select compound_id as id from compound_services where company_id in (${ids})
      union select compound_id from tasks where company_id in (${ids})`)
    .map((r) => r.id);
}

/** Every compound's counts together: moves with any write a page or a work list shows, anywhere. */
export function allPagesVersion(): string {
  const row = getDb().get<{ v: string | null }>(sql`
    select sum(figures) || '.' || sum(pages) || '.' || sum(ballots) as v from compound_versions`);
  return row?.v ?? '0';
}
