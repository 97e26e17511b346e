import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from './client';

export function healthCheck() {
  const row = getDb().get<{ n: number }>(sql`select count(*) as n from compounds`);
  return { compounds: row?.n ?? 0 };
}
