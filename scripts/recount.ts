/**
 * npm run recount -- <voteId>
 * Recomputes a closed vote from its stored (frozen) electorate and counted ballots and says whether
 * the result matches the one stored at the close. Exit code 0: it matches; 1: it does not; 2: usage.
 */
import { eq } from 'drizzle-orm';
import { openDatabase, resolveDatabasePath } from '../db/client';
import { countInputOf, hashResult } from '../db/voting/close';
import { votes } from '../db/schema';
import { countVote } from '../lib/voting/count';

function main(): number {
  const id = Number(process.argv[2]);
  if (!Number.isSafeInteger(id) || id <= 0) {
    console.error('usage: npm run recount -- <voteId>');
    return 2;
  }
  const db = openDatabase(resolveDatabasePath());
  const vote = db.select().from(votes).where(eq(votes.id, id)).get();
  if (!vote) {
    console.error(`vote ${id} does not exist`);
    return 2;
  }
  if (vote.status !== 'closed' || !vote.result) {
    console.error(`vote ${id} is still open; there is no stored result to compare with`);
    return 2;
  }
  const recounted = countVote(countInputOf(db, vote));
  const stored = vote.result;
  const same = JSON.stringify(recounted) === stored && hashResult(recounted) === vote.resultHash;
  console.log(`vote ${id} (${vote.kind}): ${recounted.voted} of ${recounted.electorate} voted`);
  if (recounted.owners) {
    const o = recounted.owners;
    console.log(
      `  participating ${o.participating.owners} owners / ${o.participating.area} m²; agree ${o.agree.owners} / ${o.agree.area} m²; ` +
        `quorum ${o.quorumMet ? 'met' : 'not met'}, agreement ${o.agreementMet ? 'met' : 'not met'}: ${o.passed ? 'PASSED' : 'NOT PASSED'}`,
    );
  } else {
    for (const t of recounted.tally) console.log(`  ${t.label}: ${t.votes}`);
  }
  console.log(same ? 'recount matches the stored result' : 'MISMATCH: the recount differs from the stored result');
  if (!same) {
    console.log(`stored:    ${stored}`);
    console.log(`recounted: ${JSON.stringify(recounted)}`);
  }
  return same ? 0 : 1;
}

process.exitCode = main();
