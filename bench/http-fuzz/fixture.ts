/**
 * What the HTTP fuzzer attacks: the demo district in a data directory of its own, plus a topic with
 * an open owners' decision (the demo has no open vote, and the ballot route is worth reaching), and
 * the real ids and server actions of that database and build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { openVote } from '../../db/voting/open';
import * as s from '../../db/schema';
import { seedDemo } from '../../db/seed';
import type { FuzzContext } from './vocabulary';

/** Call with process.env.DATA_DIR already pointing at `dir` (getDb reads it once). */
export function prepareData(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = getDb();
  migrateDatabase(db);
  seedDemo(db);
  const now = Date.now();
  const compound = db.select().from(s.compounds).where(eq(s.compounds.name, '合和大院')).get();
  const chair = db.select().from(s.people).where(eq(s.people.mobile, '13800000002')).get();
  if (!compound || !chair) throw new Error('the demo seed has changed: 合和大院 or its chair is missing');
  const topic = db
    .insert(s.topics)
    .values({
      compoundId: compound.id,
      authorId: chair.id,
      title: '更换屋面防水（模糊测试）',
      description: '模糊测试用的表决',
      category: 'maintenance_fund',
      status: 'deliberating',
      createdAt: now,
      activityAt: now,
    })
    .returning({ id: s.topics.id })
    .get();
  const options = [
    { key: 'agree', label: '同意' },
    { key: 'disagree', label: '不同意' },
  ];
  const vote = {
    compoundId: compound.id,
    topicId: topic.id,
    question: '是否更换屋面防水？',
    choiceMode: 'single',
    secret: false,
    allowChange: false,
    buildingIds: null,
    nonVotersFollowMajority: false,
    startsAt: now - 60_000,
    endsAt: now + 24 * 3_600_000,
    options,
    openedBy: chair.id,
  } as const;
  openVote({ ...vote, kind: 'owners', matterItem: 5 }, [], now);
  openVote({ ...vote, kind: 'consultation', matterItem: null }, [], now);
}

const ids = (db: ReturnType<typeof getDb>['$client'], table: string) =>
  (db.prepare(`select id from ${table} order by id limit 50`).all() as { id: number }[]).map((r) => r.id);

export function readIds(): { home: number; ids: FuzzContext['ids'] } {
  const db = getDb().$client;
  const home = db.prepare(`select id from compounds where name = '合和大院'`).get() as { id: number };
  return {
    home: home.id,
    ids: {
      compound: ids(db, 'compounds'),
      topic: ids(db, 'topics'),
      vote: ids(db, 'votes'),
      meeting: ids(db, 'meetings'),
      person: ids(db, 'people').slice(0, 25),
      photo: ids(db, 'topic_photos'),
      building: ids(db, 'buildings'),
      level: [...ids(db, 'streets'), ...ids(db, 'communities').slice(0, 3), ...ids(db, 'districts')],
    },
  };
}

/** Files Next serves as they are, one of each kind, and one that is missing. */
export function readStatics(): string[] {
  const chunk = fs.readdirSync('.next/static/chunks').find((f) => f.endsWith('.js'));
  return ['/templates/units-template.csv', `/_next/static/chunks/${chunk}`, '/_next/static/chunks/missing.js'];
}

/** The server actions of the build, each with a page it can be posted to. */
export function readActions(): FuzzContext['actions'] {
  const file = path.resolve('.next/server/server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const names: Record<string, string> = {
    compoundId: 'compound',
    topicId: 'topic',
    voteId: 'vote',
    meetingId: 'meeting',
    personId: 'person',
    level: 'level',
    id: 'levelId',
  };
  return Object.entries(manifest.node).flatMap(([id, entry]) => {
    const pages = Object.keys(entry.workers).filter((w) => !w.includes('_not-found'));
    return pages.slice(0, 3).map((w) => ({
      id,
      name: entry.exportedName ?? '',
      page:
        w
          .replace(/^app/, '')
          .replace(/\/page$/, '')
          .replace(/\[(\w+)\]/g, (_, n: string) => `{${names[n] ?? n}}`) || '/',
    }));
  });
}
