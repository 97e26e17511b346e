/**
 * A compound of N holders, each with a login session, and an open owners' decision on it, in a
 * database file of its own: what the ballot benchmarks (bench/ballots.ts, bench/crash.ts) load.
 */
import fs from 'node:fs';
import { encode } from 'next-auth/jwt';
import { getDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { openVote } from '../db/voting/open';
import * as s from '../db/schema';

export const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

export async function setupBallots(dir: string, HOLDERS: number) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const db = getDb();
  migrateDatabase(db);
  const now = Date.now();
  const ids = db.transaction((tx) => {
    const d = tx.insert(s.districts).values({ name: '基准区' }).returning().get();
    const st = tx.insert(s.streets).values({ districtId: d.id, name: '基准街道' }).returning().get();
    const c = tx.insert(s.communities).values({ streetId: st.id, name: '基准社区' }).returning().get();
    const compound = tx.insert(s.compounds).values({ communityId: c.id, name: '基准小区' }).returning().get();
    const chair = tx.insert(s.people).values({ name: '主任', mobile: '13900000000' }).returning().get();
    tx.insert(s.memberships)
      .values({ personId: chair.id, role: 'committee_chair', scopeType: 'compound', scopeId: compound.id })
      .run();
    const voters: { personId: number; holderId: number }[] = [];
    for (let b = 0; b < Math.ceil(HOLDERS / 200); b++) {
      const building = tx
        .insert(s.buildings)
        .values({ compoundId: compound.id, name: `${b + 1}号楼`, floors: 25 })
        .returning()
        .get();
      for (let i = 0; i < 200 && voters.length < HOLDERS; i++) {
        const n = voters.length;
        const person = tx
          .insert(s.people)
          .values({ name: `业主${n}`, mobile: String(13910000000 + n) })
          .returning({ id: s.people.id })
          .get();
        const holder = tx
          .insert(s.holders)
          .values({
            compoundId: compound.id,
            kind: 'person',
            key: `p:${n}`,
            name: `业主${n}`,
            voterPersonId: person.id,
          })
          .returning({ id: s.holders.id })
          .get();
        tx.insert(s.holderMembers).values({ holderId: holder.id, personId: person.id }).run();
        tx.insert(s.units)
          .values({
            buildingId: building.id,
            compoundId: compound.id,
            number: `${Math.floor(i / 8) + 1}${String((i % 8) + 1).padStart(2, '0')}`,
            floor: Math.floor(i / 8) + 1,
            areaCenti: 6000 + ((n * 37) % 8000),
            areaSource: 'register',
            holderId: holder.id,
          })
          .run();
        tx.insert(s.sessions)
          .values({ id: `bench-${n}`, personId: person.id, createdAt: now, lastSeenAt: now })
          .run();
        voters.push({ personId: person.id, holderId: holder.id });
      }
    }
    const topic = tx
      .insert(s.topics)
      .values({
        compoundId: compound.id,
        authorId: chair.id,
        title: '使用维修资金更换屋面防水',
        description: '基准测试',
        category: 'maintenance_fund',
        status: 'deliberating',
        createdAt: now,
        activityAt: now,
      })
      .returning({ id: s.topics.id })
      .get();
    return { compoundId: compound.id, topicId: topic.id, chairId: chair.id, voters };
  });
  const voteId = openVote(
    {
      compoundId: ids.compoundId,
      topicId: ids.topicId,
      kind: 'owners',
      question: '是否使用维修资金更换屋面防水？',
      matterItem: 5,
      choiceMode: 'single',
      secret: false,
      allowChange: false,
      buildingIds: null,
      nonVotersFollowMajority: false,
      startsAt: now - 60_000,
      endsAt: now + 3_600_000,
      options: [
        { key: 'agree', label: '同意' },
        { key: 'disagree', label: '不同意' },
        { key: 'abstain', label: '弃权' },
      ],
      openedBy: ids.chairId,
    },
    [],
    now,
  );
  if (voteId === null) throw new Error('could not open the vote');
  const cookies = await Promise.all(
    ids.voters.map(async (v, n) => {
      const token = await encode({ token: { sub: String(v.personId), sid: `bench-${n}` }, secret: SECRET });
      return { cookie: `next-auth.session-token=${token}`, voterKey: `h:${v.holderId}` };
    }),
  );
  return { ...ids, voteId, cookies };
}

export async function waitForHealth(base: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}
