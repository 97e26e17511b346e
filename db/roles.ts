import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { RoleSet } from '@/lib/auth/roles';

/**
 * `column in (the roles of a named set)`: the SQL form of the sets in lib/auth/roles.ts, so an
 * audience selected in SQL names its people exactly as the rules do and never spells roles out.
 */
export function roleIn(column: SQLWrapper, set: RoleSet): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(set)}))`;
}
