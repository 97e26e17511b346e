'use client';

import { createContext, type ReactNode, useContext } from 'react';

/** The words the root error page needs, translated on the server by the root layout. */
export interface AppText {
  error: string;
  errorHint: string;
  retry: string;
}

const Context = createContext<AppText>({ error: '', errorHint: '', retry: '' });

/**
 * Hands the root error page its words without a translation library in the browser: the one client
 * component every page carries (app/error.tsx) would otherwise bring next-intl's message formatter
 * (~12 KB) to pages that have nothing else to translate (docs/decisions/0019-performance.md).
 */
export function AppTextProvider({ text, children }: { text: AppText; children: ReactNode }) {
  return <Context value={text}>{children}</Context>;
}

export function useAppText(): AppText {
  return useContext(Context);
}
