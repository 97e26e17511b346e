import { normaliseName } from '../validation/human-text';

/** Someone holding an office in a compound, as a new name is checked against them. */
export interface Official {
  name: string;
  mobile: string;
  role: string;
  compound: string;
}

/**
 * The official a new person's name could pass for: the same name once normalised (full-width
 * forms, spaces, middle dots, invisible characters set aside) but another mobile, so another
 * person. A resident named like the branch secretary is possible; staff must confirm it is so.
 */
export function lookalikeOfficial(name: string, mobile: string, officials: readonly Official[]): Official | undefined {
  const key = normaliseName(name);
  return officials.find((o) => o.mobile !== mobile && normaliseName(o.name) === key);
}
