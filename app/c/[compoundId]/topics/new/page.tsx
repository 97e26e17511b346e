import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listBuildings } from '@/db/places/places';
import { requireCompound } from '@/server/auth/guards';
import { canRaiseTopic } from '@/lib/topics/rules';
import { Breadcrumb } from '../../../../_components/breadcrumb';
import { RaiseTopicForm } from './raise-topic-form';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('topics');
  return { title: t('raise') };
}

export default async function NewTopicPage({ params }: Props) {
  const { compound, roles } = await requireCompound((await params).compoundId);
  if (canRaiseTopic(roles)) notFound();
  const t = await getTranslations('topics');
  const buildings = listBuildings(compound.id).map((b) => ({ id: b.id, name: b.name }));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Breadcrumb items={[{ href: `/c/${compound.id}/topics`, label: t('listTitle', { compound: compound.name }) }]} />
      <h1 className="font-bold text-2xl">{t('raise')}</h1>
      <RaiseTopicForm compoundId={compound.id} buildings={buildings} />
    </div>
  );
}
