import { getTranslations } from 'next-intl/server';

const LOOK = {
  announced: { icon: '◔', cls: 'bg-amber-50 text-amber-900 ring-amber-300' },
  open: { icon: '▷', cls: 'bg-violet-50 text-violet-900 ring-violet-300' },
  closed: { icon: '✓', cls: 'bg-stone-100 text-stone-800 ring-stone-300' },
} as const;

/** An assembly's status as text with a symbol, never colour alone: in its notice period, voting, closed. */
export async function AssemblyStatusBadge({ status }: { status: 'announced' | 'open' | 'closed' }) {
  const t = await getTranslations('assembly.statuses');
  const look = LOOK[status];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 font-medium text-sm ring-1 ${look.cls}`}
    >
      <span aria-hidden>{look.icon}</span>
      {t(status)}
    </span>
  );
}
