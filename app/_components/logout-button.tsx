'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function LogoutButton() {
  const t = useTranslations('app');
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/login' })}
      className="rounded px-2 py-2 text-stone-700 hover:bg-stone-100"
    >
      {t('logout')}
    </button>
  );
}
