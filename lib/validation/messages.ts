/** Message keys schemas may use; each has a translation under `validation` in messages/*.json. */
export const VALIDATION_KEYS = [
  'required',
  'tooLong',
  'invalid',
  'mobile',
  'passwordShort',
  'passwordCommon',
  'passwordTooLong',
  'number',
  'range',
  'choose',
  'mismatch',
  'endBeforeStart',
  'optionCount',
  'pushServiceUnknown',
  'chooseStars',
  'timeOfDay',
  /** An exclusive area in m² with at most two decimals (lib/area.ts). */
  'area',
  /** An owners' committee has an odd number of members. */
  'oddSeats',
  /** Takes {char}, e.g. "U+200B": see human-text.ts for what is refused. */
  'invisibleChars',
  /** A box that must be ticked (the privacy notice). */
  'mustAccept',
] as const;

export type ValidationKey = (typeof VALIDATION_KEYS)[number];
export const VALIDATION_KEY_SET: ReadonlySet<string> = new Set(VALIDATION_KEYS);
