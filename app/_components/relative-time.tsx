import { getFormatter, getTranslations } from 'next-intl/server';
import { isJustNow } from '@/lib/time';

/** "3小时前", or "刚刚" under a minute (never "14秒钟前"); the exact time in the element's datetime and title. */
export async function RelativeTime({ at, className }: { at: number; className?: string }) {
  const [format, t] = await Promise.all([getFormatter(), getTranslations('app')]);
  const now = Date.now();
  return (
    <time
      className={className}
      dateTime={new Date(at).toISOString()}
      title={format.dateTime(at, { dateStyle: 'medium', timeStyle: 'short' })}
    >
      {isJustNow(at, now) ? t('justNow') : format.relativeTime(at, now)}
    </time>
  );
}
