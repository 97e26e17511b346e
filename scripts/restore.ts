/** npm run restore -- <backup file> — into a STOPPED installation (stop the server first). */
import path from 'node:path';
import { restoreDatabase } from '../db/backup';
import { resolveDatabasePath } from '../db/client';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run restore -- <backup file>   (stop the server first)');
  process.exit(2);
}
try {
  const target = resolveDatabasePath();
  const r = restoreDatabase(path.resolve(file), target);
  console.log(`restored ${file} into ${target}${r.kept ? `; the previous database is kept as ${r.kept}` : ''}`);
  console.log(
    r.anchors
      ? 'the audit anchor file that went with the backup is back in place'
      : 'this backup carries no audit anchor file: the server starts a new one from the database',
  );
  if (r.keptAnchors) console.log(`the previous audit anchor file is kept as ${r.keptAnchors}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
