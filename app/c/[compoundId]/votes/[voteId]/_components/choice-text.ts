/** A stored choice (a JSON array of option keys) in words: "同意、弃权"; a key the vote does not know stays as it is. */
export function choiceTextOf(options: readonly { key: string; label: string }[]): (json: string) => string {
  const optionLabel = new Map(options.map((o) => [o.key, o.label]));
  return (json) => (JSON.parse(json) as string[]).map((k) => optionLabel.get(k) ?? k).join('、');
}
