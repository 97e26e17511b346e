import type Database from 'better-sqlite3';
import { createRandom } from '../../lib/random';
import { type HistoryCompound, historyWriter } from './history';

/**
 * The demo's year of life (issue 17): the compounds other than the story compound 合和大院 — whose walk-through topics
 * the e2e stories rely on — get about twelve months of history from the benchmark's generator (db/demo/history.ts) at
 * a small scale and a fixed seed: topics in every stage, decisions, tasks on time and late, ratings, escalations,
 * closed votes with their turnout and a few open ones. Inside the seed's transaction; the server's clock then marks
 * what is overdue as it would have.
 */

const DAY = 86_400_000;
const PLAN: { compound: string; topics: number; company: string }[] = [
  { compound: '双全楼院', topics: 24, company: '安居物业服务有限公司' },
  { compound: '亿泰庄园', topics: 60, company: '亿泰物业管理有限公司' },
  { compound: '清华园', topics: 45, company: '清华园红色物业服务中心' },
];

export function seedYear(raw: Database.Database, now: number): { topics: number; votes: number } {
  const r = createRandom(20261204);
  const history = historyWriter(raw, r, now);
  const one = <T>(sqlText: string, ...args: unknown[]) => raw.prepare(sqlText).get(...args) as T | undefined;
  const ids = (sqlText: string, ...args: unknown[]) =>
    (raw.prepare(sqlText).all(...args) as { id: number }[]).map((x) => x.id);
  const grant = raw.prepare(
    "insert or ignore into memberships (person_id, role, scope_type, scope_id, created_at) values (?, ?, 'compound', ?, ?)",
  );
  const setStatus = raw.prepare('update topics set status = ? where id = ?');
  let receipts = 0;
  const made = { topics: 0, votes: 0 };
  for (const p of PLAN) {
    const c = one<{ id: number }>('select id from compounds where name = ?', p.compound);
    const company = one<{ id: number }>('select id from property_companies where name = ?', p.company);
    if (!c || !company) continue;
    const residents = ids(
      `select distinct hm.person_id as id from holder_members hm join holders h on h.id = hm.holder_id
        where h.compound_id = ? and h.kind <> 'developer' order by hm.person_id`,
      c.id,
    );
    // The compound's "1+3": its secretary if it has one, else a resident made secretary, and a committee chair.
    const secretary =
      ids(
        "select person_id as id from memberships where role = 'branch_secretary' and scope_type = 'compound' and scope_id = ?",
        c.id,
      )[0] ?? residents[0];
    const chair = residents[1] ?? secretary;
    if (secretary === undefined || chair === undefined) continue;
    grant.run(secretary, 'branch_secretary', c.id, now - 400 * DAY);
    grant.run(chair, 'committee_chair', c.id, now - 400 * DAY);
    const companyStaff = ids(
      "select person_id as id from memberships where role = 'property_staff' and scope_type = 'company' and scope_id = ?",
      company.id,
    );
    const hc: HistoryCompound = { id: c.id, companyId: company.id, residents, secretary, chair, companyStaff };
    for (let i = 0; i < p.topics; i++) {
      const status = history.stageOf();
      const id = history.topic(hc, {
        status,
        comments: (st) => (['raised', 'rejected', 'merged'].includes(st) ? 0 : r.int(1, 8)),
      });
      made.topics++;
      if (status !== 'voting' && status !== 'voted') continue;
      const createdAt = one<{ t: number }>('select created_at as t from topics where id = ?', id)?.t ?? now - 30 * DAY;
      const open = status === 'voting';
      const startsAt = open ? now - 5 * DAY : Math.min(createdAt + 5 * DAY, now - 20 * DAY);
      const endsAt = open ? now + 9 * DAY : startsAt + 14 * DAY;
      history.vote(hc, id, r.chance(0.4) ? 'owners' : 'consultation', !open, open ? 0.35 : r.int(55, 85) / 100, {
        startsAt,
        endsAt,
        closeAt: endsAt + 3_600_000,
        receipt: () => `D${(++receipts).toString(36).toUpperCase().padStart(7, '0')}`,
      });
      setStatus.run(status, id);
      made.votes++;
    }
  }
  return made;
}
