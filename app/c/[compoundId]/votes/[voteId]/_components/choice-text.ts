/** The options whose words are the platform's own, not the organiser's: shown in the reader's language. */
const STANDARD = new Set(['agree', 'disagree', 'abstain']);

/**
 * An option's label in the reader's language: agree / disagree / abstain are translated (they were
 * stored in the language of whoever opened the vote: "Your choice: 同意" in English was a bug); an
 * organiser's own options and candidates' names stay as written.
 */
export function optionLabelOf(
  options: readonly { key: string; label: string }[],
  standard: (key: 'agree' | 'disagree' | 'abstain') => string,
): (key: string) => string {
  const optionLabel = new Map(options.map((o) => [o.key, o.label]));
  return (key) => (STANDARD.has(key) ? standard(key as 'agree') : (optionLabel.get(key) ?? key));
}

/**
 * A stored choice (a JSON array of option keys) in words: "同意、弃权"; a key the vote does not know stays
 * as it is. Give it the vote's options in the reader's language (localOptions).
 */
export function choiceTextOf(options: readonly { key: string; label: string }[]): (json: string) => string {
  const label = new Map(options.map((o) => [o.key, o.label]));
  return (json) => (JSON.parse(json) as string[]).map((k) => label.get(k) ?? k).join('、');
}

/** The vote's options with their labels in the reader's language. */
export function localOptions(
  options: readonly { key: string; label: string }[],
  standard: (key: 'agree' | 'disagree' | 'abstain') => string,
): { key: string; label: string }[] {
  const label = optionLabelOf(options, standard);
  return options.map((o) => ({ key: o.key, label: label(o.key) }));
}
