/**
 * The privacy notice (个人信息保护法 Art. 17: what is collected, why, who sees it, how long it is kept). Its text is in
 * messages/*.json under `privacy`; a new version of the text gets a new number, and accounts that accepted an
 * older one are asked again.
 */
export const PRIVACY_VERSION = 1;

/** The sections of the notice, in order; each has a heading and a body in the messages. */
export const PRIVACY_SECTIONS = ['what', 'why', 'who', 'howLong', 'rights'] as const;
