import {
  MAX_COMPANY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_OWNERS_CELL_LENGTH,
  MOBILE_PATTERN,
  checkText,
  length,
} from './units-csv-fields';
import { findRefused, normaliseText, revealRefused } from '../validation/human-text';
import type { HolderKind, ImportOwner, ReportError } from './units-csv-types';

export interface ParsedHolder {
  key: string;
  name: string;
  owners: ImportOwner[];
  voterMobile: string | null;
}

/** What one file has said so far about people and the developer, to keep later rows consistent with it. */
export interface HolderState {
  readonly nameByMobile: Map<string, string>;
  developerName: string | null;
}

export function newHolderState(): HolderState {
  return { nameByMobile: new Map(), developerName: null };
}

/** Parses "姓名:手机号" (ASCII or full-width colon). Returns null after reporting. */
function parseOwner(entry: string, state: HolderState, report: ReportError): ImportOwner | null {
  const colon = entry.search(/[:：]/);
  if (colon < 0) {
    report('bad_owner', 'owners', entry);
    return null;
  }
  const name = checkText(entry.slice(0, colon), 'owners', MAX_NAME_LENGTH, report, 'bad_owner');
  const mobile = entry.slice(colon + 1).trim();
  const mobileOk = MOBILE_PATTERN.test(mobile);
  if (!mobileOk) report('bad_mobile', 'owners', mobile);
  if (name === null || !mobileOk) return null;
  // One mobile is one real-name account; two names for it means one row is wrong, and we cannot tell which.
  const known = state.nameByMobile.get(mobile);
  if (known === undefined) state.nameByMobile.set(mobile, name);
  else if (known !== name) report('mobile_name_conflict', 'owners', mobile);
  return { name, mobile };
}

/** Owners separated by ASCII or full-width semicolons; an empty entry (e.g. a trailing ";") is ignored. */
function parseOwners(raw: string, state: HolderState, report: ReportError): { owners: ImportOwner[]; entries: number } {
  const entries = raw
    .split(/[;；]/)
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const owners: ImportOwner[] = [];
  for (const entry of entries) {
    const owner = parseOwner(entry, state, report);
    if (owner !== null) owners.push(owner);
  }
  return { owners, entries: entries.length };
}

function person(raw: string, voter: string, state: HolderState, report: ReportError): ParsedHolder | null {
  const { owners, entries } = parseOwners(raw, state, report);
  if (entries !== 1) report('bad_owner', 'owners', raw);
  const [owner] = owners;
  if (entries !== 1 || owner === undefined) return null;
  if (voter !== '' && voter !== owner.mobile) {
    report('bad_voter', 'voter', voter);
    return null;
  }
  return { key: `p:${owner.mobile}`, name: owner.name, owners: [owner], voterMobile: owner.mobile };
}

function coOwners(raw: string, voter: string, state: HolderState, report: ReportError): ParsedHolder | null {
  const { owners: parsed, entries } = parseOwners(raw, state, report);
  if (!MOBILE_PATTERN.test(voter)) report('bad_voter', 'voter', voter);
  if (parsed.length < entries) return null;
  // Sorting by mobile makes the key, the name and the list the same on every row of this group of owners.
  const byMobile = new Map(parsed.map((o) => [o.mobile, o]));
  const owners = [...byMobile.values()].sort((a, b) => (a.mobile < b.mobile ? -1 : a.mobile > b.mobile ? 1 : 0));
  if (owners.length < 2) {
    report('bad_owner', 'owners', raw);
    return null;
  }
  if (!MOBILE_PATTERN.test(voter)) return null;
  if (!byMobile.has(voter)) {
    report('bad_voter', 'voter', voter);
    return null;
  }
  const key = `c:${owners.map((o) => o.mobile).join(',')}`;
  return { key, name: owners.map((o) => o.name).join('、'), owners, voterMobile: voter };
}

function developer(raw: string, voter: string, state: HolderState, report: ReportError): ParsedHolder | null {
  // The developer's unsold units count together as one owner, so a second company name is a mistake in the sheet.
  const name = checkText(raw, 'owners', MAX_COMPANY_LENGTH, report);
  if (voter !== '') report('bad_voter', 'voter', voter);
  if (name === null) return null;
  if (state.developerName === null) state.developerName = name;
  else if (state.developerName !== name) {
    report('developer_name', 'owners', name);
    return null;
  }
  if (voter !== '') return null;
  return { key: 'd', name, owners: [], voterMobile: null };
}

/** Validates the owners and voter cells for a holder of the given kind. Returns null after reporting. */
export function parseHolder(
  kind: HolderKind,
  ownersRaw: string,
  voterRaw: string,
  state: HolderState,
  report: ReportError,
): ParsedHolder | null {
  const raw = normaliseText(ownersRaw, 'name');
  const voter = voterRaw.trim();
  if (raw === '') {
    report('empty_field', 'owners', raw);
    return null;
  }
  // The whole cell, before it is split: no invisible character hides beside a separator or a mobile either.
  if (findRefused(raw, 'name') !== null) {
    report('control_chars', 'owners', revealRefused(raw));
    return null;
  }
  if (length(raw) > MAX_OWNERS_CELL_LENGTH) {
    report('field_too_long', 'owners', raw);
    return null;
  }
  if (kind === 'person') return person(raw, voter, state, report);
  if (kind === 'co_owners') return coOwners(raw, voter, state, report);
  return developer(raw, voter, state, report);
}
