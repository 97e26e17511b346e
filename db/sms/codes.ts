import 'server-only';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { IssuedSmsCode, SmsSendHistory, SmsTally } from '@/lib/sms/code';
import { getDb, writeTransaction } from '../client';
import { smsCodes } from '../schema';

/** Sign-in codes sent by SMS (lib/sms/code.ts has the rules): what was sent, to whom, and how it was tried. */

const NONE: SmsTally = { n: 0, first: 0, last: 0 };

/** What the caps look at: codes for this mobile and from this address in the window, and wrong tries for the mobile. */
export function smsHistory(mobile: string, address: string, since: number): SmsSendHistory {
  const row = getDb().get<{
    mn: number;
    mf: number | null;
    ml: number | null;
    an: number;
    af: number | null;
    al: number | null;
    wn: number | null;
    wf: number | null;
  }>(sql`
    select
      (select count(*) from sms_codes where mobile = ${mobile} and sent_at >= ${since}) as mn,
      (select min(sent_at) from sms_codes where mobile = ${mobile} and sent_at >= ${since}) as mf,
      (select max(sent_at) from sms_codes where mobile = ${mobile} and sent_at >= ${since}) as ml,
      (select count(*) from sms_codes where address = ${address} and sent_at >= ${since}) as an,
      (select min(sent_at) from sms_codes where address = ${address} and sent_at >= ${since}) as af,
      (select max(sent_at) from sms_codes where address = ${address} and sent_at >= ${since}) as al,
      (select sum(tries) from sms_codes where mobile = ${mobile} and sent_at >= ${since}) as wn,
      (select min(sent_at) from sms_codes where mobile = ${mobile} and sent_at >= ${since} and tries > 0) as wf`);
  if (!row) return { mobile: NONE, address: NONE, wrongTries: NONE };
  return {
    mobile: { n: row.mn, first: row.mf ?? 0, last: row.ml ?? 0 },
    address: { n: row.an, first: row.af ?? 0, last: row.al ?? 0 },
    wrongTries: { n: row.wn ?? 0, first: row.wf ?? 0, last: row.wf ?? 0 },
  };
}

/** Records a code: sent (to an account) or not (a number without one, counted by the caps all the same). */
export function recordSmsCode(
  c: { mobile: string; address: string; codeHash: string; sent: boolean },
  now: number,
  pruneBefore: number,
) {
  writeTransaction((tx) => {
    // A new code replaces any still open for the number: only the latest can be used.
    tx.update(smsCodes)
      .set({ usedAt: now })
      .where(and(eq(smsCodes.mobile, c.mobile), isNull(smsCodes.usedAt)))
      .run();
    tx.insert(smsCodes)
      .values({ ...c, sentAt: now })
      .run();
    tx.delete(smsCodes).where(lt(smsCodes.sentAt, pruneBefore)).run();
  });
}

/** The latest code actually sent to this mobile, if any (one sent to a number without an account never is). */
export function latestSmsCode(mobile: string): (IssuedSmsCode & { id: number }) | null {
  const row = getDb()
    .select({
      id: smsCodes.id,
      codeHash: smsCodes.codeHash,
      sentAt: smsCodes.sentAt,
      tries: smsCodes.tries,
      usedAt: smsCodes.usedAt,
      sent: smsCodes.sent,
    })
    .from(smsCodes)
    .where(eq(smsCodes.mobile, mobile))
    .orderBy(desc(smsCodes.id))
    .limit(1)
    .get();
  return row?.sent ? row : null;
}

/** A wrong try, counted only if nobody else counted it first. */
export function recordSmsTry(id: number, tries: number) {
  getDb()
    .update(smsCodes)
    .set({ tries })
    .where(and(eq(smsCodes.id, id), eq(smsCodes.tries, tries - 1)))
    .run();
}

/** Uses the code up; false when it was used (or replaced) a moment ago. */
export function consumeSmsCode(id: number, now: number): boolean {
  return (
    getDb()
      .update(smsCodes)
      .set({ usedAt: now })
      .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt)))
      .run().changes === 1
  );
}
