import { getTranslations } from 'next-intl/server';

/** Status shown as text with a symbol and a colour, so it never relies on colour alone. */
const LOOK: Record<string, { icon: string; cls: string }> = {
  raised: { icon: '○', cls: 'bg-amber-50 text-amber-900 ring-amber-300' },
  deliberating: { icon: '◐', cls: 'bg-sky-50 text-sky-900 ring-sky-300' },
  rejected: { icon: '✕', cls: 'bg-stone-100 text-stone-700 ring-stone-300' },
  merged: { icon: '⇢', cls: 'bg-stone-100 text-stone-700 ring-stone-300' },
  small_matter: { icon: '➜', cls: 'bg-emerald-50 text-emerald-900 ring-emerald-300' },
  voting: { icon: '▷', cls: 'bg-violet-50 text-violet-900 ring-violet-300' },
  voted: { icon: '▶', cls: 'bg-violet-50 text-violet-900 ring-violet-300' },
  decided: { icon: '◇', cls: 'bg-amber-50 text-amber-900 ring-amber-300' },
  publicised: { icon: '◆', cls: 'bg-sky-50 text-sky-900 ring-sky-300' },
  assigned: { icon: '◔', cls: 'bg-orange-50 text-orange-900 ring-orange-300' },
  in_progress: { icon: '◑', cls: 'bg-emerald-50 text-emerald-900 ring-emerald-300' },
  rating: { icon: '☆', cls: 'bg-yellow-50 text-yellow-900 ring-yellow-300' },
  closed: { icon: '✓', cls: 'bg-stone-100 text-stone-800 ring-stone-300' },
};

export async function StatusBadge({ status }: { status: string }) {
  return <StatusPill status={status} label={statusLabel(await getTranslations('topics.statuses'), status)} />;
}

type StatusTranslator = Awaited<ReturnType<typeof getTranslations<'topics.statuses'>>>;

/** A status in words (an unknown one as it is). */
export function statusLabel(t: StatusTranslator, status: string): string {
  return t.has(status as 'raised') ? t(status as 'raised') : status;
}

/**
 * The badge with its words given: lists render one per row, and an async component per row costs
 * more than its markup (docs/decisions/0019-performance.md).
 */
export function StatusPill({ status, label }: { status: string; label: string }) {
  const look = LOOK[status] ?? { icon: '•', cls: 'bg-stone-100 text-stone-800 ring-stone-300' };
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 font-medium text-sm ring-1 ${look.cls}`}
    >
      <span aria-hidden>{look.icon}</span>
      {label}
    </span>
  );
}
