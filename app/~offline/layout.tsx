import type { ReactNode } from 'react';
import { ClientMessages } from '../_components/client-messages';

/** The offline copy and read-aloud buttons translate in the browser; other pages do not carry the words. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages ns={['app']}>{children}</ClientMessages>;
}
