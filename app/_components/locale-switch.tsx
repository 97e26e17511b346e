'use client';

import { useTransition } from 'react';
import { setLocale } from '../locale-action';

/** Its words come from the server (site-header.tsx), so it needs no translation library in the browser. */
export function LocaleSwitch({ current, label }: { current: string; label: string }) {
  const [pending, start] = useTransition();
  const next = current === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(() => setLocale(next))}
      className="rounded px-2 py-2 text-stone-700 hover:bg-stone-100"
      lang={next}
      aria-label={label}
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}
