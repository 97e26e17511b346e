import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** A step on the way to a page: a link, or (last, without `href`) the page itself. */
export interface Crumb {
  href?: string;
  label: string;
}

/**
 * Where a page sits, read left to right: "合和大院 / 议题". Every page's trail has the same
 * accessible name, so a screen reader finds it the same way everywhere; the page itself, when it
 * closes the trail as plain text, is marked as the current one.
 */
export async function Breadcrumb({ items, noPrint = false }: { items: readonly Crumb[]; noPrint?: boolean }) {
  const t = await getTranslations('app');
  return (
    <nav aria-label={t('breadcrumb')} className={`${noPrint ? 'no-print ' : ''}text-sm text-stone-600`}>
      <ol className="flex flex-wrap items-center gap-x-1">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <li key={c.href ?? `here:${c.label}`}>
              {c.href === undefined ? (
                <span aria-current={last ? 'page' : undefined}>{c.label}</span>
              ) : (
                <Link href={c.href} className="inline-flex min-h-11 items-center underline underline-offset-4">
                  {c.label}
                </Link>
              )}
              {!last && ' /'}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
