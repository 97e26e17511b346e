import { hashGroups } from '@/lib/audit/anchors';

/**
 * A chain's hash as printed on the notice board: sixteen groups of four, eight to a line, so that a
 * person can read it out, copy it by hand and compare it group by group. Copied as text, the groups
 * keep their spaces, which the check forgives.
 */
export function AnchorHash({ hash, size = 'lg' }: { hash: string; size?: 'lg' | 'sm' }) {
  return (
    <code
      className={`grid max-w-fit grid-cols-4 gap-x-3 font-mono tabular-nums sm:grid-cols-8 print:grid-cols-8 ${size === 'lg' ? 'text-lg tracking-wider' : 'text-sm'}`}
    >
      {hashGroups(hash).map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a group's place in the hash is what identifies it
        <span key={i}>{g} </span>
      ))}
    </code>
  );
}
