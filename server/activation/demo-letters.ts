import 'server-only';
import { hashSync } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { activateWithCode } from '@/db/activation/activate';
import { issueCodes } from '@/db/activation/codes';
import { eligibleHolders } from '@/db/activation/eligible';
import { getDb } from '@/db/client';
import { DEMO_PASSWORD } from '@/db/seed';
import { generateActivationCode, normaliseTypedCode } from '@/lib/activation/code';
import { hashActivationCode } from '@/lib/activation/hash';
import { PRIVACY_VERSION } from '@/lib/households/privacy';
import { createRandom } from '@/lib/random';
import { activationPepper } from '../auth/peppers';

/** A code printed 70 days ago and never used: /activate refuses it as expired (README, e2e). */
export const DEMO_EXPIRED_CODE = 'E2XF-79R3-RYJY';

const DAY = 86_400_000;

/**
 * The demo's activation history, after the district is seeded (instrumentation.ts): 郑丽 printed letters for
 * 双全楼院 a month ago and eight households activated with them; one older letter expired unused. Here, not in
 * db/seed.ts, because a code's hash needs the server secret's pepper. Codes come from a fixed seed.
 */
export function seedDemoLetters(now: number): void {
  const db = getDb();
  const compound = db.get<{
    id: number;
    districtId: number;
  }>(sql`select c.id, s.district_id as districtId from compounds c
    join communities m on m.id = c.community_id join streets s on s.id = m.street_id where c.name = '双全楼院'`);
  const worker = db.get<{ id: number }>(sql`select id from people where mobile = '13800000011'`);
  if (!compound || !worker) return;
  const holders = eligibleHolders(
    compound.id,
    { kind: 'compound' },
    {
      authority: 'staff',
      reach: { communityIds: [], streetIds: [], districtIds: [compound.districtId] },
    },
  ).holders;
  const [expired, ...rest] = holders;
  if (!expired) return;
  const pepper = activationPepper();
  const known = normaliseTypedCode(DEMO_EXPIRED_CODE);
  if (!known.ok) throw new Error('the demo expired code does not pass its check');
  issueCodes(
    compound.id,
    worker.id,
    [{ holderId: expired.holderId, codeHash: hashActivationCode(known.code, pepper) }],
    now - 10 * DAY,
    now - 70 * DAY,
  );
  // Not the seed that made DEMO_EXPIRED_CODE (20261201), whose first code it is.
  const r = createRandom(20261202);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => r.int(0, 255));
  const batch = rest.slice(0, 20).map((h) => ({ holderId: h.holderId, code: generateActivationCode(bytes) }));
  const printedAt = now - 30 * DAY;
  issueCodes(
    compound.id,
    worker.id,
    batch.map((b) => ({ holderId: b.holderId, codeHash: hashActivationCode(b.code, pepper) })),
    printedAt + 60 * DAY,
    printedAt,
  );
  const passwordHash = hashSync(DEMO_PASSWORD);
  batch.slice(0, 8).forEach((b, i) => {
    const code = db.get<{ id: number }>(
      sql`select id from activation_codes where holder_id = ${b.holderId} order by id desc limit 1`,
    );
    const member = db.get<{
      id: number;
      mobile: string;
    }>(sql`select p.id, p.mobile from holder_members hm join people p on p.id = hm.person_id
      where hm.holder_id = ${b.holderId} limit 1`);
    if (!code || !member) return;
    activateWithCode(
      {
        codeId: code.id,
        personId: member.id,
        mobile: member.mobile,
        passwordHash,
        privacyVersion: PRIVACY_VERSION,
        address: 'demo',
      },
      printedAt + (i + 1) * 2 * DAY,
    );
  });
}
