import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { Anchor } from '@/lib/audit/anchors';
import { AnchorHash } from '../../../_components/anchor-hash';

/**
 * The notice board's audit fingerprint: the compound's chain head as last published, with what it is
 * and how a resident can check it later, in plain words — a transparency log one can hold on paper.
 */
export async function AnchorSection({
  compound,
  anchor,
  className,
}: {
  compound: { id: number; name: string };
  anchor: Anchor | undefined;
  className: string;
}) {
  const [t, format] = await Promise.all([getTranslations('board.anchor'), getFormatter()]);
  return (
    <section aria-labelledby="b-anchor" className={className}>
      <h2 id="b-anchor" className="mb-3 font-semibold text-xl">
        {t('title')}
      </h2>
      {anchor ? (
        <div className="space-y-3" data-testid="board-anchor">
          <p>
            {t('lead', {
              name: compound.name,
              date: format.dateTime(anchor.at, { dateStyle: 'long', timeStyle: 'short' }),
              reason: t(`reasons.${anchor.reason}`),
              entry: anchor.entryId,
            })}
          </p>
          <AnchorHash hash={anchor.hash} />
          <p className="text-stone-700">{t('what')}</p>
          <p className="text-stone-700">{t('howTo', { entry: anchor.entryId })}</p>
        </div>
      ) : (
        <p className="text-stone-600">{t('none')}</p>
      )}
      <Link
        href={`/c/${compound.id}/board/anchors`}
        className="no-print mt-3 inline-flex min-h-11 items-center text-brand-700 underline"
      >
        {t('history')}
      </Link>
    </section>
  );
}
