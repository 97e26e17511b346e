import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '../client';

/** How many counted ballots a closed vote has (its published receipt codes). */
export function countReceipts(voteId: number): number {
  return (
    getDb().get<{ n: number }>(sql`select count(*) as n from ballots
      where vote_id = ${voteId} and (channel = 'online' or confirmed_by is not null)`)?.n ?? 0
  );
}

/** One receipt code looked up: counted (with its choice, and whether an authorised agent cast it) or not found. */
export function findReceipt(voteId: number, code: string) {
  return getDb().get<{ receiptCode: string; choice: string; channel: string; byProxy: number }>(sql`
    select receipt_code as receiptCode, choice, channel, proxy_id is not null as byProxy from ballots
     where vote_id = ${voteId} and receipt_code = ${code} and (channel = 'online' or confirmed_by is not null)`);
}

/** After the close: every counted ballot's receipt code with its choice, so each voter can check theirs. */
export function listReceipts(voteId: number) {
  return getDb().all<{ receiptCode: string; choice: string; channel: string }>(sql`
    select receipt_code as receiptCode, choice, channel from ballots
     where vote_id = ${voteId} and (channel = 'online' or confirmed_by is not null) order by receipt_code`);
}
