/** The ladder a dashboard stands on: a compound, its community, its street, its district. */
export const LEVELS = ['compound', 'community', 'street', 'district'] as const;
export type Level = (typeof LEVELS)[number];

/** The level a dashboard's ranking table lists, one step down. */
export const CHILD_LEVEL: Record<Level, Level | null> = {
  district: 'street',
  street: 'community',
  community: 'compound',
  compound: null,
};

export function isLevel(v: string): v is Level {
  return (LEVELS as readonly string[]).includes(v);
}
