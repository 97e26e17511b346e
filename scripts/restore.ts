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
  const kept = restoreDatabase(path.resolve(file), target);
  console.log(`restored ${file} into ${target}${kept ? `; the previous database is kept as ${kept}` : ''}`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
