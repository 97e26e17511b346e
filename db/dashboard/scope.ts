import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import type { Level } from '@/lib/dashboard/levels';
import type { Place } from '@/lib/dashboard/ranking';
import { getDb } from '../client';

/** Where a dashboard stands: a place on the ladder, its parents, and the compounds it holds. */

export interface Scope {
  level: Level;
  id: number;
}

/** A place on the ladder with its parents, for the heading, the breadcrumbs and the access check. */
export interface ScopeNode extends Scope {
  name: string;
  communityId: number | null;
  communityName: string | null;
  streetId: number | null;
  streetName: string | null;
  districtId: number;
  districtName: string;
}

export function findScope(level: Level, id: number): ScopeNode | undefined {
  const db = getDb();
  const row = (() => {
    switch (level) {
      case 'compound':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select c.name, m.id as communityId, m.name as communityName, s.id as streetId, s.name as streetName,
                 d.id as districtId, d.name as districtName
            from compounds c join communities m on m.id = c.community_id join streets s on s.id = m.street_id
            join districts d on d.id = s.district_id where c.id = ${id}`);
      case 'community':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select m.name, m.id as communityId, m.name as communityName, s.id as streetId, s.name as streetName,
                 d.id as districtId, d.name as districtName
            from communities m join streets s on s.id = m.street_id join districts d on d.id = s.district_id
           where m.id = ${id}`);
      case 'street':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select s.name, null as communityId, null as communityName, s.id as streetId, s.name as streetName,
                 d.id as districtId, d.name as districtName
            from streets s join districts d on d.id = s.district_id where s.id = ${id}`);
      case 'district':
        return db.get<Omit<ScopeNode, 'level' | 'id'>>(sql`
          select d.name, null as communityId, null as communityName, null as streetId, null as streetName,
                 d.id as districtId, d.name as districtName
            from districts d where d.id = ${id}`);
    }
  })();
  return row ? { level, id, ...row } : undefined;
}

/** The compounds of a scope, as a sub-select: `x.compound_id in (…)` uses each table's compound index. */
export function compoundsOf(s: Scope): SQL {
  switch (s.level) {
    case 'compound':
      return sql`(${s.id})`;
    case 'community':
      return sql`(select id from compounds where community_id = ${s.id})`;
    case 'street':
      return sql`(select c.id from compounds c join communities m on m.id = c.community_id where m.street_id = ${s.id})`;
    case 'district':
      return sql`(select c.id from compounds c join communities m on m.id = c.community_id
                   join streets st on st.id = m.street_id where st.district_id = ${s.id})`;
  }
}

/** Every compound of the scope with its community and street, for the ranking table. */
export function scopePlaces(s: Scope): Place[] {
  return getDb().all<Place>(sql`
    select c.id as compoundId, c.name as compoundName, m.id as communityId, m.name as communityName,
           st.id as streetId, st.name as streetName
      from compounds c join communities m on m.id = c.community_id join streets st on st.id = m.street_id
     where c.id in ${compoundsOf(s)}
     order by st.id, m.id, c.id`);
}
