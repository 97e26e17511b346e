'use client';

import { useTransition } from 'react';
import { setCareMode } from '../care-action';

/** One tap between the standard look and elderly mode (关怀模式); a toggle button, so its state is announced. */
/** Its words come from the server (site-header.tsx), so it needs no translation library in the browser. */
export function CareSwitch({ on, label }: { on: boolean; label: string }) {
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      aria-pressed={on}
      disabled={pending}
      onClick={() => start(() => setCareMode(!on))}
      className={`inline-flex min-h-11 min-w-11 items-center gap-1 rounded-lg px-2 ${
        on ? 'bg-brand-700 font-semibold text-white' : 'text-stone-800 hover:bg-stone-100'
      }`}
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="9" />
        <path d="M8 13a4 4 0 0 0 8 0M9 9h.01M15 9h.01" />
      </svg>
      {label}
    </button>
  );
}
