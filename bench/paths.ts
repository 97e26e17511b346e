/**
 * The hot paths the benchmark loads, as realistic users: a resident of the 10,000-unit compound,
 * holders casting ballots, property staff, and ten district staff watching the dashboards.
 */
import Database from 'better-sqlite3';
import { cookieFor, type Manifest, type PathSpec } from './harness';

/** Dashboards are watched by this many people at once, each with a session of their own. */
export const VIEWERS = 10;

/**
 * Nine more district staff besides the manifest's, with sessions, in a copy of the generated
 * district (bench/harness.ts freshCopy): the dashboards' ten viewers are ten people, not one cookie.
 */
export function addViewers(file: string, manifest: Manifest) {
  const db = new Database(file);
  const now = Date.now();
  const people = db
    .prepare(`select id from people where id not in (select person_id from memberships) order by id limit ?`)
    .all(VIEWERS - 1) as { id: number }[];
  db.transaction(() => {
    people.forEach((p, i) => {
      db.prepare(`insert or ignore into memberships (person_id, role, scope_type, scope_id, created_at)
                  values (?, 'district_admin', 'district', ?, ?)`).run(p.id, manifest.districtId, now);
      db.prepare(`insert or replace into sessions (id, person_id, created_at, last_seen_at) values (?, ?, ?, ?)`).run(
        `bench-viewer-${i}`,
        p.id,
        now,
        now,
      );
    });
  })();
  db.close();
  return people.map((p, i) => ({ sid: `bench-viewer-${i}`, personId: p.id }));
}

/** The four pages also measured at 10 connections (their p95 target there is 150 ms). */
const AT_TEN = [
  'topic list (compound)',
  'topic page (200 comments)',
  'result page (10,000 holders)',
  'property task list',
];

export async function paths(manifest: Manifest, viewers: { sid: string; personId: number }[]): Promise<PathSpec[]> {
  const c = manifest.compoundId;
  const resident = await cookieFor(manifest.sessions.resident);
  const property = await cookieFor(manifest.sessions.property);
  const district = await cookieFor(manifest.sessions.district);
  const watching = await Promise.all([manifest.sessions.district, ...viewers].map(cookieFor));
  const voters = await Promise.all(
    manifest.voters.map(async (v) => ({ cookie: await cookieFor(v), voterKey: v.voterKey })),
  );
  const pages: PathSpec[] = [
    { name: 'topic list (compound)', method: 'GET', url: `/c/${c}/topics`, cookie: resident },
    {
      name: 'topic page (200 comments)',
      method: 'GET',
      url: `/c/${c}/topics/${manifest.pageTopicId}`,
      cookie: resident,
    },
    {
      name: "cast ballot (owners' decision)",
      method: 'POST',
      url: `/api/compounds/${c}/votes/${manifest.openVoteId}/ballots`,
      cookie: '',
      ballots: voters,
    },
    {
      name: 'result page (10,000 holders)',
      method: 'GET',
      url: `/c/${c}/votes/${manifest.closedVoteId}`,
      cookie: resident,
    },
    { name: 'property task list', method: 'GET', url: '/tasks', cookie: property },
    {
      name: 'district dashboard (10 viewers)',
      method: 'GET',
      url: `/d/district/${manifest.districtId}`,
      cookie: district,
      connections: VIEWERS,
      viewers: watching,
    },
    {
      name: 'big screen, district (10 viewers)',
      method: 'GET',
      url: `/d/district/${manifest.districtId}/screen`,
      cookie: district,
      connections: VIEWERS,
      viewers: watching,
    },
  ];
  const atTen = pages
    .filter((p) => AT_TEN.includes(p.name))
    .map((p) => ({ ...p, name: `${p.name}, 10 connections`, connections: 10 }));
  return [...pages, ...atTen];
}
