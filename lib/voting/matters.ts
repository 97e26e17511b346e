/**
 * The matters owners decide jointly (Civil Code Art. 278 para. 1). Items 6, 7 and 8 are special:
 * they need 3/4 of the participating area and owners; the rest need more than half.
 */
export const ART278_ITEMS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type Art278Item = (typeof ART278_ITEMS)[number];

const SPECIAL: readonly number[] = [6, 7, 8];

export function matterOf(item: number): 'ordinary' | 'special' {
  return SPECIAL.includes(item) ? 'special' : 'ordinary';
}

export function isArt278Item(value: number): value is Art278Item {
  return (ART278_ITEMS as readonly number[]).includes(value);
}
