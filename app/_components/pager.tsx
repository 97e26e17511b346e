import Link from 'next/link';
import { buttonClass } from './button';

/** Previous / "page N of M" / next under a paged list; nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  href,
  labels,
  linkClass = buttonClass('secondary'),
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  labels: { nav: string; prev: string; next: string; pageOf: string };
  linkClass?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={labels.nav} className="flex items-center justify-between">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass}>
          {labels.prev}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-stone-600">{labels.pageOf}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={linkClass}>
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
