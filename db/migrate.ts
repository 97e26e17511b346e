import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { type Db, refreshPlannerStatistics } from './client';

export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
  // Indexes a migration just created have no statistics yet: the planner would ignore them.
  refreshPlannerStatistics(db.$client);
}
