import { getTranslations } from 'next-intl/server';
import { committeeOutcome } from '@/lib/assembly/committee';
import type { VoteResult } from '@/lib/voting/count';
import type { VoteOutcome } from '@/lib/voting/outcome';

/**
 * What a closed matter decided, in words, from its stored result: passed or not; for an election who
 * was elected, who tied at the last seat, the seats left empty and the alternates; for a choice which
 * option was chosen, or that none was. Shown with a symbol, never colour alone.
 */
export async function MatterOutcome({
  result,
  outcome,
  options,
  alternates = 0,
}: {
  result: VoteResult;
  outcome: VoteOutcome | null;
  options: readonly { key: string; label: string }[];
  alternates?: number;
}) {
  const t = await getTranslations('assembly.outcome');
  const label = (key: string) => options.find((o) => o.key === key)?.label ?? key;
  const names = (keys: readonly string[]) => keys.map(label).join('、');
  const lines: string[] = [];
  if (result.election) {
    const c = committeeOutcome(result.election, alternates);
    lines.push(
      c.elected.length ? t('elected', { names: names(c.elected), count: c.elected.length }) : t('noneElected'),
    );
    if (c.tie.length) lines.push(t('tie', { names: names(c.tie) }));
    if (c.unfilled > 0) lines.push(t('unfilled', { count: c.unfilled }));
    if (c.alternates.length) lines.push(t('alternates', { names: names(c.alternates) }));
    if (!result.election.quorumMet) lines.push(t('quorumNotMet'));
  } else if (result.choice) {
    lines.push(result.choice.chosen ? t('chosen', { name: label(result.choice.chosen) }) : t('noneChosen'));
    if (!result.choice.quorumMet) lines.push(t('quorumNotMet'));
  } else if (result.owners) {
    lines.push(result.owners.passed ? t('passed') : t('failed'));
    if (!result.owners.quorumMet) lines.push(t('quorumNotMet'));
  }
  const ok = outcome === 'passed';
  return (
    <div
      role="status"
      className={`space-y-1 rounded-lg p-3 ${ok ? 'bg-emerald-50 text-emerald-900' : 'bg-brand-50 text-brand-800'}`}
    >
      {lines.map((l, i) => (
        <p key={l} className={i === 0 ? 'font-semibold' : 'text-sm'}>
          {i === 0 && <span aria-hidden>{ok ? '✓ ' : '✕ '}</span>}
          {l}
        </p>
      ))}
    </div>
  );
}
