/** npm run backup — online backup of the live database into $BACKUP_DIR (default <DATA_DIR>/backups). */
import path from 'node:path';
import { backupDatabase, checkBackup } from '../db/backup';
import { resolveDatabasePath, resolveDataDir } from '../db/client';

async function main() {
  const dir = process.env.BACKUP_DIR ? path.resolve(process.env.BACKUP_DIR) : path.join(resolveDataDir(), 'backups');
  const file = await backupDatabase(resolveDatabasePath(), dir);
  checkBackup(file);
  console.log(`backup written and checked: ${file}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
