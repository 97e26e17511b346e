import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client';

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
