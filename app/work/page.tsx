import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/server/auth/session';
import { myWork } from '@/server/work/my-work';
import { MyWorkList } from '../_components/my-work';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('work'))('title') };
}

/** My work (待办), all of it: what waits for the person in every role they hold, most urgent first. */
export default async function MyWorkPage() {
  const actor = await requireActor();
  const t = await getTranslations('work');
  const now = Date.now();
  const rows = myWork(actor, now);
  const compounds = new Set(rows.map((r) => r.compoundId));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="font-bold text-2xl">{t('title')}</h1>
      <p className="text-stone-700">{t('count', { count: rows.length })}</p>
      <MyWorkList rows={rows} now={now} showCompound={compounds.size > 1} />
    </div>
  );
}
