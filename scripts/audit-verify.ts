/**
 * npm run audit:verify [-- --anchors <older anchor file>]...
 *   checks every chain of the audit trail, then every published anchor (the database's table, the
 *   anchor file, and older copies of it, e.g. from backups kept elsewhere) against the chains.
 * npm run audit:verify -- --compound <id|district> --entry <id> --hash <hash as printed>
 *   answers whether the chain still has the hash a notice board published for that entry.
 * Exit 1 on any broken link, changed entry or edited anchor.
 */
import { verifyAuditTrail, verifyTypedHash } from '../db/audit/verify';
import { normaliseTypedHash } from '../lib/audit/anchors';

const USAGE = `usage: npm run audit:verify [-- --anchors <file>]...
       npm run audit:verify -- --compound <id|district> --entry <id> --hash <hash as printed>`;

function values(name: string): string[] {
  return process.argv.flatMap((a, i) =>
    a === name && process.argv[i + 1] !== undefined ? [process.argv[i + 1] ?? ''] : [],
  );
}

function main(): number {
  const [compound] = values('--compound');
  const [entry] = values('--entry');
  // The hash may be typed in its printed groups, as several arguments.
  const hashAt = process.argv.indexOf('--hash');
  const rest = process.argv.slice(hashAt + 1);
  const end = rest.findIndex((a) => a.startsWith('--'));
  const typed = hashAt < 0 ? undefined : (end < 0 ? rest : rest.slice(0, end)).join(' ');
  if (compound === undefined && entry === undefined && typed === undefined) {
    const result = verifyAuditTrail(values('--anchors'));
    for (const line of result.lines) console.log(line);
    return result.ok ? 0 : 1;
  }
  const compoundId = compound === 'district' ? null : Number(compound);
  const entryId = Number(entry);
  const hash = normaliseTypedHash(typed ?? '');
  const validCompound = compoundId === null || (Number.isSafeInteger(compoundId) && compoundId > 0);
  if (!validCompound || !(Number.isSafeInteger(entryId) && entryId > 0) || hash === null) {
    console.error(USAGE);
    console.error('--hash takes the printed hash (at least 16 of its hex digits; spaces between groups are fine)');
    return 2;
  }
  const result = verifyTypedHash(compoundId, entryId, hash);
  for (const line of result.lines) console.log(line);
  return result.ok ? 0 : 1;
}

process.exitCode = main();
