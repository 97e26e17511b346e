import { getTranslations } from 'next-intl/server';
import type { ScopeNode } from '@/db/dashboard/scope';
import { buttonClass } from '../../_components/button';

/** The place's name and level, and the way to its notice board (a compound) or its big screen. */
export async function DashboardHeading({ node, full }: { node: ScopeNode; full: boolean }) {
  const t = await getTranslations('dash');
  return (
    <header className="flex flex-wrap items-end gap-3">
      <div>
        <p className="text-sm text-stone-600">{t(`levels.${node.level}`)}</p>
        <h1 className="font-bold text-2xl">{t('title', { name: node.name })}</h1>
        {!full && <p className="text-sm text-stone-600">{t('publicPart')}</p>}
      </div>
      <div className="ml-auto flex flex-wrap gap-2 print:hidden">
        {node.level === 'compound' && (
          <a href={`/c/${node.id}/board`} className={buttonClass('secondary')}>
            {t('board')}
          </a>
        )}
        {node.level !== 'compound' && (
          <a href={`/d/${node.level}/${node.id}/screen`} className={buttonClass('secondary')}>
            {t('bigScreen')}
          </a>
        )}
      </div>
    </header>
  );
}
