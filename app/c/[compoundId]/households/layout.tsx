import type { ReactNode } from 'react';
import { ClientMessages } from '../../../_components/client-messages';

/** The translations this area's client components use (see _components/client-messages). */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages ns={['letters', 'households', 'join']}>{children}</ClientMessages>;
}
