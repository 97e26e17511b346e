/**
 * npm run bench:letters — activation letters for a compound of 10,000 units (issue 17: < 10 s and < 200 MB). Builds a
 * throw-away database with one compound of BENCH_LETTERS units (default 10,000), each with an owner who has no account,
 * then times the real use case (server/activation/letters.ts makeLetters: eligibility, codes, HMACs, one transaction
 * of inserts and audit entries, a QR code each) and reports the peak resident memory of the process.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const UNITS = Number(process.env.BENCH_LETTERS ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-letters-'));
process.env.DATA_DIR = dir;
process.env.DATABASE_PATH = path.join(dir, 'yishi.db');

async function main() {
  const { getDb } = await import('../db/client');
  const { migrateDatabase } = await import('../db/migrate');
  const { makeLetters } = await import('../server/activation/letters');
  const db = getDb();
  migrateDatabase(db);
  const raw = db.$client;
  const id = (q: string, ...v: unknown[]) => Number(raw.prepare(q).run(...v).lastInsertRowid);
  const district = id("insert into districts (name) values ('基准区')");
  const street = id('insert into streets (district_id, name) values (?, ?)', district, '基准街道');
  const community = id('insert into communities (street_id, name) values (?, ?)', street, '基准社区');
  const compound = id('insert into compounds (community_id, name) values (?, ?)', community, '基准大院');
  const worker = id("insert into people (name, mobile) values ('郑丽', '13800000011')");
  id(
    "insert into memberships (person_id, role, scope_type, scope_id) values (?, 'community_worker', 'community', ?)",
    worker,
    community,
  );
  raw.transaction(() => {
    const buildings = Array.from({ length: 40 }, (_, b) =>
      id('insert into buildings (compound_id, name, floors) values (?, ?, 18)', compound, `${b + 1}号楼`),
    );
    const person = raw.prepare('insert into people (name, mobile) values (?, ?)');
    const holder = raw.prepare(
      "insert into holders (compound_id, kind, key, name, voter_person_id) values (?, 'person', ?, ?, ?)",
    );
    const member = raw.prepare('insert into holder_members (holder_id, person_id) values (?, ?)');
    const unit = raw.prepare(
      "insert into units (building_id, compound_id, number, floor, area_centi, area_source, holder_id) values (?, ?, ?, ?, 8800, 'register', ?)",
    );
    for (let u = 0; u < UNITS; u++) {
      const mobile = String(15000000000 + u);
      const name = `业主${u}`;
      const p = Number(person.run(name, mobile).lastInsertRowid);
      const h = Number(holder.run(compound, `p:${mobile}`, name, p).lastInsertRowid);
      member.run(h, p);
      const k = Math.floor(u / 40);
      unit.run(buildings[u % 40], compound, `${Math.floor(k / 36) + 1}单元${(k % 36) + 1}01`, (k % 18) + 1, h);
    }
  })();
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  const batch = await makeLetters(
    {
      compoundId: compound,
      scope: { kind: 'compound' },
      actorId: worker,
      authority: 'staff',
      reach: { communityIds: [community], streetIds: [], districtIds: [] },
      origin: 'https://yishi.example.cn',
    },
    Date.now(),
  );
  const seconds = (performance.now() - t0) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const stored = (raw.prepare('select count(*) as n from activation_codes').get() as { n: number }).n;
  console.log(
    JSON.stringify({
      units: UNITS,
      letters: batch.letters.length,
      stored,
      seconds: Number(seconds.toFixed(2)),
      peakRssMb: Math.round(peakMb),
      rssBeforeMb: Math.round(baseline / 1048576),
    }),
  );
  raw.close();
  fs.rmSync(dir, { recursive: true, force: true });
  if (batch.letters.length !== UNITS || seconds >= 10 || peakMb >= 200) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
