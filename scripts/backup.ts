/**
 * npm run backup — online backup of the live database into $BACKUP_DIR (default <DATA_DIR>/backups),
 * with the audit anchor file copied beside it (yishi-<time>.anchors.log).
 */
import fs from 'node:fs';
import path from 'node:path';
import { anchorsCopyOf, backupDatabase, checkBackup } from '../db/backup';
import { resolveDatabasePath, resolveDataDir } from '../db/client';

async function main() {
  const dir = process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(resolveDataDir(), 'backups');
  const file = await backupDatabase(resolveDatabasePath(), dir);
  checkBackup(file);
  console.log(`backup written and checked: ${file}`);
  const anchors = anchorsCopyOf(file);
  console.log(
    fs.existsSync(anchors) ? `audit anchors copied: ${anchors}` : 'no audit anchor file yet: nothing to copy',
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
