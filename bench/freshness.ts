/**
 * Is a write seen on the next view of a cached dashboard? On the app (both workers, the page cache
 * warm): a holder casts a ballot, then a resident opens the compound's dashboard — its open vote
 * must show one more voter; a topic is raised by another process (a plain SQLite connection, as a
 * script would), then the district admin opens the district dashboard — "topics raised" must count
 * one more. Each five times; reports how many were seen and how long that next view took.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { BASE, cookieFor, freshCopy, type Manifest, RUN, start, stop, waitForHealth } from './harness';

export interface Freshness {
  ballotThenCompoundDashboard: { seen: number; of: number; ms: number[] };
  topicThenDistrictDashboard: { seen: number; of: number; ms: number[] };
}

const ROUNDS = 5;

async function page(url: string, cookie: string): Promise<{ body: string; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${BASE}${url}`, { headers: { cookie } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { body, ms: Math.round((performance.now() - t0) * 10) / 10 };
}

const raisedOf = (body: string) => Number(/>提出的议题<\/dt><dd[^>]*>(\d+)<\/dd>/.exec(body)?.[1] ?? Number.NaN);

export async function freshness(dataDir: string, manifest: Manifest): Promise<Freshness> {
  freshCopy(dataDir);
  const server = start('next');
  const db = new Database(path.join(RUN, 'yishi.db'));
  const out: Freshness = {
    ballotThenCompoundDashboard: { seen: 0, of: ROUNDS, ms: [] },
    topicThenDistrictDashboard: { seen: 0, of: ROUNDS, ms: [] },
  };
  try {
    await waitForHealth();
    const resident = await cookieFor(manifest.sessions.resident);
    const admin = await cookieFor(manifest.sessions.district);
    const compound = `/d/compound/${manifest.compoundId}`;
    const district = `/d/district/${manifest.districtId}`;
    const vote = manifest.openVoteId;
    const electorate = (
      db.prepare('select count(*) as n from vote_voters where vote_id = ?').get(vote) as { n: number }
    ).n;
    const counted = () =>
      (
        db
          .prepare(
            `select count(*) as n from ballots where vote_id = ? and (channel = 'online' or confirmed_by is not null)`,
          )
          .get(vote) as { n: number }
      ).n;
    for (let i = 0; i < ROUNDS; i++) {
      // Warm: both workers have the page (a few requests land on each).
      for (let w = 0; w < 4; w++) await page(compound, resident);
      const voter = manifest.voters[i];
      if (!voter) break;
      const cast = await fetch(`${BASE}/api/compounds/${manifest.compoundId}/votes/${vote}/ballots`, {
        method: 'POST',
        headers: { cookie: await cookieFor(voter), 'content-type': 'application/json' },
        body: JSON.stringify({ voterKey: voter.voterKey, choice: ['agree'] }),
      });
      if (cast.status !== 201) throw new Error(`ballot answered ${cast.status}`);
      const next = await page(compound, resident);
      out.ballotThenCompoundDashboard.ms.push(next.ms);
      if (next.body.includes(`${counted()}/${electorate} 人参与`)) out.ballotThenCompoundDashboard.seen++;
    }
    const author = manifest.sessions.resident.personId;
    const raise =
      db.prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                              values (?, ?, '楼道灯不亮', '', 'repairs', 'raised', ?, ?)`);
    for (let i = 0; i < ROUNDS; i++) {
      let before = Number.NaN;
      for (let w = 0; w < 4; w++) before = raisedOf((await page(district, admin)).body);
      raise.run(manifest.compoundId, author, Date.now(), Date.now());
      const next = await page(district, admin);
      out.topicThenDistrictDashboard.ms.push(next.ms);
      if (raisedOf(next.body) === before + 1) out.topicThenDistrictDashboard.seen++;
    }
  } finally {
    db.close();
    await stop(server);
  }
  return out;
}
