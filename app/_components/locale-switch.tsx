'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { setLocale } from '../locale-action';

export function LocaleSwitch({ current }: { current: string }) {
  const t = useTranslations('app');
  const [pending, start] = useTransition();
  const next = current === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(() => setLocale(next))}
      className="rounded px-2 py-2 text-stone-700 hover:bg-stone-100"
      lang={next}
      aria-label={t('switchLanguage')}
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}
