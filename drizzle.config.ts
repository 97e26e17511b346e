import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
  // FTS5 virtual tables are written by hand in custom migrations; drizzle-kit must leave them alone.
  tablesFilter: ['!*_fts*'],
});
