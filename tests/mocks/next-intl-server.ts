/** Translations as their keys, so tests can read which message an action chose. */
export const getTranslations = async (ns?: string) => {
  const t = (key: string) => `${ns ?? ''}.${key}`;
  t.has = () => true;
  return t;
};
export const getLocale = async () => 'zh-CN';
