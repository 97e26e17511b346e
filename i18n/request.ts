import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, isLocale } from './locales';

export default getRequestConfig(async () => {
  const store = await cookies();
  const wanted = store.get('locale')?.value;
  const locale = wanted && isLocale(wanted) ? wanted : DEFAULT_LOCALE;
  const messages = (await import(`../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: 'Asia/Shanghai' };
});
