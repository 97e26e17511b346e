import { getFormatter, getTranslations } from 'next-intl/server';
import { formatArea } from '@/lib/area';

/** The card every assembly section sits on. */
export const CARD = 'rounded-xl bg-white p-5 ring-1 ring-stone-200 print:ring-stone-400';

/** The assembly's texts, its date formats, and "9 owners (11 units), 812.35 m²". */
export async function assemblyText() {
  const [t, tv, format] = await Promise.all([getTranslations('assembly'), getTranslations('votes'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long', timeStyle: 'short' });
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long' });
  const area = (centi: number | null) => `${formatArea(centi ?? 0)} m²`;
  return { t, tv, when, day, area };
}
