import { getFormatter, getTranslations } from 'next-intl/server';
import { isJustNow } from '@/lib/time';

type Format = Awaited<ReturnType<typeof getFormatter>>;

/**
 * "3小时前", or "刚刚" under a minute (never "14秒钟前"); the exact time in the element's datetime and
 * title. Synchronous, with the caller's formatter and word for "just now": lists render hundreds of
 * these, and an async component each costs more than the rendering (docs/decisions/0019-performance.md).
 */
export function RelativeTimeText({
  at,
  format,
  justNow,
  className,
}: {
  at: number;
  format: Format;
  justNow: string;
  className?: string;
}) {
  const now = Date.now();
  return (
    <time
      className={className}
      dateTime={new Date(at).toISOString()}
      title={format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' })}
    >
      {isJustNow(at, now) ? justNow : format.relativeTime(at, now)}
    </time>
  );
}

/** The same, for a page that shows one or two times. */
export async function RelativeTime({ at, className }: { at: number; className?: string }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations('app')]);
  return <RelativeTimeText at={at} format={format} justNow={t('justNow')} className={className} />;
}
