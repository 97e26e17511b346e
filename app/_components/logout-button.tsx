import { getTranslations } from 'next-intl/server';
import { logoutAction } from '../logout-action';

/** A plain form: it works before (and without) the page's JavaScript, and ships none of its own. */
export async function LogoutButton() {
  const t = await getTranslations('app');
  return (
    <form action={logoutAction}>
      <button type="submit" className="rounded px-2 py-2 text-stone-700 hover:bg-stone-100">
        {t('logout')}
      </button>
    </form>
  );
}
