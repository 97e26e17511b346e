import { getFormatter, getTranslations } from 'next-intl/server';

/** The card every follow-through section sits on. */
export const CARD = 'rounded-xl bg-white p-5 ring-1 ring-stone-200';

/** The follow-through texts, its date format and how a responsible party is named. */
export async function followText() {
  const [t, ta, format] = await Promise.all([getTranslations('follow'), getTranslations('app'), getFormatter()]);
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' });
  const partyLabel = (party: string, companyName: string | null) =>
    party === 'property' && companyName ? companyName : t(`parties.${party as 'property'}`);
  /** "：" in Chinese, ": " in English. */
  const colon = ta('colon');
  return { t, when, partyLabel, colon };
}
