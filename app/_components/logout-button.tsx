import { getTranslations } from 'next-intl/server';
import { LogoutForm } from './logout-form';

/** The header's logout: its word comes from the server, its form needs no translation library. */
export async function LogoutButton() {
  const t = await getTranslations('app');
  return <LogoutForm label={t('logout')} />;
}
