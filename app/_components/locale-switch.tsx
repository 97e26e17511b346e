'use client';

import { useTransition } from 'react';
import { setLocale } from '../locale-action';

/**
 * Shows the other language by its own name ("English" / "中文"), and is named by what it shows, so
 * a voice-control user who says "English" presses it (WCAG 2.5.3); its purpose is in the title.
 * Its words come from the server (site-header.tsx), so it needs no translation library in the browser.
 */
export function LocaleSwitch({ current, label }: { current: string; label: string }) {
  const [pending, start] = useTransition();
  const next = current === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(() => setLocale(next))}
      className="inline-flex min-h-11 min-w-11 items-center rounded-lg px-2 text-stone-800 hover:bg-stone-100"
      lang={next}
      title={label}
    >
      {next === 'en' ? 'English' : '中文'}
    </button>
  );
}
