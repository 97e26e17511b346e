/** npm run audit:verify — checks every compound's hash chain in the audit trail. Exit 1 if any link is broken. */
import { asc } from 'drizzle-orm';
import { openDatabase, resolveDatabasePath } from '../db/client';
import { auditLog } from '../db/schema';
import { findBrokenLink } from '../lib/audit/hash';

const db = openDatabase(resolveDatabasePath());
const rows = db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
const chains = new Map<number | null, typeof rows>();
for (const r of rows) chains.set(r.compoundId, [...(chains.get(r.compoundId) ?? []), r]);
let broken = 0;
for (const [compoundId, entries] of chains) {
  const bad = findBrokenLink(entries);
  if (bad !== null) {
    broken++;
    console.log(`chain ${compoundId ?? '(district)'}: BROKEN at entry ${bad} (${entries.length} entries)`);
  } else {
    console.log(`chain ${compoundId ?? '(district)'}: ok (${entries.length} entries)`);
  }
}
console.log(broken ? `${broken} broken chain(s)` : `all ${chains.size} chains intact, ${rows.length} entries`);
process.exitCode = broken ? 1 : 0;
